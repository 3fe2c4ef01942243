// The query types the stand-in answers, per endpoint and server generation.
import type pg from 'pg'
import { hasuraError, isJsonObject, parseFailed, type Json, type JsonObject } from './errors.js'
import { checkConsistency, loadCatalog, type InconsistentObject } from './consistency.js'
import {
  emptyMetadata,
  parseMetadata,
  toVersion2,
  toVersion3,
  type StoredMetadata,
} from './metadata-store.js'
import { needsMetadataCheck, withMetadataCheck } from './run-sql.js'
import { connectRaw, executeSql } from './sql.js'
import type { ServerGeneration } from '../hasura-stand-in.js'

export interface StandInState {
  generation: ServerGeneration
  databaseUrl: string
  metadata: StoredMetadata
  inconsistent: InconsistentObject[]
  resourceVersion: number
}

export type Endpoint = '/v1/query' | '/v2/query' | '/v1/metadata'

const metadataTypes = [
  'replace_metadata',
  'export_metadata',
  'clear_metadata',
  'reload_metadata',
  'get_inconsistent_metadata',
]

/** Which query types an endpoint of this generation takes (undefined: the path does not exist). */
export function acceptedTypes(generation: ServerGeneration, endpoint: Endpoint): string[] | undefined {
  if (generation === 'v1') return endpoint === '/v1/query' ? ['run_sql', 'bulk', ...metadataTypes] : undefined
  if (endpoint === '/v2/query') return ['run_sql', 'bulk']
  if (endpoint === '/v1/metadata') return ['bulk', ...metadataTypes]
  return ['run_sql', 'bulk', ...metadataTypes]
}

