// A forward proxy on 127.0.0.1, as self-hosted runners behind a corporate proxy have: absolute-form
// requests for http URLs, CONNECT tunnels for https URLs. Host names in `hosts` (e.g. hasura.invalid)
// resolve only here, so a request that reaches such a host went through this proxy. It connects to
// loopback addresses only and answers 502 for anything else.
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http'
import { connect, isIP, type AddressInfo, type Socket } from 'node:net'
import type { Duplex } from 'node:stream'

export interface ForwardProxyOptions {
  /** Host names only this proxy resolves, each to a loopback address. */
  hosts?: Record<string, string>
  /** Demanded as Basic Proxy-Authorization; 407 without it. */
  credentials?: { user: string; password: string }
}

export interface ProxiedRequest {
  /** 'CONNECT' or the method of an absolute-form request. */
  method: string
  /** host:port for CONNECT, the absolute URL otherwise. */
  target: string
  proxyAuthorization: string | undefined
  /** The proxy's answer: 200 for an opened tunnel, the upstream status, or its own 407 / 502. */
  status: number
}

export interface ForwardProxy {
  /** http://127.0.0.1:<port>, as HTTPS_PROXY would hold it. */
  url: string
  /** The same with `user:password@` when credentials are demanded. */
  urlWithCredentials: string
  requests: ProxiedRequest[]
  close(): Promise<void>
}

export async function startForwardProxy(options: ForwardProxyOptions = {}): Promise<ForwardProxy> {
  const requests: ProxiedRequest[] = []
  const sockets = new Set<Socket | Duplex>()
  const expected = options.credentials
    ? `Basic ${Buffer.from(`${options.credentials.user}:${options.credentials.password}`).toString('base64')}`
    : undefined
  const admitted = (req: IncomingMessage) =>
    expected === undefined || req.headers['proxy-authorization'] === expected
  const record = (req: IncomingMessage): ProxiedRequest => {
    const entry = {
      method: req.method ?? '',
      target: req.url ?? '',
      proxyAuthorization: req.headers['proxy-authorization'],
      status: 0,
    }
    requests.push(entry)
    return entry
  }
  const resolveHost = (hostname: string): string | undefined => {
    const bare = hostname.replace(/^\[(.*)\]$/, '$1')
    const address = options.hosts?.[bare.toLowerCase()] ?? (isIP(bare) ? bare : undefined)
    return address !== undefined && isLoopback(address) ? address : undefined
  }

  const server = createServer((req, res) => {
    const entry = record(req)
    if (!admitted(req)) return refuse(res, entry, 407, 'proxy authentication required')
    let target: URL
    try {
      target = new URL(req.url ?? '')
    } catch {
      return refuse(res, entry, 400, 'absolute-form request expected')
    }
    const address = resolveHost(target.hostname)
    if (address === undefined) return refuse(res, entry, 502, `cannot resolve ${target.hostname}`)
    const headers = { ...req.headers }
    delete headers['proxy-authorization']
    const upstream = request(
      {
        host: address,
        port: target.port || 80,
        path: `${target.pathname}${target.search}`,
        method: req.method,
        headers,
      },
      (answer) => {
        entry.status = answer.statusCode ?? 0
        res.writeHead(entry.status, answer.headers)
        answer.pipe(res)
      },
    )
    upstream.on('error', (error) => refuse(res, entry, 502, error.message))
    req.pipe(upstream)
  })

  server.on('connect', (req: IncomingMessage, client: Duplex, head: Buffer) => {
    sockets.add(client)
    client.on('close', () => sockets.delete(client))
    client.on('error', () => client.destroy())
    const entry = record(req)
    const answer = (status: number, text: string) => {
      entry.status = status
      client.end(
        `HTTP/1.1 ${status} ${text}\r\nProxy-Authenticate: Basic realm="proxy"\r\nContent-Length: 0\r\n\r\n`,
      )
    }
    if (!admitted(req)) return answer(407, 'Proxy Authentication Required')
    const match = /^(.+):(\d+)$/.exec(req.url ?? '')
    const address = match ? resolveHost(match[1]!) : undefined
    if (!match || address === undefined) return answer(502, 'Bad Gateway')
    const upstream = connect(Number(match[2]), address, () => {
      entry.status = 200
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    sockets.add(upstream)
    upstream.on('close', () => sockets.delete(upstream))
    upstream.on('error', () => (entry.status === 200 ? client.destroy() : answer(502, 'Bad Gateway')))
  })
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const credentials = options.credentials
    ? `${encodeURIComponent(options.credentials.user)}:${encodeURIComponent(options.credentials.password)}@`
    : ''
  return {
    url: `http://127.0.0.1:${port}`,
    urlWithCredentials: `http://${credentials}127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}

function refuse(res: ServerResponse, entry: ProxiedRequest, status: number, text: string): void {
  entry.status = status
  const headers: Record<string, string> = { 'Content-Type': 'text/plain' }
  if (status === 407) headers['Proxy-Authenticate'] = 'Basic realm="proxy"'
  if (!res.headersSent) res.writeHead(status, headers)
  res.end(`proxy: ${text}`)
}

function isLoopback(address: string): boolean {
  return address.startsWith('127.') || address === '::1' || /^::ffff:(127\.|7f)/i.test(address)
}
