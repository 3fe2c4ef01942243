// Hasura admin API client: server generation from /v1/version, run_sql on the generation's SQL endpoint,
// metadata calls on its metadata endpoint, errors turned into one line. The admin secret goes into one
// request header and nowhere else: never a message, never a log line.
import { readFileSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { RollbackError, errorMessage } from '../errors.js'
import type { LosslessJson } from '../lossless-json.js'
import { parseLossless, stringifyLossless } from '../lossless-json.js'
import type { ProjectConfig } from '../project/config.js'
import type { HttpRequest, HttpResponse, TlsOptions } from './http.js'
import { NetworkError, PROXY_REFUSED_CODE, TIMEOUT_CODE, sendHttp, tlsOptions } from './http.js'
import { HasuraApiError, networkFailure, parseResponse } from './errors.js'

export type ServerGeneration = 'v1' | 'v2'

/**
 * A run_sql answer. Cells are Postgres text output as strings; SQL NULL arrives as the string 'NULL'
 * (indistinguishable from the text 'NULL').
 */
export interface SqlResult {
  readonly resultType: 'CommandOk' | 'TuplesOk'
  /** Column names; empty for CommandOk. */
  readonly header: readonly string[]
  /** Rows without the header row; empty for CommandOk. */
  readonly rows: readonly (readonly string[])[]
}

export interface HasuraClient {
  /** The endpoint as configured (credentials in the URL, if any, are left out of messages). */
  readonly endpoint: string
  /** GET <endpoint>/<api_paths.version>; asked once, then cached. */
  serverVersion(): Promise<{ version: string; generation: ServerGeneration }>
  /**
   * One run_sql = one transaction; `check_metadata_consistency: false` as the CLI sends it. `source`:
   * the database (config v3); left out, the server's `default`.
   */
  runSql(sql: string, options?: RunSqlOptions): Promise<SqlResult>
  /** A metadata query on /v1/metadata (v2.x) or /v1/query (v1.x); resolves to the JSON answer. */
  /** `lossless`: numbers in the answer become JsonNumber (lossless-json.ts), keeping every digit. */
  metadata<T = unknown>(body: MetadataBody, options?: { lossless?: boolean }): Promise<T>
  /** HTTP requests sent so far, retries included. */
  readonly requestCount: number
}

export interface RunSqlOptions {
  readonly readOnly?: boolean
  readonly source?: string
}

export interface HasuraClientOptions {
  /** Per request; default 60 s. */
  readonly timeoutMs?: number
  /** Debug lines (method, path, status, time); never bodies or headers. */
  readonly log?: (line: string) => void
  /** Waits before each retry of a request that cannot have taken effect; default 0.5 s and 2 s. */
  readonly retryDelaysMs?: readonly number[]
  /** A relative certificate_authority is read from here (the project directory); default the cwd. */
  readonly projectDir?: string
  /** The forward proxy for a URL (`proxyFor` over the runner's environment); default: none. */
  readonly proxy?: (url: URL) => URL | undefined
  /** Replaces the HTTP exchange (tests). */
  readonly send?: (request: HttpRequest, tls: TlsOptions) => Promise<HttpResponse>
}

const DEFAULT_TIMEOUT_MS = 60_000
const DEFAULT_RETRY_DELAYS_MS = [500, 2000]

export interface MetadataBody {
  readonly type: string
  readonly args: unknown
  readonly version?: number
}

interface Call {
  readonly method: 'GET' | 'POST'
  readonly apiPath: string
  /** What the request does, for messages: 'version', 'run_sql', 'export_metadata', … */
  readonly what: string
  readonly body?: unknown
  /** True for requests that change nothing (GET): retried after any transient failure. */
  readonly idempotent: boolean
  /** Parses the answer; JSON.parse when not given. */
  readonly parse?: (text: string) => unknown
}

export function createHasuraClient(config: ProjectConfig, options: HasuraClientOptions = {}): HasuraClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const retryDelays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS
  const send = options.send ?? sendHttp
  const log = options.log ?? (() => {})
  const shownEndpoint = withoutCredentials(config.endpoint)
  const secret = config.adminSecret
  const redact = (text: string) => (secret ? text.replaceAll(secret, '***') : text)
  let requestCount = 0
  let tls: Promise<TlsOptions> | undefined
  let version: Promise<{ version: string; generation: ServerGeneration }> | undefined

  const headers: Record<string, string> = { 'Content-Type': 'application/json' }
  if (secret) headers['X-Hasura-Admin-Secret'] = secret

  async function call<T>(c: Call): Promise<T> {
    const url = joinApiPath(config.endpoint, c.apiPath)
    const where = `${c.method} ${c.apiPath} (${c.what})`
    // Values read losslessly (the catalog state) go back digit for digit.
    const body = c.body === undefined ? undefined : stringifyLossless(c.body as LosslessJson)
    const tlsSettings = await (tls ??= loadTls(config, options.projectDir))
    const proxy = options.proxy?.(url)
    for (let attempt = 0; ; attempt++) {
      const started = Date.now()
      let response: HttpResponse
      try {
        requestCount++
        response = await send({ method: c.method, url, headers, body, timeoutMs, proxy }, tlsSettings)
      } catch (error) {
        if (!(error instanceof NetworkError)) throw error
        if (attempt < retryDelays.length && mayRetry(error, c.idempotent)) {
          log(`${where}: ${error.code ?? error.message}; retrying`)
          await sleep(retryDelays[attempt] ?? 0)
          continue
        }
        throw networkFailure(error, where, shownEndpoint, timeoutMs, redact)
      }
      log(`${where} → HTTP ${response.status} in ${Date.now() - started} ms`)
      if (c.idempotent && response.status >= 500 && attempt < retryDelays.length) {
        await sleep(retryDelays[attempt] ?? 0)
        continue
      }
      return parseResponse<T>(response, {
        where,
        shownEndpoint,
        hasSecret: Boolean(secret),
        redact,
        changesState: !c.idempotent,
        parse: c.parse ?? JSON.parse,
      })
    }
  }

  function serverVersion() {
    version ??= call<{ version?: unknown }>({
      method: 'GET',
      apiPath: config.apiPaths.version,
      what: 'server version',
      idempotent: true,
    }).then((answer) => {
      if (typeof answer?.version !== 'string') {
        throw new HasuraApiError(
          `Hasura at ${shownEndpoint} answered GET ${config.apiPaths.version} without a version: is this a Hasura endpoint (api_paths.version in config.yaml)?`,
          { status: 200, mayHaveRun: false },
        )
      }
      return { version: answer.version, generation: generationOf(answer.version) }
    })
    // A failed attempt is not cached: a later call asks again.
    version.catch(() => (version = undefined))
    return version
  }

  async function runSql(sql: string, sqlOptions: RunSqlOptions = {}): Promise<SqlResult> {
    const { generation } = await serverVersion()
    const args: Record<string, unknown> = { sql, check_metadata_consistency: false }
    // read_only and source are v2.x arguments; v1.x servers always run read-write on their one database.
    if (sqlOptions.readOnly && generation === 'v2') args.read_only = true
    if (sqlOptions.source !== undefined && generation === 'v2') args.source = sqlOptions.source
    const answer = await call<{ result_type?: unknown; result?: unknown }>({
      method: 'POST',
      apiPath: generation === 'v2' ? config.apiPaths.v2Query : config.apiPaths.query,
      what: 'run_sql',
      body: { type: 'run_sql', args },
      idempotent: false,
    })
    return toSqlResult(answer, shownEndpoint)
  }

  async function metadata<T>(body: MetadataBody, metadataOptions: { lossless?: boolean } = {}): Promise<T> {
    const { generation } = await serverVersion()
    return call<T>({
      method: 'POST',
      apiPath: generation === 'v2' ? config.apiPaths.v1Metadata : config.apiPaths.query,
      what: body.type,
      body,
      idempotent: false,
      parse: metadataOptions.lossless ? parseLossless : undefined,
    })
  }

  return {
    endpoint: shownEndpoint,
    serverVersion,
    runSql,
    metadata,
    get requestCount() {
      return requestCount
    },
  }
}

