// One HTTP exchange with node:http(s). Not the global fetch: Node exposes no undici Agent without the
// undici package, and certificate_authority / insecure_skip_tls_verify need per-request TLS options.

export interface HttpRequest {
  readonly method: 'GET' | 'POST'
  readonly url: URL
  readonly headers: Readonly<Record<string, string>>
  readonly body?: string
  readonly timeoutMs: number
}

export interface HttpResponse {
  readonly status: number
  readonly text: string
}

export interface TlsOptions {
  /** PEM text of extra trusted certificate authorities. */
  readonly ca?: string
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
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'NetworkError'
  }
}

export const TIMEOUT_CODE = 'ETIMEDOUT'

function isTlsCode(code: string | undefined): boolean {
  return (
    code !== undefined &&
    (code.startsWith('ERR_TLS') ||
      code.startsWith('ERR_SSL') ||
      /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)/.test(code))
  )
}

export async function sendHttp(req: HttpRequest, tls: TlsOptions): Promise<HttpResponse> {
  const https = req.url.protocol === 'https:'
  // Loaded on first use: node:https brings TLS (~7 ms of every start), and a database-url run sends none.
  const { request } = https ? await import('node:https') : await import('node:http')
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...req.headers }
    if (req.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(req.body))
    const options = { method: req.method, headers }
    const tlsOptions = https ? { ca: tls.ca, rejectUnauthorized: tls.rejectUnauthorized } : {}
    // The socket is connected (and TLS verified) once this is set: from then on the server may act.
    let connected = false
    let settled = false
    const fail = (error: NetworkError) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      reject(error)
    }
    const outgoing = request(req.url, { ...options, ...tlsOptions }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('error', (error) => fail(new NetworkError(error.message, codeOf(error), true, false)))
      res.on('end', () => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') })
      })
    })
    outgoing.on('socket', (socket) => {
      // A kept-alive socket is connected already: from here on, count the request as possibly sent.
      if (!socket.connecting) connected = true
      else socket.once(https ? 'secureConnect' : 'connect', () => (connected = true))
    })
    outgoing.on('error', (error) => {
      const code = codeOf(error)
      const tlsFailure = isTlsCode(code)
      const sent = connected && !tlsFailure && !NOT_SENT_CODES.has(code ?? '')
      fail(new NetworkError(error.message, code, sent, tlsFailure, { cause: error }))
    })
    const timer = setTimeout(() => {
      fail(new NetworkError(`no answer within ${req.timeoutMs} ms`, TIMEOUT_CODE, connected, false))
      outgoing.destroy()
    }, req.timeoutMs)
    outgoing.end(req.body)
  })
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown }).code
  return typeof code === 'string' ? code : undefined
}
