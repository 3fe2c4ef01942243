// A Hasura-compatible stand-in server for tests (no real Hasura can run here). It follows
// /work/shared/hasura-contract.md §3/§5/§6 and the server's source: plain node:http on 127.0.0.1,
// SQL on a real Postgres, metadata kept in memory. Parts live in ./hasura-stand-in/.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { HasuraError, hasuraError, isJsonObject, type Json } from './hasura-stand-in/errors.js'
import { emptyMetadata, parseMetadata, toVersion2 } from './hasura-stand-in/metadata-store.js'
import {
  acceptedTypes,
  readQuery,
  runQuery,
  type Endpoint,
  type StandInState,
} from './hasura-stand-in/queries.js'

export type ServerGeneration = 'v1' | 'v2'

export interface StandInOptions {
  databaseUrl: string
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

export interface HasuraStandIn {
  url: string
  requests: RecordedRequest[]
  injectFault(fault: Fault, when?: FaultTrigger): void
  /** Current metadata as a version-2 object (tables/functions of the `default` source). */
  metadata(): unknown
  /** Seeds metadata (version-2 object, or version 3 on v2) without any consistency check. */
  setMetadata(m: unknown): void
  close(): Promise<void>
}

interface PendingFault {
  fault: Fault
  remaining: number
  match: (req: { path: string; body: StandInRequestBody }) => boolean
}

const endpoints: Endpoint[] = ['/v1/query', '/v2/query', '/v1/metadata']

function send(res: ServerResponse, record: RecordedRequest, status: number, body: Json | string) {
  record.status = status
  record.response = body
  const text = typeof body === 'string' ? body : JSON.stringify(body)
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

export async function startHasuraStandIn(options: StandInOptions): Promise<HasuraStandIn> {
  const { generation, pathPrefix = '' } = options
  const version = options.version ?? (generation === 'v1' ? 'v1.3.3' : 'v2.36.0')
  const state: StandInState = {
    generation,
    databaseUrl: options.databaseUrl,
    metadata: emptyMetadata(),
    inconsistent: [],
    resourceVersion: 1,
  }
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
    const answer = (status: number, payload: Json | string) => {
      if (fault === 'drop-after' || fault === 'drop-connection') {
        record.status = 0
        record.response = undefined
        req.socket.destroy()
        return
      }
      send(res, record, status, payload)
    }

    if (req.method === 'GET' && path === '/healthz') {
      return answer(200, state.inconsistent.length === 0 ? 'OK' : 'WARN: inconsistent objects in schema')
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
      const query = readQuery(body)
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
    setMetadata(m) {
      state.metadata = parseMetadata(generation, m as Json)
      state.resourceVersion += 1
    },
    close() {
      // Destroying open sockets keeps a 'hang' fault from holding the server open; a second call is a no-op.
      for (const socket of sockets) socket.destroy()
      closed ??= new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())))
      return closed
    },
  }
}
