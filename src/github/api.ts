// The GitHub REST API through @actions/github's Octokit: the API URL of GitHub or GitHub Enterprise Server,
// the runner's proxy settings (@actions/http-client), the token. On top, what a rollback needs when
// things are already going wrong: a timeout on each request, GETs retried after 5xx answers, network
// failures and rate limits (all waits bounded), and a failure that says its cause in one line.
// @actions/github picks the proxy for GITHUB_API_URL when it is first imported: main.ts imports this
// module (a chunk of its own) during the run, with the runner's environment, and apiUrl is that URL.
import { getOctokit } from '@actions/github'
import { setTimeout as sleep } from 'node:timers/promises'
import { RollbackError } from '../errors.js'
import { isRecord } from '../json.js'
import { isTlsCode } from '../hasura/http.js'

export interface GitHubApiContext {
  /** GITHUB_API_URL without a trailing slash. */
  readonly apiUrl: string
  /** The proxy the API is reached through (without credentials), for messages; undefined: direct. */
  readonly proxy?: string
}

export interface GitHubApiOptions {
  /** Per request; default 30 s. */
  readonly timeoutMs?: number
  /** Waits before the 2nd, 3rd, … attempt of a GET; default 1 s, 2 s, 4 s (four attempts). */
  readonly backoffMs?: readonly number[]
  /** All waits of one request together, rate limits included; default 60 s. A longer wait: fail now. */
  readonly maxWaitMs?: number
  readonly sleep?: (ms: number) => Promise<void>
  /** Milliseconds since the epoch (to read x-ratelimit-reset); default Date.now. */
  readonly now?: () => number
  /** Debug lines: each retry and why. */
  readonly log?: (line: string) => void
}

export interface GitHubApi {
  /** One GET of an Octokit route ('GET /repos/{owner}/{repo}/…'); resolves to the JSON answer. */
  get(route: string, params: Readonly<Record<string, string | number | boolean>>): Promise<unknown>
  /** The items of a list endpoint, one page at a time, following GitHub's Link headers. */
  pages(route: string, params: Readonly<Record<string, string | number | boolean>>): AsyncIterable<unknown[]>
}

/** A request that failed for good; `status` is undefined when no HTTP answer came. */
export class GitHubApiError extends RollbackError {
  constructor(
    message: string,
    readonly status: number | undefined,
    /** 'GET /repos/acme/shop/actions/runs/1', for messages. */
    readonly endpoint: string,
    /** GitHub's own message ('Not Found'); the cause when no answer came. */
    readonly apiMessage: string,
    readonly rateLimited: boolean,
    cause: unknown,
  ) {
    super(message, { cause })
    this.name = 'GitHubApiError'
  }
}

const DEFAULT_TIMEOUT_MS = 30_000
const DEFAULT_BACKOFF_MS = [1_000, 2_000, 4_000]
const DEFAULT_MAX_WAIT_MS = 60_000
// GitHub: after a secondary rate limit without retry-after, "wait for at least one minute".
const SECONDARY_LIMIT_WAIT_MS = 60_000

type Failure =
  | { readonly kind: 'timeout' }
  | {
      readonly kind: 'network'
      readonly cause: string
      /** Another attempt meets the same wall: unknown host, untrusted certificate, proxy refusal. */
      readonly permanent: boolean
    }
  | {
      readonly kind: 'http'
      readonly status: number
      readonly message: string
      readonly headers: Readonly<Record<string, string | undefined>>
    }

