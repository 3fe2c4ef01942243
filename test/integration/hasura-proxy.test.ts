// The admin API client behind a corporate proxy: hasura.invalid resolves only inside the forward proxy,
// so every answer from it came through the proxy (absolute form for http, a CONNECT tunnel for https,
// with certificate_authority and insecure_skip_tls_verify still applied to Hasura's own certificate).
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net'
import { describe, expect, it } from 'vitest'
import { cleanUp } from '../support/cleanup.js'
import type { ProjectConfig } from '../../src/project/config.js'
import { createHasuraClient } from '../../src/hasura/client.js'
import { HasuraApiError } from '../../src/hasura/errors.js'
import { proxyFor, type ProxyEnv } from '../../src/proxy.js'
import { startForwardProxy, type ForwardProxyOptions } from '../support/forward-proxy.js'
import { hasuraConfig } from '../support/hasura-config.js'
import { makeTestTree } from '../support/fs-tree.js'
import { hasuraApiError } from '../support/rollback-error.js'
import { startStandInWithDatabase } from '../support/stand-in-with-database.js'
import { selfSignedCertificate, startHttpsJsonServer } from '../support/tls.js'

const SECRET = 'proxied-admin-secret'
const PROXY_PASSWORD = 'proxy-pa55word'
const credentials = { user: 'ci-runner', password: PROXY_PASSWORD }

async function proxy(options: Omit<ForwardProxyOptions, 'hosts'> = {}) {
  const started = await startForwardProxy({ hosts: { 'hasura.invalid': '127.0.0.1' }, ...options })
  cleanUp(started.close)
  return started
}

function clientOf(config: ProjectConfig, env: ProxyEnv, projectDir?: string) {
  return createHasuraClient(config, {
    retryDelaysMs: [0, 0],
    proxy: (url) => proxyFor(url, env),
    ...(projectDir ? { projectDir } : {}),
  })
}

const failureOf = (promise: Promise<unknown>): Promise<HasuraApiError> =>
  hasuraApiError(promise, [PROXY_PASSWORD, SECRET])

describe('Hasura over http through a forward proxy', () => {
  async function standIn() {
    const { hasura } = await startStandInWithDatabase({ generation: 'v2', adminSecret: SECRET })
    return { hasura, port: new URL(hasura.url).port }
  }

  it('sends absolute-form requests with the proxy credentials and reaches a host only the proxy knows', async () => {
    const { hasura, port } = await standIn()
    const forward = await proxy({ credentials })
    const client = clientOf(hasuraConfig(`http://hasura.invalid:${port}`, SECRET), {
      HTTP_PROXY: forward.urlWithCredentials,
    })
    const result = await client.runSql('SELECT 1 AS one')
    expect(result.rows).toEqual([['1']])
    expect(forward.requests.map((r) => `${r.method} ${r.target} ${r.status}`)).toEqual([
      `GET http://hasura.invalid:${port}/v1/version 200`,
      `POST http://hasura.invalid:${port}/v2/query 200`,
    ])
    const authorization = `Basic ${Buffer.from(`ci-runner:${PROXY_PASSWORD}`).toString('base64')}`
    expect(forward.requests.every((r) => r.proxyAuthorization === authorization)).toBe(true)
    expect(hasura.requests).toHaveLength(2)
  })

  it('goes straight to a host listed in NO_PROXY (host:port), through the proxy otherwise', async () => {
    const { hasura, port } = await standIn()
    const forward = await proxy()
    // 127.0.0.1 written as an IPv4-mapped IPv6 address: loopback, but not a form that is never proxied.
    const endpoint = new URL(`http://[::ffff:127.0.0.1]:${port}`).origin
    const direct = clientOf(hasuraConfig(endpoint, SECRET), {
      http_proxy: forward.url,
      no_proxy: `other.example,[::ffff:7f00:1]:${port}`,
    })
    expect((await direct.serverVersion()).generation).toBe('v2')
    expect(forward.requests).toEqual([])
    expect(hasura.requests).toHaveLength(1)

    const proxied = clientOf(hasuraConfig(endpoint, SECRET), {
      http_proxy: forward.url,
      no_proxy: 'other.example',
    })
    expect((await proxied.serverVersion()).generation).toBe('v2')
    expect(forward.requests.map((r) => r.target)).toEqual([`${endpoint}/v1/version`])
  })

  it('names the proxy and the missing credentials when the proxy answers 407', async () => {
    const { hasura, port } = await standIn()
    const forward = await proxy({ credentials })
    const client = clientOf(hasuraConfig(`http://hasura.invalid:${port}`, SECRET), {
      HTTP_PROXY: forward.url,
    })
    const error = await failureOf(client.serverVersion())
    expect(error.status).toBe(407)
    expect(error.message).toContain('check the user and password in HTTP_PROXY')
    expect(hasura.requests).toEqual([])
  })
})

