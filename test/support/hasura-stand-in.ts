// A Hasura-compatible stand-in server for tests (no real Hasura can run here). It follows
// ../shared/hasura-contract.md and ../shared/hasura-contract-v3.md (beside the repository) and the
// server's source: plain node:http on 127.0.0.1, SQL on real Postgres databases, metadata kept in
// memory. It imports nothing from src/: it is the other side of the contract the action is tested
// against, and code shared with the action would make a mistake in it agree with itself.
//
// Sources (v2.x): `sources` names the databases the server can reach, in order; the metadata starts
// with each of them as an empty source, and replace_metadata decides which sources the server has
// afterwards (a source whose name has no database here is reported inconsistent). `databaseUrl`
// alone is one `default` source, as for a server started with HASURA_GRAPHQL_DATABASE_URL.
//
// Catalog state (get_catalog_state / set_catalog_state, v2.x): with `metadataDatabaseUrl` it is the
// row of hdb_catalog.hdb_version there, created on start as the server does and read and written
// through SQL on every request (the database may also be one of the sources). Without it the
// catalog state lives in memory and the stand-in creates nothing in any database.
// Parts live in ./hasura-stand-in/.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import {
  memoryCatalogState,
  sqlCatalogState,
  type CatalogStateStore,
} from './hasura-stand-in/catalog-state.js'
import { HasuraError, hasuraError, isJsonObject, type Json } from './hasura-stand-in/errors.js'
import type { ServerGeneration } from './hasura-stand-in/generation.js'
import {
  emptySource,
  parseMetadata,
  toVersion2,
  toVersion3,
  type StoredMetadata,
} from './hasura-stand-in/metadata-store.js'
import { acceptedTypes, readQuery, runQuery, type Endpoint } from './hasura-stand-in/queries.js'
import { encodeAnswer, type Answer } from './hasura-stand-in/raw-json.js'
import { sourceConfiguration, sourceDatabases, type StandInSource } from './hasura-stand-in/sources.js'
import { allInconsistent, type StandInState } from './hasura-stand-in/state.js'

export type { ServerGeneration } from './hasura-stand-in/generation.js'
export type { StandInSource } from './hasura-stand-in/sources.js'

export interface StandInOptions {
  /** The database of the one `default` source. Give this or `sources`. */
  databaseUrl?: string
  /** v2 only: the sources the server starts with, in this order (export_metadata lists them so). */
  sources?: StandInSource[]
  /**
   * v2 only: the metadata database, holding hdb_catalog.hdb_version (may be a source's database);
   * get_catalog_state answers each document as the jsonb column holds it. Without it the catalog
   * state lives in memory, and get_catalog_state answers a document exactly as set_catalog_state
   * sent it (not normalised as jsonb normalises spacing, key order and repeated keys): tests that
   * compare the text use a metadata database.
   */
  metadataDatabaseUrl?: string
  generation: ServerGeneration
  /** undefined: no secret configured, every request is admin. */
  adminSecret?: string
  /** Reported by /v1/version; defaults to v1.3.3 / v2.36.0. */
  version?: string
  /** Serve under a path prefix, e.g. '/hasura'. */
  pathPrefix?: string
}

export interface RecordedRequest {
  method: string
  path: string
  headers: Record<string, string | undefined>
  body: unknown
  /** 0 while unanswered (or never, for 'hang' and dropped connections). */
  status: number
  response: unknown
}

/** What each request asked: its query type, or `METHOD path` for one without (GET /v1/version). */
export function requestTypes(requests: readonly RecordedRequest[]): string[] {
  return requests.map((r) => (r.body as { type?: string } | null)?.type ?? `${r.method} ${r.path}`)
}

/** How late a 'slow' fault answers. */
export const SLOW_FAULT_MS = 600

/**
 * 'status-500': answer 500 without running anything. 'hang': never answer.
 * 'drop-before': close the connection without running anything.
 * 'drop-after' (alias 'drop-connection'): run the query, then close the connection instead of
 * answering — a lost response whose effects happened. 'slow': answer as usual, SLOW_FAULT_MS late.
 */
