// One HTTP exchange with node:http(s), straight to the host or through a forward proxy: absolute-form
// requests for http URLs, a CONNECT tunnel for https URLs (TLS to the host inside it, so
// certificate_authority and insecure_skip_tls_verify apply as on a direct connection). Not the global
// fetch: Node exposes no undici Agent without the undici package, and the TLS settings are per endpoint.
import type { ClientRequest, IncomingMessage, RequestOptions } from 'node:http'
import type { Socket } from 'node:net'
import type { SecureContext, TLSSocket } from 'node:tls'
import { readFileSync } from 'node:fs'
import { proxyHeaders, shownProxy } from '../proxy.js'

export interface HttpRequest {
  readonly method: 'GET' | 'POST'
  readonly url: URL
  readonly headers: Readonly<Record<string, string>>
  readonly body?: string
  readonly timeoutMs: number
  /** The forward proxy to go through (see proxy.ts); undefined: straight to the host. */
  readonly proxy?: URL
}

export interface HttpResponse {
  readonly status: number
  readonly text: string
}

export interface TlsOptions {
  /** Node's trusted CAs plus certificate_authority (from `tlsOptions`); undefined: Node's alone. */
  readonly secureContext?: SecureContext
  readonly rejectUnauthorized: boolean
}

/** Error codes after which the request certainly never reached the server. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'])

/** The exchange failed without an HTTP answer. */
export class NetworkError extends Error {
  constructor(
    message: string,
    /** ECONNREFUSED, ENOTFOUND, a TLS code, 'ETIMEDOUT' for our own timeout, … */
    readonly code: string | undefined,
    /** False when the server cannot have seen the request (nothing to undo, safe to retry). */
    readonly sent: boolean,
    readonly tls: boolean,
    options?: { cause?: unknown; proxy?: URL },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'NetworkError'
    this.proxy = options?.proxy === undefined ? undefined : shownProxy(options.proxy)
  }

  /** The proxy the request went through, without credentials; undefined when it went direct. */
  readonly proxy: string | undefined
}

export const TIMEOUT_CODE = 'ETIMEDOUT'
/** The proxy answered CONNECT with something other than 2xx: nothing reached the host. */
export const PROXY_REFUSED_CODE = 'ERR_PROXY_CONNECT'

/** A certificate or handshake failure (Node's and OpenSSL's codes). */
export function isTlsCode(code: string | undefined): boolean {
  return (
    code !== undefined &&
    (code.startsWith('ERR_TLS') ||
      code.startsWith('ERR_SSL') ||
      /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)/.test(code))
  )
}

/**
 * TLS settings for one endpoint. `extraCa` (PEM) is trusted besides Node's own CAs (its bundled roots,
 * NODE_EXTRA_CA_CERTS), never instead of them: a `ca` option alone would replace them. Built once per
 * endpoint: a context with ~150 CAs takes ~30 ms to build.
 */
export async function tlsOptions(
  extraCa: string | undefined,
  rejectUnauthorized: boolean,
): Promise<TlsOptions> {
  if (extraCa === undefined) return { rejectUnauthorized }
  const tls = await import('node:tls')
  return { secureContext: tls.createSecureContext({ ca: [...nodeCas(tls), extraCa] }), rejectUnauthorized }
}

function nodeCas(tls: typeof import('node:tls')): string[] {
  // Node 22.15+ and 23.10+ give the store Node itself uses (roots, NODE_EXTRA_CA_CERTS, --use-system-ca).
  const { getCACertificates } = tls as { getCACertificates?: (type: 'default') => string[] }
  if (getCACertificates) return getCACertificates('default')
  const extraFile = process.env.NODE_EXTRA_CA_CERTS
  let extra: string[] = []
  try {
    if (extraFile) extra = [readFileSync(extraFile, 'utf8')]
  } catch {
    // Node warned about an unreadable NODE_EXTRA_CA_CERTS at start and goes on without it; so do we.
  }
  return [...tls.rootCertificates, ...extra]
}

/** How one request leaves: which module's request(), to which URL, with which extra options. */
interface Route {
  readonly request: (
    url: URL,
    options: RequestOptions,
    onResponse: (res: IncomingMessage) => void,
  ) => ClientRequest
  readonly url: URL
  readonly options: RequestOptions
  /** Headers the route adds (Host and Proxy-Authorization for a proxy). */
  readonly headers?: Readonly<Record<string, string>>
  /** The socket is ready once it exists (a tunnel): no connect event to wait for. */
  readonly tunnelled: boolean
}

export async function sendHttp(req: HttpRequest, tls: TlsOptions): Promise<HttpResponse> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), req.timeoutMs)
  // The socket is connected (and TLS verified) once this is set: from then on the server may act.
  const progress = { connected: false }
  try {
    const route = await routeOf(req, tls, controller.signal)
    return await exchange(req, route, progress, controller.signal)
  } catch (error) {
    if (controller.signal.aborted) {
      const message = `no answer within ${req.timeoutMs} ms`
      throw new NetworkError(message, TIMEOUT_CODE, progress.connected, false, { proxy: req.proxy })
    }
    if (error instanceof NetworkError) throw error
    const code = codeOf(error)
    const tlsFailure = isTlsCode(code)
    const sent = progress.connected && !tlsFailure && !NOT_SENT_CODES.has(code ?? '')
    const message = error instanceof Error ? error.message : String(error)
    throw new NetworkError(message, code, sent, tlsFailure, { cause: error, proxy: req.proxy })
  } finally {
    clearTimeout(timer)
  }
}