/** Keeps the endpoint's path prefix: https://h/hasura + v1/query → https://h/hasura/v1/query. */
export function joinApiPath(endpoint: string, apiPath: string): URL {
  const url = new URL(endpoint)
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/${apiPath.replace(/^\/+/, '')}`
  return url
}

export function generationOf(version: string): ServerGeneration {
  const major = /^v?(\d+)\./.exec(version)?.[1]
  // Only 1.x is the old API; 2.x and unknown builds (dev tags) take the v2 endpoints.
  return major === '1' ? 'v1' : 'v2'
}

function withoutCredentials(endpoint: string): string {
  try {
    const url = new URL(endpoint)
    url.username = ''
    url.password = ''
    return url.toString().replace(/\/+$/, '')
  } catch {
    return endpoint
  }
}

function mayRetry(error: NetworkError, idempotent: boolean): boolean {
  const permanent = [TIMEOUT_CODE, 'ENOTFOUND', PROXY_REFUSED_CODE]
  if (error.tls || permanent.includes(error.code ?? '')) return false
  return idempotent || !error.sent
}

async function loadTls(config: ProjectConfig, projectDir: string | undefined): Promise<TlsOptions> {
  const rejectUnauthorized = !config.insecureSkipTlsVerify
  if (!config.certificateAuthority) return tlsOptions(undefined, rejectUnauthorized)
  const path = isAbsolute(config.certificateAuthority)
    ? config.certificateAuthority
    : resolve(projectDir ?? '.', config.certificateAuthority)
  let ca: string
  try {
    ca = readFileSync(path, 'utf8')
  } catch (error) {
    throw new RollbackError(
      `certificate_authority '${config.certificateAuthority}' cannot be read: ${errorMessage(error)}`,
      { file: config.configFile, cause: error },
    )
  }
  return tlsOptions(ca, rejectUnauthorized)
}

function toSqlResult(answer: { result_type?: unknown; result?: unknown }, endpoint: string): SqlResult {
  if (answer?.result_type === 'CommandOk') return { resultType: 'CommandOk', header: [], rows: [] }
  const table = answer?.result
  if (answer?.result_type === 'TuplesOk' && Array.isArray(table) && table.every(Array.isArray)) {
    const [header = [], ...rows] = (table as unknown[][]).map((row) => row.map(String))
    return { resultType: 'TuplesOk', header, rows }
  }
  throw new HasuraApiError(`Hasura at ${endpoint} answered run_sql with an unexpected result shape`, {
    status: 200,
    mayHaveRun: true,
  })
}