export type Fault = 'status-500' | 'hang' | 'drop-connection' | 'drop-before' | 'drop-after' | 'slow'

export interface StandInRequestBody {
  type?: unknown
  args?: unknown
  [key: string]: unknown
}

export interface FaultTrigger {
  /** 1-based, counted among matching requests from now; default 1. */
  nth?: number
  match?: (req: { path: string; body: StandInRequestBody }) => boolean
}

export interface CatalogState {
  id: string
  cli_state: unknown
  console_state: unknown
}

export interface HasuraStandIn {
  url: string
  requests: RecordedRequest[]
  injectFault(fault: Fault, when?: FaultTrigger): void
  /** Current metadata as a version-2 object (tables/functions of the `default` source). */
  metadata(): unknown
  /** Current metadata as the version-3 object a v2.x server exports (every source). */
  metadataV3(): unknown
  /** Seeds metadata (version-2 object, or version 3 on v2) without any consistency check. */
  setMetadata(m: unknown): void
  /** What get_catalog_state answers now (read from the metadata database when there is one), parsed:
   * numbers past 2^53 lose precision here, so compare such documents with SQL on the row. */
  catalogState(): Promise<CatalogState>
  close(): Promise<void>
}

interface PendingFault {
  fault: Fault
  remaining: number
  match: (req: { path: string; body: StandInRequestBody }) => boolean
}

const endpoints: Endpoint[] = ['/v1/query', '/v2/query', '/v1/metadata']

function send(res: ServerResponse, record: RecordedRequest, status: number, body: Answer) {
  const text = typeof body === 'string' ? body : encodeAnswer(body)
  record.status = status
  record.response = typeof body === 'string' ? body : (JSON.parse(text) as unknown)
  res.writeHead(status, { 'Content-Type': typeof body === 'string' ? 'text/plain' : 'application/json' })
  res.end(text)
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function headersOf(req: IncomingMessage): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(', ') : v]),
  )
}

/** The server's admin-secret check; x-hasura-access-key is the deprecated alias. */
function checkAdminSecret(secret: string | undefined, headers: Record<string, string | undefined>) {
  if (secret === undefined) return
  const sent = headers['x-hasura-admin-secret'] ?? headers['x-hasura-access-key']
  if (sent === undefined) {
    throw hasuraError(
      401,
      '$',
      'access-denied',
      'x-hasura-admin-secret/x-hasura-access-key required, but not found',
    )
  }
  if (sent !== secret)
    throw hasuraError(401, '$', 'access-denied', 'invalid x-hasura-admin-secret/x-hasura-access-key')
}

/** The configured sources: `sources`, or one `default` source on `databaseUrl`. */
function configuredSources(options: StandInOptions): StandInSource[] {
  if ((options.databaseUrl === undefined) === (options.sources === undefined)) {
    throw new Error('startHasuraStandIn: give either databaseUrl or sources')
  }
  const sources = options.sources ?? [{ name: 'default', databaseUrl: options.databaseUrl ?? '' }]
  const onlyDefault =
    sources.length === 1 && sources[0]?.name === 'default' && (sources[0].kind ?? 'postgres') === 'postgres'
  if (options.generation === 'v1' && (!onlyDefault || options.metadataDatabaseUrl !== undefined)) {
    throw new Error(
      'startHasuraStandIn: a v1.x server has one default Postgres database and no catalog state',
    )
  }
  return sources
}

async function initialState(options: StandInOptions): Promise<StandInState> {
  const sources = configuredSources(options)
  const metadata: StoredMetadata = {
    sources: sources.map((s) => emptySource(s.name, s.kind ?? 'postgres', sourceConfiguration(s.name))),
    sections: {},
  }
  const catalogState: CatalogStateStore =
    options.metadataDatabaseUrl === undefined
      ? memoryCatalogState()
      : await sqlCatalogState(options.metadataDatabaseUrl)
  return {
    generation: options.generation,
    databases: sourceDatabases(sources),
    metadata,
    inconsistent: {},
    resourceVersion: 1,
    catalogState,
  }
}