export function createGitHubApi(
  token: string,
  context: GitHubApiContext,
  options: GitHubApiOptions = {},
): GitHubApi {
  const log = options.log ?? (() => {})
  const octokit = getOctokit(token, {
    baseUrl: context.apiUrl,
    userAgent: 'hasura-rollback',
    log: { debug: () => {}, info: () => {}, warn: log, error: log },
  })
  // Nothing derived from an answer may carry the token into a message.
  const redact = (text: string) => text.split(token).join('***')
  octokit.hook.wrap('request', async (request, endpointOptions) => {
    const { method, url } = octokit.request.endpoint(endpointOptions)
    const endpoint = `${method} ${apiPath(url, context.apiUrl)}`
    let waited = 0
    for (let attempt = 1; ; attempt++) {
      const controller = new AbortController()
      const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? DEFAULT_TIMEOUT_MS)
      let failure: Failure
      let cause: unknown
      try {
        // Set on this request's own options: the hooks inside (the token's) read them, not an argument.
        endpointOptions.request = { ...endpointOptions.request, signal: controller.signal }
        const response = await request(endpointOptions)
        // An answer cut short by the timeout arrives as an empty body.
        if (!controller.signal.aborted) return response
        failure = { kind: 'timeout' }
      } catch (error) {
        cause = error
        failure = controller.signal.aborted ? { kind: 'timeout' } : failureOf(error)
      } finally {
        clearTimeout(timer)
      }
      const wait =
        method === 'GET'
          ? waitBeforeRetry(failure, attempt, options, options.now?.() ?? Date.now())
          : undefined
      if (wait === undefined || waited + wait > (options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS)) {
        throw apiError(failure, { endpoint, attempt, context, options, redact, cause })
      }
      log(
        `${endpoint}: ${redact(describe(failure, options))}; attempt ${attempt + 1} in ${Math.ceil(wait / 1000)} s`,
      )
      await (options.sleep ?? sleep)(wait)
      waited += wait
    }
  })
  return {
    async get(route, params) {
      return (await octokit.request(route, params)).data
    },
    async *pages(route, params) {
      for await (const page of octokit.paginate.iterator(route, params)) {
        yield Array.isArray(page.data) ? page.data : []
      }
    },
  }
}

/** /repos/… without the API URL's own path (GitHub Enterprise Server: /api/v3) or the query. */
function apiPath(url: string, apiUrl: string): string {
  const path = new URL(url).pathname
  const basePath = new URL(apiUrl).pathname.replace(/\/+$/, '')
  return path.startsWith(`${basePath}/`) ? path.slice(basePath.length) : path
}

/** How long to wait before the next attempt, or undefined when another attempt cannot help. */
function waitBeforeRetry(
  failure: Failure,
  attempt: number,
  options: GitHubApiOptions,
  now: number,
): number | undefined {
  const backoff = (options.backoffMs ?? DEFAULT_BACKOFF_MS)[attempt - 1]
  if (backoff === undefined) return undefined
  switch (failure.kind) {
    case 'timeout':
      return backoff
    case 'network':
      return failure.permanent ? undefined : backoff
    case 'http': {
      if (isRateLimit(failure)) return rateLimitWait(failure, now)
      return failure.status >= 500 ? Math.max(backoff, retryAfterMs(failure, now) ?? 0) : undefined
    }
  }
}

function isRateLimit(failure: Extract<Failure, { kind: 'http' }>): boolean {
  if (failure.status === 429) return true
  if (failure.status !== 403) return false
  return failure.headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(failure.message)
}

/** GitHub's rules: retry-after first, then x-ratelimit-reset when none is left, else one minute. */
function rateLimitWait(failure: Extract<Failure, { kind: 'http' }>, now: number): number {
  const retryAfter = retryAfterMs(failure, now)
  if (retryAfter !== undefined) return retryAfter
  const reset = Number(failure.headers['x-ratelimit-reset'])
  if (failure.headers['x-ratelimit-remaining'] === '0' && Number.isFinite(reset) && reset > 0) {
    // One second more: GitHub's clock and ours differ a little.
    return Math.max(0, reset * 1000 - now) + 1000
  }
  return SECONDARY_LIMIT_WAIT_MS
}

