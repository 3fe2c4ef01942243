// Hasura admin API answers that are not successes, turned into one line each: the request Hasura
// refused, or the exchange that got no answer — and whether it may still have been carried out.
import { RollbackError } from '../errors.js'
import { isRecord } from '../json.js'
import type { HttpResponse } from './http.js'
import { NetworkError, TIMEOUT_CODE } from './http.js'

const SECRET_SOURCES = `input 'admin-secret', HASURA_GRAPHQL_ADMIN_SECRET, the project's .env or admin_secret in config.yaml`

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

export function networkFailure(
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

export interface ResponseContext {
  readonly where: string
  readonly shownEndpoint: string
  readonly hasSecret: boolean
  readonly redact: (text: string) => string
  /** False for reads: a proxy error on them changes nothing. */
  readonly changesState: boolean
  readonly parse: (text: string) => unknown
}

interface ErrorBody {
  code?: unknown
  error?: unknown
  path?: unknown
  internal?: unknown
}

export function parseResponse<T>(response: HttpResponse, context: ResponseContext): T {
  const { where, shownEndpoint, redact } = context
  let body: unknown
  try {
    body = context.parse(response.text)
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
  const parsed: ErrorBody = isRecord(body) ? body : {}
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