export async function startHasuraStandIn(options: StandInOptions): Promise<HasuraStandIn> {
  const { generation, pathPrefix = '' } = options
  const version = options.version ?? (generation === 'v1' ? 'v1.3.3' : 'v2.36.0')
  const state = await initialState(options)
  const requests: RecordedRequest[] = []
  const faults: PendingFault[] = []
  const sockets = new Set<Socket>()
  let closed: Promise<void> | undefined

  function takeFault(path: string, body: StandInRequestBody): Fault | undefined {
    const pending = faults.find((f) => f.match({ path, body }))
    if (!pending) return undefined
    pending.remaining -= 1
    if (pending.remaining > 0) return undefined
    faults.splice(faults.indexOf(pending), 1)
    return pending.fault
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/'
    const path = rawPath.startsWith(pathPrefix) ? rawPath.slice(pathPrefix.length) || '/' : rawPath
    const headers = headersOf(req)
    const text = await readBody(req)
    let body: Json = null
    let invalidJson = false
    try {
      body = text === '' ? null : (JSON.parse(text) as Json)
    } catch {
      invalidJson = true
    }
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      headers,
      body,
      status: 0,
      response: undefined,
    }
    requests.push(record)

    const fault = takeFault(path, isJsonObject(body) ? body : {})
    if (fault === 'hang') return
    if (fault === 'slow') await new Promise((resume) => setTimeout(resume, SLOW_FAULT_MS))
    if (fault === 'drop-before') return void req.socket.destroy()
    if (fault === 'status-500') {
      return send(res, record, 500, { path: '$', error: 'internal error', code: 'unexpected' })
    }
    const answer = (status: number, payload: Answer) => {
      if (fault === 'drop-after' || fault === 'drop-connection') {
        record.status = 0
        record.response = undefined
        req.socket.destroy()
        return
      }
      send(res, record, status, payload)
    }

    if (req.method === 'GET' && path === '/healthz') {
      const consistent = allInconsistent(state).length === 0
      return answer(200, consistent ? 'OK' : 'WARN: inconsistent objects in schema')
    }
    if (req.method === 'GET' && path === '/v1/version') {
      return answer(200, generation === 'v1' ? { version } : { version, server_type: 'ce' })
    }
    const endpoint = endpoints.find((e) => e === path)
    if (req.method !== 'POST' || !endpoint || !acceptedTypes(generation, endpoint)) {
      return answer(404, { path: '$', error: 'resource does not exist', code: 'not-found' })
    }
    try {
      checkAdminSecret(options.adminSecret, headers)
      if (invalidJson) throw hasuraError(400, '$', 'invalid-json', 'invalid json')
      const query = readQuery(body, '$', text)
      if (endpoint === '/v1/metadata' && isJsonObject(body) && typeof body.resource_version === 'number') {
        if (body.resource_version !== state.resourceVersion) {
          throw hasuraError(
            409,
            '$',
            'conflict',
            `metadata resource version referenced (${body.resource_version}) did not match current version`,
          )
        }
      }
      answer(200, await runQuery(state, endpoint, query))
    } catch (error) {
      if (!(error instanceof HasuraError)) throw error
      answer(error.status, error.body as unknown as Json)
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent || res.destroyed) return
      res.writeHead(500, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ path: '$', error: String(error), code: 'unexpected' }))
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0

  return {
    url: `http://127.0.0.1:${port}${pathPrefix}`,
    requests,
    injectFault(fault, when = {}) {
      faults.push({ fault, remaining: when.nth ?? 1, match: when.match ?? (() => true) })
    },
    metadata: () => toVersion2(state.metadata),
    metadataV3: () => toVersion3(state.metadata),
    setMetadata(m) {
      state.metadata = parseMetadata(generation, m as Json, state.metadata)
      state.resourceVersion += 1
    },
    async catalogState() {
      const row = await state.catalogState.read()
      return { id: row.id, cli_state: JSON.parse(row.cli), console_state: JSON.parse(row.console) }
    },
    close() {
      // Destroying open sockets keeps a 'hang' fault from holding the server open; a second call is a no-op.
      for (const socket of sockets) socket.destroy()
      closed ??= new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())))
      return closed
    },
  }
}