function retryAfterMs(failure: Extract<Failure, { kind: 'http' }>, now: number): number | undefined {
  const value = failure.headers['retry-after']?.trim()
  if (!value) return undefined
  if (/^\d+$/.test(value)) return Number(value) * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

function failureOf(error: unknown): Failure {
  const requestError = error as {
    status?: unknown
    response?: { data?: unknown; headers?: Record<string, unknown> }
  }
  if (typeof requestError.status === 'number' && requestError.response) {
    const data = requestError.response.data
    const message =
      isRecord(data) && typeof data.message === 'string'
        ? data.message
        : typeof data === 'string' && data.trim()
          ? data.trim().slice(0, 200)
          : 'no message'
    const headers: Record<string, string | undefined> = {}
    for (const [name, value] of Object.entries(requestError.response.headers ?? {})) {
      headers[name.toLowerCase()] = value === undefined ? undefined : String(value)
    }
    return { kind: 'http', status: requestError.status, message, headers }
  }
  return networkFailure(error)
}

/** Octokit wraps fetch's "fetch failed", which wraps the socket's error: the innermost one with a code says what happened. */
function networkFailure(error: unknown): Failure {
  let innermost: unknown = error
  let coded: { code: string; message: string; hostname?: unknown } | undefined
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 8; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string')
      coded = { code, message: current.message, hostname: (current as { hostname?: unknown }).hostname }
    innermost = current
    current = current.cause
  }
  const code = coded?.code
  const message = coded?.message ?? (innermost instanceof Error ? innermost.message : String(innermost))
  let cause: string
  let permanent = code === 'ENOTFOUND' || isTlsCode(code)
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    cause = `host ${typeof coded?.hostname === 'string' ? coded.hostname : '?'} not found (DNS ${code})`
  } else if (code === 'ECONNREFUSED') {
    cause = `connection refused (${message.replace(/^connect /, '')})`
  } else if (isTlsCode(code)) {
    cause = `TLS failed: ${message} (${code}); with a private CA (GitHub Enterprise Server), set NODE_EXTRA_CA_CERTS on the runner`
  } else {
    const proxyAnswer = /^Proxy response \((\d+)\)/.exec(message)
    permanent = proxyAnswer !== null
    cause = proxyAnswer
      ? `the proxy answered CONNECT with HTTP ${proxyAnswer[1]}${proxyAnswer[1] === '407' ? ': check the user and password in the proxy URL' : ''}`
      : `${message}${code ? ` (${code})` : ''}`
  }
  return { kind: 'network', cause, permanent }
}

function describe(failure: Failure, options: GitHubApiOptions): string {
  switch (failure.kind) {
    case 'timeout':
      return `no answer within ${(options.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000} s`
    case 'network':
      return failure.cause
    case 'http':
      return `${failure.status} ${failure.message}`
  }
}

function apiError(
  failure: Failure,
  at: {
    endpoint: string
    attempt: number
    context: GitHubApiContext
    options: GitHubApiOptions
    redact: (text: string) => string
    cause: unknown
  },
): GitHubApiError {
  const attempts = at.attempt > 1 ? ` after ${at.attempt} attempts` : ''
  const what = at.redact(describe(failure, at.options))
  if (failure.kind !== 'http') {
    const via = at.context.proxy ? ` through proxy ${at.context.proxy}` : ''
    const message = `could not reach the GitHub API at ${at.context.apiUrl}${via}: ${what} on ${at.endpoint}${attempts}`
    return new GitHubApiError(message, undefined, at.endpoint, what, false, at.cause)
  }
  const apiMessage = at.redact(failure.message)
  if (isRateLimit(failure)) {
    const now = at.options.now?.() ?? Date.now()
    const lifts = new Date(now + rateLimitWait(failure, now)).toISOString().replace(/\.\d+Z$/, 'Z')
    const message = `GitHub API rate limit reached (${what}); it lifts at ${lifts}: retry then, or give a ref`
    return new GitHubApiError(message, failure.status, at.endpoint, apiMessage, true, at.cause)
  }
  const message = `GitHub API ${at.endpoint} failed (${what})${attempts}`
  return new GitHubApiError(message, failure.status, at.endpoint, apiMessage, false, at.cause)
}
