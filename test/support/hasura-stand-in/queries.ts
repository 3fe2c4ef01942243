// The query types the stand-in answers, per endpoint and server generation, and the SQL queries.
import type pg from 'pg'
import { getCatalogState, setCatalogState } from './catalog-state.js'
import { isJsonObject, parseFailed, type Json, type JsonObject } from './errors.js'
import {
  clearMetadata,
  exportMetadata,
  inconsistentMetadata,
  reloadMetadata,
  replaceMetadata,
} from './metadata-queries.js'
import { rawJsonAt, type Answer } from './raw-json.js'
import { needsMetadataCheck, withMetadataCheck } from './run-sql.js'
import { runSqlKinds, sqlTarget } from './sources.js'
import { executeSql, withConnection } from './sql.js'
import { commitSource, snapshotOf, type StandInState } from './state.js'
import type { ServerGeneration } from './generation.js'

export type Endpoint = '/v1/query' | '/v2/query' | '/v1/metadata'

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

/** run_sql on `client` (the source's database), whose transaction the caller owns. */
async function runSqlOn(
  state: StandInState,
  sourceName: string,
  client: pg.Client,
  args: JsonObject,
  path: string,
): Promise<Json> {
  const execute = () => executeSql(client, String(args.sql), `${path}.args`)
  if (!needsMetadataCheck(args)) return execute()
  const source = state.metadata.sources.find((s) => s.name === sourceName)
  // The caller resolved the source (sqlTarget) before it ran anything.
  if (!source) throw new Error(`run_sql on source ${sourceName}, which the metadata lacks`)
  const { result, outcome } = await withMetadataCheck(
    client,
    state.generation,
    { metadata: source, inconsistent: state.inconsistent[sourceName] ?? [] },
    args.cascade === true,
    `${path}.args`,
    execute,
  )
  commitSource(state, outcome.metadata, outcome.inconsistent)
  return result
}

/** run_sql and its per-kind variants: one transaction on the database of the source it names. */
async function runSql(state: StandInState, type: string, args: Json, path: string): Promise<Json> {
  if (!isJsonObject(args)) throw parseFailed(`${path}.args`, 'expected Object')
  if (typeof args.sql !== 'string') throw parseFailed(`${path}.args`, 'key "sql" not found')
  // v1.x has one database and no `source`.
  const sourceName = state.generation === 'v2' && args.source !== undefined ? String(args.source) : 'default'
  const target = sqlTarget(state.databases, state.metadata, type, sourceName, `${path}.args`)
  const restore = snapshotOf(state)
  return withConnection(target.databaseUrl, async (client) => {
    // no_transaction is a late v2.x option; v1.x ignores unknown keys.
    if (state.generation === 'v2' && args.no_transaction === true) {
      return runSqlOn(state, sourceName, client, args, path)
    }
    try {
      return await inTransaction(client, args.read_only === true, () =>
        runSqlOn(state, sourceName, client, args, path),
      )
    } catch (error) {
      restore()
      throw error
    }
  })
}

export interface Query {
  type: string
  args: Json
  version?: Json
  /** The query's own JSON text, when known: values that must not pass through a JS number are read from it. */
  text?: string
}

export function readQuery(body: Json, path = '$', text?: string): Query {
  if (!isJsonObject(body)) throw parseFailed(path, 'expected Object')
  if (typeof body.type !== 'string') throw parseFailed(path, 'key "type" not found')
  return { type: body.type, args: body.args ?? null, version: body.version, text }
}

interface QueryContext {
  state: StandInState
  endpoint: Endpoint
  query: Query
  path: string
}

type Handler = (c: QueryContext) => Promise<Answer> | Answer

