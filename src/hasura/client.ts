// Hasura admin API client: server generation from /v1/version, run_sql on the generation's SQL endpoint,
// metadata calls on its metadata endpoint, errors turned into one line. The admin secret goes into one
// request header and nowhere else: never a message, never a log line.
import { readFileSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import { RollbackError, errorMessage } from '../errors.js'
import type { ProjectConfig } from '../project/config.js'
import type { HttpRequest, HttpResponse, TlsOptions } from './http.js'
import { NetworkError, PROXY_REFUSED_CODE, TIMEOUT_CODE, sendHttp, tlsOptions } from './http.js'

export type ServerGeneration = 'v1' | 'v2'

/**
 * A run_sql answer. Cells are Postgres text output as strings; SQL NULL arrives as the string 'NULL'
 * (indistinguishable from the text 'NULL': use `sqlNull` only on columns that cannot hold that text).
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
  /** One run_sql = one transaction; `check_metadata_consistency: false` as the CLI sends it. */
  runSql(sql: string, options?: { readOnly?: boolean }): Promise<SqlResult>
  /** A metadata query on /v1/metadata (v2.x) or /v1/query (v1.x); resolves to the JSON answer. */
  metadata<T = unknown>(body: { type: string; args: unknown; version?: number }): Promise<T>
  /** HTTP requests sent so far, retries included. */
  readonly requestCount: number
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

/** The Postgres error inside a `postgres-error` answer (Hasura reports no position). */
export interface PostgresErrorDetail {
  readonly message: string
  readonly statusCode: string | undefined
  readonly description: string | undefined
  readonly hint: string | undefined
}

/** A request Hasura refused or that got no answer; `status` is undefined without an HTTP answer. */
export class HasuraApiError extends RollbackError {
  readonly status: number | undefined
  readonly code: string | undefined
  readonly path: string | undefined
  readonly internal: unknown
  /** False when the request certainly had no effect; true when it may have run (e.g. timed out). */
  readonly mayHaveRun: boolean

  constructor(
    message: string,
    details: { status?: number; code?: string; path?: string; internal?: unknown; mayHaveRun: boolean },
    cause?: unknown,
  ) {
    super(message, { cause, outcomeUnknown: details.mayHaveRun })
    this.name = 'HasuraApiError'
    this.status = details.status
    this.code = details.code
    this.path = details.path
    this.internal = details.internal
    this.mayHaveRun = details.mayHaveRun
  }

  /** The Postgres error of a `postgres-error` answer, else undefined. */
  get postgresError(): PostgresErrorDetail | undefined {
    return this.code === 'postgres-error' ? parsePostgresError(this.internal) : undefined
  }
}

function parsePostgresError(internal: unknown): PostgresErrorDetail | undefined {
  const error = (internal as { error?: Record<string, unknown> } | undefined)?.error
  if (typeof error?.message !== 'string') return undefined
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined)
  return {
    message: error.message,
    statusCode: text(error.status_code),
    description: text(error.description),
    hint: text(error.hint),
  }
}

/** 'NULL' (how run_sql renders SQL NULL) → null; any other cell as is. */
export function sqlNull(cell: string | undefined): string | null {
  return cell === undefined || cell === 'NULL' ? null : cell
}

const DEFAULT_TIMEOUT_MS = 60_000
const DEFAULT_RETRY_DELAYS_MS = [500, 2000]
const SECRET_SOURCES = `input 'admin-secret', HASURA_GRAPHQL_ADMIN_SECRET, the project's .env or admin_secret in config.yaml`

interface Call {
  readonly method: 'GET' | 'POST'
  readonly apiPath: string
  /** What the request does, for messages: 'version', 'run_sql', 'export_metadata', … */
  readonly what: string
  readonly body?: unknown
  /** True for requests that change nothing (GET): retried after any transient failure. */
  readonly idempotent: boolean
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
    const body = c.body === undefined ? undefined : JSON.stringify(c.body)
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

  async function runSql(sql: string, sqlOptions: { readOnly?: boolean } = {}): Promise<SqlResult> {
    const { generation } = await serverVersion()
    const args: Record<string, unknown> = { sql, check_metadata_consistency: false }
    // read_only is a v2.x argument; v1.x servers always run read-write.
    if (sqlOptions.readOnly && generation === 'v2') args.read_only = true
    const answer = await call<{ result_type?: unknown; result?: unknown }>({
      method: 'POST',
      apiPath: generation === 'v2' ? config.apiPaths.v2Query : config.apiPaths.query,
      what: 'run_sql',
      body: { type: 'run_sql', args },
      idempotent: false,
    })
    return toSqlResult(answer, shownEndpoint)
  }