const certificate = selfSignedCertificate(['hasura.invalid', '127.0.0.1'])

describe.skipIf(!certificate)('Hasura over https through a CONNECT tunnel (needs openssl)', () => {
  async function httpsVersionServer() {
    const { port, seen } = await startHttpsJsonServer(certificate!, { version: 'v2.36.0' })
    return { endpoint: `https://hasura.invalid:${port}`, seen }
  }

  it('verifies Hasura’s certificate against certificate_authority inside the tunnel', async () => {
    const { endpoint, seen } = await httpsVersionServer()
    const forward = await proxy({ credentials })
    const env = { HTTPS_PROXY: forward.urlWithCredentials }
    const config = hasuraConfig(endpoint, SECRET, { certificateAuthority: 'ca.pem' })
    const projectDir = await makeTestTree({ 'ca.pem': certificate!.cert })
    expect((await clientOf(config, env, projectDir).serverVersion()).version).toBe('v2.36.0')
    const authority = `hasura.invalid:${new URL(endpoint).port}`
    expect(forward.requests.map((r) => `${r.method} ${r.target} ${r.status}`)).toEqual([
      `CONNECT ${authority} 200`,
    ])
    expect(seen).toEqual([`GET /v1/version host=${authority}`])
  })

  it('refuses an untrusted certificate through the tunnel, and skips the check when told to', async () => {
    const { endpoint, seen } = await httpsVersionServer()
    const forward = await proxy()
    const env = { https_proxy: forward.url }
    const error = await failureOf(clientOf(hasuraConfig(endpoint, SECRET), env).serverVersion())
    expect(error.message).toMatch(
      new RegExp(
        `^Cannot reach Hasura at ${endpoint} through proxy ${forward.url}: TLS failed on GET v1/version \\(server version\\): .*\\(DEPTH_ZERO_SELF_SIGNED_CERT\\); set certificate_authority or insecure_skip_tls_verify`,
      ),
    )
    expect(seen).toEqual([])
    const insecure = clientOf(hasuraConfig(endpoint, SECRET, { insecureSkipTlsVerify: true }), env)
    expect((await insecure.serverVersion()).version).toBe('v2.36.0')
  })

  it('says the proxy refused the tunnel, without retrying and without the credentials', async () => {
    const { endpoint, seen } = await httpsVersionServer()
    const forward = await proxy({ credentials })
    const wrong = forward.urlWithCredentials.replace(PROXY_PASSWORD, `${PROXY_PASSWORD}-old`)
    const error = await failureOf(
      clientOf(hasuraConfig(endpoint, SECRET), { HTTPS_PROXY: wrong }).serverVersion(),
    )
    expect(error.message).toBe(
      `Cannot reach Hasura at ${endpoint} through proxy ${forward.url}: GET v1/version (server version) failed: proxy ${forward.url} answered CONNECT hasura.invalid:${new URL(endpoint).port} with HTTP 407 Proxy Authentication Required: check the user and password in the proxy URL (ERR_PROXY_CONNECT)`,
    )
    expect(forward.requests).toHaveLength(1)
    expect(seen).toEqual([])
  })

  it('times out a tunnel whose host never answers the TLS handshake, saying nothing was sent', async () => {
    const held = new Set<Socket>()
    const silent = createNetServer((socket) => held.add(socket))
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    cleanUp(() => {
      for (const socket of held) socket.destroy()
      return new Promise<void>((resolve) => silent.close(() => resolve()))
    })
    const forward = await proxy()
    const endpoint = `https://hasura.invalid:${(silent.address() as AddressInfo).port}`
    const client = createHasuraClient(hasuraConfig(endpoint, SECRET), {
      timeoutMs: 300,
      proxy: (url) => proxyFor(url, { HTTPS_PROXY: forward.url }),
    })
    const error = await failureOf(client.metadata({ type: 'export_metadata', args: {} }))
    expect(error.message).toBe(
      `Cannot reach Hasura at ${endpoint} through proxy ${forward.url}: no answer to GET v1/version (server version) within 0.3 s`,
    )
    expect(error.mayHaveRun).toBe(false)
  })

  it('says which proxy cannot be reached', async () => {
    const { endpoint } = await httpsVersionServer()
    const forward = await proxy()
    await forward.close()
    const error = await failureOf(
      clientOf(hasuraConfig(endpoint, SECRET), { HTTPS_PROXY: forward.url }).serverVersion(),
    )
    expect(error.message).toBe(
      `Cannot reach Hasura at ${endpoint} through proxy ${forward.url}: connection refused (ECONNREFUSED) on GET v1/version (server version)`,
    )
  })
})
