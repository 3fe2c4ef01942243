// Which proxy the Hasura admin API is reached through: @actions/http-client's rules, which the runner's
// own traffic and the GitHub API calls follow.
import { describe, expect, it } from 'vitest'
import { RollbackError } from '../../src/errors.js'
import { proxyAuthorization, proxyFor, proxySecrets } from '../../src/proxy.js'

const via = (url: string, env: Record<string, string>) => proxyFor(new URL(url), env)?.href

describe('proxyFor', () => {
  it('takes https_proxy for https URLs and http_proxy for http URLs, lower case first', () => {
    const env = {
      https_proxy: 'http://lower-s:1',
      HTTPS_PROXY: 'http://upper-s:2',
      http_proxy: 'http://lower:3',
      HTTP_PROXY: 'http://upper:4',
    }
    expect(via('https://hasura.example.com', env)).toBe('http://lower-s:1/')
    expect(via('http://hasura.example.com', env)).toBe('http://lower:3/')
    expect(via('https://hasura.example.com', { HTTPS_PROXY: 'http://upper-s:2' })).toBe('http://upper-s:2/')
    expect(via('https://hasura.example.com', { https_proxy: '', HTTPS_PROXY: 'http://u:2' })).toBe(
      'http://u:2/',
    )
    expect(via('https://hasura.example.com', { HTTP_PROXY: 'http://plain:4' })).toBeUndefined()
    expect(via('https://hasura.example.com', {})).toBeUndefined()
  })

  it('never proxies loopback hosts', () => {
    const env = { HTTP_PROXY: 'http://proxy:3128' }
    for (const url of [
      'http://localhost:8080',
      'http://127.0.0.1',
      'http://127.1.2.3',
      'http://[::1]:8080',
    ]) {
      expect(via(url, env), url).toBeUndefined()
    }
    expect(via('http://[::ffff:127.0.0.1]:8080', env)).toBe('http://proxy:3128/')
  })

  it.each<[string, string, boolean]>([
    ['*', 'https://hasura.example.com', true],
    ['hasura.example.com', 'https://hasura.example.com', true],
    ['HASURA.example.COM', 'https://hasura.example.com', true],
    ['example.com', 'https://hasura.example.com', true],
    ['.example.com', 'https://hasura.example.com', true],
    ['.example.com', 'https://example.com', false],
    ['ample.com', 'https://hasura.example.com', false],
    ['hasura.example.com:443', 'https://hasura.example.com', true],
    ['hasura.example.com:8443', 'https://hasura.example.com', false],
    ['hasura.example.com:8443', 'https://hasura.example.com:8443', true],
    ['example.com:80', 'http://hasura.example.com', true],
    [' other.org , example.com ', 'https://hasura.example.com', true],
    ['other.org,,', 'https://hasura.example.com', false],
  ])('NO_PROXY %j bypasses %s: %s', (noProxy, url, bypassed) => {
    const env = { HTTPS_PROXY: 'http://proxy:3128', HTTP_PROXY: 'http://proxy:3128', NO_PROXY: noProxy }
    expect(via(url, env) === undefined).toBe(bypassed)
  })

  it('reads no_proxy before NO_PROXY', () => {
    const env = { HTTPS_PROXY: 'http://proxy:3128', no_proxy: 'other.org', NO_PROXY: 'example.com' }
    expect(via('https://hasura.example.com', env)).toBe('http://proxy:3128/')
  })

  it('takes a proxy written without a scheme as http://', () => {
    expect(via('https://hasura.example.com', { HTTPS_PROXY: 'proxy.corp:3128' })).toBe(
      'http://proxy.corp:3128/',
    )
  })

  it('refuses a proxy that is no http(s) URL, naming the variable and never its credentials', () => {
    const refusal = () =>
      proxyFor(new URL('https://hasura.example.com'), { https_proxy: 'socks5://u:pw@s:1080' })
    expect(refusal).toThrow(RollbackError)
    expect(refusal).toThrow(
      'https_proxy (socks5://s:1080) is not an http:// or https:// proxy URL: set it to http://host:port, or list hasura.example.com in NO_PROXY',
    )
  })
})

describe('proxy credentials', () => {
  it('sends decoded credentials as Basic Proxy-Authorization', () => {
    const proxy = new URL('http://ci%40corp:p%3Ass@proxy:3128')
    expect(proxyAuthorization(proxy)).toBe(`Basic ${Buffer.from('ci@corp:p:ss').toString('base64')}`)
    expect(proxyAuthorization(new URL('http://proxy:3128'))).toBeUndefined()
  })

  it('lists the password of every proxy variable, as written, decoded and inside the Basic header', () => {
    const secrets = proxySecrets({
      HTTPS_PROXY: 'http://ci:p%40ss@proxy:3128',
      http_proxy: 'proxy.corp:80',
      NO_PROXY: 'x',
    })
    expect(secrets).toEqual(['p%40ss', 'p@ss', Buffer.from('ci:p@ss').toString('base64')])
    expect(proxySecrets({})).toEqual([])
  })
})