async function withClient<T>(state: StandInState, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = await connectRaw(state.databaseUrl)
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

/** BEGIN … COMMIT around `fn`, ROLLBACK when it throws. */
async function inTransaction<T>(client: pg.Client, readOnly: boolean, fn: () => Promise<T>): Promise<T> {
  await client.query(readOnly ? 'BEGIN READ ONLY' : 'BEGIN')
  try {
    const result = await fn()
    await client.query('COMMIT')
    return result
  } catch (error) {
    await client.query('ROLLBACK')
    throw error
  }
}

/** Undoes metadata changes made by a query whose transaction was rolled back. */
function snapshotOf(state: StandInState): () => void {
  const { metadata, inconsistent, resourceVersion } = state
  return () => Object.assign(state, { metadata, inconsistent, resourceVersion })
}

function commitMetadata(state: StandInState, metadata: StoredMetadata, inconsistent: InconsistentObject[]) {
  state.metadata = metadata
  state.inconsistent = inconsistent
  state.resourceVersion += 1
}

/** run_sql on `client`, whose transaction the caller owns. */
async function runSqlOn(
  state: StandInState,
  client: pg.Client,
  args: JsonObject,
  path: string,
): Promise<Json> {
  if (typeof args.sql !== 'string') throw parseFailed(`${path}.args`, 'key "sql" not found')
  const sql = args.sql
  if (state.generation === 'v2' && args.source !== undefined && args.source !== 'default') {
    throw hasuraError(
      400,
      `${path}.args`,
      'not-exists',
      `source with name "${String(args.source)}" does not exist`,
    )
  }
  const execute = () => executeSql(client, sql, `${path}.args`)
  if (!needsMetadataCheck(args)) return execute()
  const { result, outcome } = await withMetadataCheck(
    client,
    state.generation,
    state,
    args.cascade === true,
    `${path}.args`,
    execute,
  )
  commitMetadata(state, outcome.metadata, outcome.inconsistent)
  return result
}

async function runSql(state: StandInState, args: JsonObject, path: string): Promise<Json> {
  const restore = snapshotOf(state)
  return withClient(state, async (client) => {
    // no_transaction is a late v2.x option; v1.x ignores unknown keys.
    if (state.generation === 'v2' && args.no_transaction === true) return runSqlOn(state, client, args, path)
    try {
      return await inTransaction(client, args.read_only === true, () => runSqlOn(state, client, args, path))
    } catch (error) {
      restore()
      throw error
    }
  })
}

async function replaceMetadata(state: StandInState, args: Json): Promise<Json> {
  const envelope = state.generation === 'v2' && isJsonObject(args) && args.metadata !== undefined
  const allowInconsistent = envelope && isJsonObject(args) && args.allow_inconsistent_metadata === true
  const metadata = parseMetadata(
    state.generation,
    envelope && isJsonObject(args) ? args.metadata : args,
    envelope ? '$.args.metadata' : '$.args',
  )
  const inconsistent = await withClient(state, async (c) =>
    checkConsistency(state.generation, metadata, await loadCatalog(c)),
  )
  if (inconsistent.length > 0 && !allowInconsistent) {
    throw hasuraError(
      400,
      '$.args',
      'unexpected',
      'cannot continue due to inconsistent metadata',
      inconsistent,
    )
  }
  commitMetadata(state, metadata, inconsistent)
  if (!envelope) return { message: 'success' }
  return { is_consistent: inconsistent.length === 0, inconsistent_objects: inconsistent }
}

async function reloadMetadata(state: StandInState): Promise<Json> {
  state.inconsistent = await withClient(state, async (c) =>
    checkConsistency(state.generation, state.metadata, await loadCatalog(c)),
  )
  if (state.generation === 'v1') return { message: 'success' }
  const consistent = state.inconsistent.length === 0
  return consistent
    ? { message: 'success', is_consistent: true }
    : { message: 'success', is_consistent: false, inconsistent_objects: state.inconsistent }
}

export interface Query {
  type: string
  args: Json
  version?: Json
}

export function readQuery(body: Json, path = '$'): Query {
  if (!isJsonObject(body)) throw parseFailed(path, 'expected Object')
  if (typeof body.type !== 'string') throw parseFailed(path, 'key "type" not found')
  return { type: body.type, args: body.args ?? null, version: body.version }
}

/** Answers one query (or a bulk) arriving on `endpoint`; errors are HasuraError. */
export async function runQuery(
  state: StandInState,
  endpoint: Endpoint,
  query: Query,
  path = '$',
): Promise<Json> {
  const accepted = acceptedTypes(state.generation, endpoint) ?? []
  // v1.x parses `version: 2` queries as a different (table-tracking) query family.
  const v1Envelope = state.generation === 'v1' && query.version === 2
  if (!accepted.includes(query.type) || v1Envelope) {
    throw parseFailed(path, `unknown or unsupported query type for ${endpoint}: "${query.type}"`)
  }
  const args = query.args
  switch (query.type) {
    case 'run_sql':
      if (!isJsonObject(args)) throw parseFailed(`${path}.args`, 'expected Object')
      return runSql(state, args, path)
    case 'bulk':
      if (!Array.isArray(args)) throw parseFailed(`${path}.args`, 'expected Array')
      return state.generation === 'v1'
        ? runBulkAtomically(state, args)
        : runBulkInSequence(state, endpoint, args)
    case 'replace_metadata':
      return replaceMetadata(state, args)
    case 'export_metadata':
      if (state.generation === 'v1') return toVersion2(state.metadata)
      if (endpoint === '/v1/metadata' && query.version === 2) {
        return { resource_version: state.resourceVersion, metadata: toVersion3(state.metadata) }
      }
      return toVersion3(state.metadata)
    case 'get_inconsistent_metadata':
      return { is_consistent: state.inconsistent.length === 0, inconsistent_objects: state.inconsistent }
    case 'reload_metadata':
      return reloadMetadata(state)
    default: // clear_metadata
      commitMetadata(state, emptyMetadata(), [])
      return { message: 'success' }
  }
}

async function runBulkInSequence(state: StandInState, endpoint: Endpoint, queries: Json[]): Promise<Json> {
  const results: Json[] = []
  for (const [i, query] of queries.entries()) {
    results.push(await runQuery(state, endpoint, readQuery(query, `$.args[${i}]`), `$.args[${i}]`))
  }
  return results
}

/** v1.x runs a whole bulk in one transaction: any failure undoes every query of it. */
async function runBulkAtomically(state: StandInState, queries: Json[]): Promise<Json> {
  const restore = snapshotOf(state)
  return withClient(state, async (client) => {
    try {
      return await inTransaction(client, false, async () => {
        const results: Json[] = []
        for (const [i, raw] of queries.entries()) {
          const path = `$.args[${i}]`
          const query = readQuery(raw, path)
          if (query.type === 'run_sql' && isJsonObject(query.args)) {
            results.push(await runSqlOn(state, client, query.args, path))
          } else {
            results.push(await runQuery(state, '/v1/query', query, path))
          }
        }
        return results
      })
    } catch (error) {
      restore()
      throw error
    }
  })
}
