// A self-signed certificate (its own CA) for 127.0.0.1 and any other names, made with openssl (undefined
// where openssl is missing), an https front for a plain-http test server, and an https server with one
// JSON answer, so code that talks TLS can be tested against the stand-in.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { createServer } from 'node:https'
import { isIP, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cleanUp } from './cleanup.js'

export interface Certificate {
  readonly key: string
  readonly cert: string
}

/** `hosts`: the names and addresses it is valid for (subjectAltName); the first is also its CN. */
export function selfSignedCertificate(hosts: readonly string[] = ['127.0.0.1']): Certificate | undefined {
  const altNames = hosts.map((host) => (isIP(host) ? `IP:${host}` : `DNS:${host}`)).join(',')
  const dir = mkdtempSync(join(tmpdir(), 'hasura-rollback-tls-'))
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        `/CN=${hosts[0]}`,
        '-addext',
        `subjectAltName=${altNames}`,
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    )
    return {
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    }
  } catch {
    return undefined
  } finally {
    // Made while tests are collected, the folder would outlive every test's cleanUp: gone once read.
    rmSync(dir, { recursive: true, force: true })
  }
}

/** https://127.0.0.1:<port> relaying every request to `target` (http) as it came. */
export async function startTlsFront(
  target: string,
  certificate: Certificate,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer({ key: certificate.key, cert: certificate.cert }, (req, res) => {
    const upstream = request(
      new URL(req.url ?? '/', target),
      { method: req.method, headers: req.headers },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers)
        r.pipe(res)
      },
    )
    upstream.on('error', () => res.destroy())
    req.pipe(upstream)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  return {
    url: `https://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/**
 * An https server at 127.0.0.1 answering every request with `body` as JSON, closed when the running test
 * ends; `seen` records each request as `<method> <url> host=<host header>`.
 */
export async function startHttpsJsonServer(
  certificate: Certificate,
  body: unknown,
): Promise<{ port: number; seen: string[] }> {
  const seen: string[] = []
  const server = createServer({ key: certificate.key, cert: certificate.cert }, (req, res) => {
    seen.push(`${req.method} ${req.url} host=${req.headers.host}`)
    res.writeHead(200, { 'Content-Type': 'application/json' })
    res.end(JSON.stringify(body))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  cleanUp(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return { port: (server.address() as AddressInfo).port, seen }
}