  async function metadata<T>(body: { type: string; args: unknown; version?: number }): Promise<T> {
    const { generation } = await serverVersion()
    return call<T>({
      method: 'POST',
      apiPath: generation === 'v2' ? config.apiPaths.v1Metadata : config.apiPaths.query,
      what: body.type,
      body,
      idempotent: false,
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

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms))
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

function networkFailure(
  error: NetworkError,
  where: string,
  endpoint: string,
  timeoutMs: number,
  redact: (text: string) => string,
): HasuraApiError {
  const mayHaveRun = error.sent && where.startsWith('POST')
  let what: string
  if (error.code === TIMEOUT_CODE) {
    what = `no answer to ${where} within ${timeoutMs / 1000} s`
    if (mayHaveRun) what += '; the server may still complete the request'
  } else if (error.tls) {
    what = `TLS failed on ${where}: ${error.message} (${error.code}); set certificate_authority or insecure_skip_tls_verify in config.yaml if the certificate is expected`
  } else if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') {
    // Through a proxy, only the proxy's host is looked up here.
    const host = new URL(error.proxy ?? endpoint).hostname
    what = `host ${host} not found (DNS ${error.code}) on ${where}`
  } else if (error.code === 'ECONNREFUSED') {
    what = `connection refused (ECONNREFUSED) on ${where}`
  } else {
    what = `${where} failed: ${error.message}${error.code ? ` (${error.code})` : ''}`
    if (mayHaveRun) what += '; the connection broke after the request was sent, so it may have run'
  }
  const message = `Cannot reach Hasura at ${endpoint}${error.proxy ? ` through proxy ${error.proxy}` : ''}: ${what}`
  return new HasuraApiError(redact(message), { mayHaveRun }, error)
}

const STATUS_HINTS: Readonly<Record<number, string>> = {
  404: ': check the endpoint and api_paths in config.yaml',
  407: ': the proxy wants credentials; check the user and password in HTTP_PROXY',
}

interface ResponseContext {
  readonly where: string
  readonly shownEndpoint: string
  readonly hasSecret: boolean
  readonly redact: (text: string) => string
  /** False for reads: a proxy error on them changes nothing. */
  readonly changesState: boolean
}

interface ErrorBody {
  code?: unknown
  error?: unknown
  path?: unknown
  internal?: unknown
}

function parseResponse<T>(response: HttpResponse, context: ResponseContext): T {
  const { where, shownEndpoint, redact } = context
  let body: unknown
  try {
    body = JSON.parse(response.text)
  } catch {
    body = undefined
  }
  if (response.status >= 200 && response.status < 300) {
    if (body === undefined) {
      throw new HasuraApiError(
        `Hasura at ${shownEndpoint} answered ${where} with HTTP ${response.status} but no JSON: is this a Hasura endpoint?`,
        { status: response.status, mayHaveRun: true },
      )
    }
    return body as T
  }
  const parsed = (typeof body === 'object' && body !== null ? body : {}) as ErrorBody
  const code = typeof parsed.code === 'string' ? parsed.code : undefined
  const path = typeof parsed.path === 'string' ? parsed.path : undefined
  const error = typeof parsed.error === 'string' ? parsed.error : response.text.trim().slice(0, 200)
  // A 5xx that is not Hasura's own {code, error} answer comes from a proxy or load balancer (502/503/504
  // on a slow request): Hasura may still carry the request out.
  const fromProxy = response.status >= 500 && code === undefined
  const details = {
    status: response.status,
    code,
    path,
    internal: parsed.internal,
    mayHaveRun: fromProxy && context.changesState,
  }
  const make = (message: string) => new HasuraApiError(redact(message), details)
  if (response.status === 401 || code === 'access-denied') {
    throw context.hasSecret
      ? make(`Hasura at ${shownEndpoint} refused the admin secret (${error}): check ${SECRET_SOURCES}`)
      : make(`Hasura at ${shownEndpoint} requires an admin secret and none was given: set ${SECRET_SOURCES}`)
  }
  const codeText = code ? ` (${code})` : ''
  if (response.status >= 500) {
    throw make(
      `Hasura at ${shownEndpoint} answered ${where} with HTTP ${response.status}: ${error}${codeText}`,
    )
  }
  if (code === 'postgres-error') {
    const pg = parsePostgresError(parsed.internal)
    const sqlState = pg?.statusCode ? ` (SQLSTATE ${pg.statusCode})` : ''
    throw make(`Postgres failed the SQL sent to ${shownEndpoint}: ${pg?.message ?? error}${sqlState}`)
  }
  const hint = STATUS_HINTS[response.status] ?? ''
  const at = path ? ` at ${path}` : ''
  throw make(
    `Hasura at ${shownEndpoint} rejected ${where} with HTTP ${response.status}${codeText}${at}: ${error}${hint}`,
  )
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
