// Which forward proxy a request goes through, by the rules of @actions/http-client (its proxy.ts), so the
// Hasura admin API is reached the way the runner and the GitHub API calls reach their hosts:
// https_proxy / HTTPS_PROXY for https URLs, http_proxy / HTTP_PROXY for http URLs (lower case first),
// no_proxy / NO_PROXY to bypass, and loopback hosts never proxied.
import { RollbackError } from './errors.js'

export type ProxyEnv = Readonly<Record<string, string | undefined>>

const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'] as const

/** The proxy for `target`; undefined: go direct. A setting that is no http(s) URL is refused, naming it. */
export function proxyFor(target: URL, env: ProxyEnv): URL | undefined {
  if (bypassesProxy(target, env)) return undefined
  const names = target.protocol === 'https:' ? ['https_proxy', 'HTTPS_PROXY'] : ['http_proxy', 'HTTP_PROXY']
  const name = names.find((n) => env[n])
  if (name === undefined) return undefined
  const proxy = parseProxyUrl(env[name] ?? '')
  if (!proxy || (proxy.protocol !== 'http:' && proxy.protocol !== 'https:') || !proxy.hostname) {
    const shown = proxy?.hostname ? shownProxy(proxy) : 'its value'
    throw new RollbackError(
      `${name} (${shown}) is not an http:// or https:// proxy URL: set it to http://host:port, or list ${target.hostname} in NO_PROXY`,
    )
  }
  return proxy
}

/**
 * A proxy setting as a URL. `proxy.corp:3128` (no scheme) means http://proxy.corp:3128: @actions/http-client
 * would read `proxy.corp:` as a scheme and go direct without a word.
 */
export function parseProxyUrl(value: string): URL | undefined {
  const text = value.trim()
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`)
  } catch {
    return undefined
  }
}

/** The proxy URL as it may be shown: no user name, no password. */
export function shownProxy(proxy: URL): string {
  return `${proxy.protocol}//${proxy.host}`
}

/** The headers of a request sent to `proxy` for `host`: Host, and Proxy-Authorization when it has credentials. */
export function proxyHeaders(proxy: URL, host: string): Record<string, string> {
  const authorization = proxyAuthorization(proxy)
  return { Host: host, ...(authorization ? { 'Proxy-Authorization': authorization } : {}) }
}

/** The `Proxy-Authorization` value for a proxy URL with credentials, else undefined. */
export function proxyAuthorization(proxy: URL): string | undefined {
  if (!proxy.username && !proxy.password) return undefined
  const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`
  return `Basic ${Buffer.from(credentials).toString('base64')}`
}

/** Every form in which a proxy password could be printed (as written and decoded), for masking. */
export function proxySecrets(env: ProxyEnv): string[] {
  const secrets = new Set<string>()
  for (const name of PROXY_VARIABLES) {
    const proxy = env[name] ? parseProxyUrl(env[name]) : undefined
    if (!proxy?.password) continue
    secrets.add(proxy.password)
    secrets.add(decodeURIComponent(proxy.password))
    const authorization = proxyAuthorization(proxy)
    if (authorization) secrets.add(authorization.slice('Basic '.length))
  }
  return [...secrets]
}

/**
 * @actions/http-client's checkBypass: loopback hosts always; then each no_proxy entry (case-insensitive)
 * matches the host, the host:port, or a parent domain of either (`example.com` and `.example.com` both
 * match `api.example.com`); `*` matches every host.
 */
export function bypassesProxy(target: URL, env: ProxyEnv): boolean {
  const host = target.hostname.toUpperCase()
  if (!host) return false
  if (isLoopback(host)) return true
  const noProxy = env['no_proxy'] || env['NO_PROXY'] || ''
  const port = target.port ? Number(target.port) : defaultPort(target.protocol)
  const hosts = port === undefined ? [host] : [host, `${host}:${port}`]
  return noProxy
    .split(',')
    .map((entry) => entry.trim().toUpperCase())
    .filter((entry) => entry !== '')
    .some(
      (entry) =>
        entry === '*' ||
        hosts.some(
          (h) => h === entry || h.endsWith(`.${entry}`) || (entry.startsWith('.') && h.endsWith(entry)),
        ),
    )
}

function isLoopback(upperHost: string): boolean {
  return (
    upperHost === 'LOCALHOST' ||
    upperHost.startsWith('127.') ||
    upperHost.startsWith('[::1]') ||
    upperHost.startsWith('[0:0:0:0:0:0:0:1]')
  )
}

function defaultPort(protocol: string): number | undefined {
  if (protocol === 'http:') return 80
  if (protocol === 'https:') return 443
  return undefined
}