async function routeOf(req: HttpRequest, tls: TlsOptions, signal: AbortSignal): Promise<Route> {
  // Loaded on first use: node:https brings TLS (~7 ms of every start), and a database-url run sends none.
  const https = req.url.protocol === 'https:'
  const tlsConnect = https
    ? {
        rejectUnauthorized: tls.rejectUnauthorized,
        ...(tls.secureContext ? { secureContext: tls.secureContext, agent: false as const } : {}),
      }
    : {}
  if (!req.proxy) {
    const { request } = https ? await import('node:https') : await import('node:http')
    return { request, url: req.url, options: tlsConnect, tunnelled: false }
  }
  if (https) {
    const socket = await tunnel(req.proxy, req.url, tls, signal)
    const { request } = await import('node:https')
    return { request, url: req.url, options: { createConnection: () => socket }, tunnelled: true }
  }
  // An http URL goes to the proxy in absolute form; the proxy's own certificate (an https proxy) is
  // checked against Node's CAs, as @actions/http-client does.
  const { request } = req.proxy.protocol === 'https:' ? await import('node:https') : await import('node:http')
  return {
    request,
    url: new URL(req.proxy.origin),
    options: { path: req.url.href },
    headers: proxyHeaders(req.proxy, req.url.host),
    tunnelled: false,
  }
}

function exchange(
  req: HttpRequest,
  route: Route,
  progress: { connected: boolean },
  signal: AbortSignal,
): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...req.headers, ...route.headers }
    if (req.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(req.body))
    const options = { ...route.options, method: req.method, headers, signal }
    const outgoing = route.request(route.url, options, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('error', reject)
      res.on('close', () => {
        if (!res.complete)
          reject(Object.assign(new Error('connection closed mid-answer'), { code: 'ECONNRESET' }))
      })
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
      )
    })
    outgoing.on('socket', (socket) => {
      // A kept-alive socket is connected already: from here on, count the request as possibly sent.
      if (route.tunnelled || !socket.connecting) progress.connected = true
      else socket.once(secureOrPlainConnect(route), () => (progress.connected = true))
    })
    outgoing.on('error', reject)
    outgoing.end(req.body)
  })
}

function secureOrPlainConnect(route: Route): 'secureConnect' | 'connect' {
  return route.url.protocol === 'https:' ? 'secureConnect' : 'connect'
}

/** A TLS connection to `target` inside a CONNECT tunnel through `proxy`, verified as a direct one is. */
async function tunnel(proxy: URL, target: URL, tls: TlsOptions, signal: AbortSignal): Promise<TLSSocket> {
  const authority = `${target.hostname}:${target.port || '443'}`
  const { request } = proxy.protocol === 'https:' ? await import('node:https') : await import('node:http')
  const headers = proxyHeaders(proxy, authority)
  const raw = await new Promise<Socket>((resolve, reject) => {
    const connect = request(new URL(proxy.origin), {
      method: 'CONNECT',
      path: authority,
      headers,
      agent: false,
      signal,
    })
    // Node hands every answer to CONNECT, 2xx or not, to 'connect' with the raw socket.
    connect.once('connect', (res: IncomingMessage, socket: Socket) => {
      if (res.statusCode !== undefined && res.statusCode >= 200 && res.statusCode < 300)
        return resolve(socket)
      socket.destroy()
      const answer = `${res.statusCode ?? '?'} ${res.statusMessage ?? ''}`.trim()
      const hint = res.statusCode === 407 ? ': check the user and password in the proxy URL' : ''
      const message = `proxy ${shownProxy(proxy)} answered CONNECT ${authority} with HTTP ${answer}${hint}`
      reject(new NetworkError(message, PROXY_REFUSED_CODE, false, false, { proxy }))
    })
    connect.once('error', reject)
    connect.end()
  })
  const { connect } = await import('node:tls')
  if (signal.aborted) {
    raw.destroy()
    throw signal.reason
  }
  const host = target.hostname.replace(/^\[(.*)\]$/, '$1')
  return new Promise<TLSSocket>((resolve, reject) => {
    const secure = connect({
      socket: raw,
      host,
      // SNI takes host names only.
      ...(/^[\d.]+$|:/.test(host) ? {} : { servername: host }),
      rejectUnauthorized: tls.rejectUnauthorized,
      ...(tls.secureContext ? { secureContext: tls.secureContext } : {}),
    })
    const abort = () => secure.destroy(signal.reason instanceof Error ? signal.reason : undefined)
    signal.addEventListener('abort', abort, { once: true })
    secure.once('secureConnect', () => {
      signal.removeEventListener('abort', abort)
      resolve(secure)
    })
    secure.once('error', (error) => {
      signal.removeEventListener('abort', abort)
      raw.destroy()
      reject(error)
    })
  })
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown }).code
  return typeof code === 'string' ? code : undefined
}