const metadataHandlers: Record<string, Handler> = {
  replace_metadata: ({ state, query }) => replaceMetadata(state, query.args),
  export_metadata: ({ state, endpoint, query }) =>
    exportMetadata(state, endpoint === '/v1/metadata' && query.version === 2),
  get_inconsistent_metadata: ({ state }) => inconsistentMetadata(state),
  reload_metadata: ({ state }) => reloadMetadata(state),
  clear_metadata: ({ state }) => clearMetadata(state),
}

const catalogStateHandlers: Record<string, Handler> = {
  get_catalog_state: ({ state }) => getCatalogState(state.catalogState),
  set_catalog_state: ({ state, query, path }) => {
    const rawState = query.text === undefined ? undefined : rawJsonAt(query.text, ['args', 'state'])
    return setCatalogState(state.catalogState, query.args, rawState, `${path}.args`)
  },
}

const handlers: Record<string, Handler> = {
  bulk: ({ state, endpoint, query, path }) => {
    if (!Array.isArray(query.args)) throw parseFailed(`${path}.args`, 'expected Array')
    return state.generation === 'v1'
      ? runBulkAtomically(state, query.args)
      : runBulkInSequence(state, endpoint, query.args, query.text)
  },
  ...metadataHandlers,
  ...catalogStateHandlers,
}

const metadataTypes = Object.keys(metadataHandlers)
const catalogStateTypes = Object.keys(catalogStateHandlers)

/** Which query types an endpoint of this generation takes (undefined: the path does not exist). */
export function acceptedTypes(generation: ServerGeneration, endpoint: Endpoint): string[] | undefined {
  if (generation === 'v1') return endpoint === '/v1/query' ? ['run_sql', 'bulk', ...metadataTypes] : undefined
  if (endpoint === '/v2/query') return [...Object.keys(runSqlKinds), 'bulk']
  if (endpoint === '/v1/metadata') return ['bulk', ...metadataTypes, ...catalogStateTypes]
  return ['run_sql', 'bulk', ...metadataTypes]
}

/** Answers one query (or a bulk) arriving on `endpoint`; errors are HasuraError. */
export async function runQuery(
  state: StandInState,
  endpoint: Endpoint,
  query: Query,
  path = '$',
): Promise<Answer> {
  const accepted = acceptedTypes(state.generation, endpoint) ?? []
  // v1.x parses `version: 2` queries as a different (table-tracking) query family.
  const v1Envelope = state.generation === 'v1' && query.version === 2
  if (!accepted.includes(query.type) || v1Envelope) {
    throw parseFailed(path, `unknown or unsupported query type for ${endpoint}: "${query.type}"`)
  }
  if (query.type in runSqlKinds) return runSql(state, query.type, query.args, path)
  // Every accepted type other than the SQL ones has its handler.
  return handlers[query.type]!({ state, endpoint, query, path })
}

async function runBulkInSequence(
  state: StandInState,
  endpoint: Endpoint,
  queries: Json[],
  text: string | undefined,
): Promise<Answer> {
  const results: Answer[] = []
  for (const [i, raw] of queries.entries()) {
    const path = `$.args[${i}]`
    const query = readQuery(raw, path, text === undefined ? undefined : rawJsonAt(text, ['args', i]))
    results.push(await runQuery(state, endpoint, query, path))
  }
  return results
}

/** v1.x runs a whole bulk in one transaction: any failure undoes every query of it. */
async function runBulkAtomically(state: StandInState, queries: Json[]): Promise<Answer> {
  const restore = snapshotOf(state)
  const target = sqlTarget(state.databases, state.metadata, 'run_sql', 'default', '$.args')
  return withConnection(target.databaseUrl, async (client) => {
    try {
      return await inTransaction(client, false, async () => {
        const results: Answer[] = []
        for (const [i, raw] of queries.entries()) {
          const path = `$.args[${i}]`
          const query = readQuery(raw, path)
          if (query.type === 'run_sql' && isJsonObject(query.args) && typeof query.args.sql === 'string') {
            results.push(await runSqlOn(state, 'default', client, query.args, path))
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
