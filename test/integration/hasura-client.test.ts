// The admin API client against the stand-in (v1.x and v2.x) and against broken endpoints: the right
// endpoint per generation, one-line errors, retries only where nothing can have run, no secret leaked.
import { describe, expect, it } from 'vitest'
import type { HasuraClientOptions } from '../../src/hasura/client.js'
import { createHasuraClient, joinApiPath } from '../../src/hasura/client.js'
import { HasuraApiError } from '../../src/hasura/errors.js'
import type { ProjectConfig } from '../../src/project/config.js'
import { hasuraConfig } from '../support/hasura-config.js'
import type { ServerGeneration } from '../support/hasura-stand-in.js'
import { makeTestTree } from '../support/fs-tree.js'
import { freePort } from '../support/net.js'
import { hasuraApiError } from '../support/rollback-error.js'
import { startStandInWithDatabase } from '../support/stand-in-with-database.js'
import { selfSignedCertificate, startHttpsJsonServer } from '../support/tls.js'

const SECRET = 'client-s3cret-value'

const standIn = (generation: ServerGeneration, adminSecret: string | undefined = SECRET) =>
  startStandInWithDatabase({ generation, adminSecret, pathPrefix: '/hasura' })

/** A client whose log lines are kept, retrying without waiting. */
function clientOf(config: ProjectConfig, options: HasuraClientOptions = {}) {
  const logLines: string[] = []
  const client = createHasuraClient(config, {
    retryDelaysMs: [0, 0],
    log: (l) => logLines.push(l),
    ...options,
  })
  return { client, logLines }
}

const failureOf = (promise: Promise<unknown>): Promise<HasuraApiError> => hasuraApiError(promise, [SECRET])

describe.each(['v1', 'v2'] as const)('Hasura client (%s server)', (generation) => {
  const sqlPath = generation === 'v1' ? '/v1/query' : '/v2/query'
  const metadataPath = generation === 'v1' ? '/v1/query' : '/v1/metadata'

  it('asks the version once, then sends SQL and metadata to the endpoints of that generation', async () => {
    const { hasura } = await standIn(generation)
    const { client, logLines } = clientOf(hasuraConfig(hasura.url, SECRET))
    expect(await client.serverVersion()).toEqual({
      version: generation === 'v1' ? 'v1.3.3' : 'v2.36.0',
      generation,
    })
    const result = await client.runSql(`SELECT 1 AS one, NULL::text AS nothing, 'x' AS x`)
    expect(result).toEqual({
      resultType: 'TuplesOk',
      header: ['one', 'nothing', 'x'],
      rows: [['1', 'NULL', 'x']],
    })
    expect(await client.runSql('CREATE TABLE t (id int)')).toEqual({
      resultType: 'CommandOk',
      header: [],
      rows: [],
    })
    expect(await client.metadata({ type: 'get_inconsistent_metadata', args: {} })).toMatchObject({
      is_consistent: true,
    })
    expect(hasura.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /v1/version',
      `POST ${sqlPath}`,
      `POST ${sqlPath}`,
      `POST ${metadataPath}`,
    ])
    expect(client.requestCount).toBe(4)
    for (const r of hasura.requests.slice(1)) {
      expect(r.headers['x-hasura-admin-secret']).toBe(SECRET)
      expect(r.headers['content-type']).toBe('application/json')
    }
    expect(hasura.requests[1]!.body).toEqual({
      type: 'run_sql',
      args: { sql: expect.any(String), check_metadata_consistency: false },
    })
    expect(logLines.join('\n')).not.toContain(SECRET)
  })

  it('refuses a wrong admin secret and names every place the secret comes from', async () => {
    const { hasura } = await standIn(generation)
    const { client } = clientOf(hasuraConfig(hasura.url, 'wrong-secret'))
    const error = await failureOf(client.runSql('SELECT 1'))
    expect(error.message).toBe(
      `Hasura at ${hasura.url} refused the admin secret (invalid x-hasura-admin-secret/x-hasura-access-key): check input 'admin-secret', HASURA_GRAPHQL_ADMIN_SECRET, the project's .env or admin_secret in config.yaml`,
    )
    expect(error).toMatchObject({ status: 401, code: 'access-denied', mayHaveRun: false })
    expect(error.message).not.toContain('wrong-secret')
  })

  it('says an admin secret is required when none is configured, and sends no secret header', async () => {
    const { hasura } = await standIn(generation)
    const { client } = clientOf(hasuraConfig(hasura.url, undefined))
    const error = await failureOf(client.metadata({ type: 'export_metadata', args: {} }))
    expect(error.message).toMatch(/requires an admin secret and none was given: set input 'admin-secret'/)
    expect(hasura.requests.every((r) => r.headers['x-hasura-admin-secret'] === undefined)).toBe(true)
  })

  it('reports a Postgres error with its message and SQLSTATE, keeping the details', async () => {
    const { hasura } = await standIn(generation)
    const { client } = clientOf(hasuraConfig(hasura.url, SECRET))
    const error = await failureOf(client.runSql('SELECT * FROM missing_table'))
    expect(error.message).toBe(
      `Postgres failed the SQL sent to ${hasura.url}: relation "missing_table" does not exist (SQLSTATE 42P01)`,
    )
    expect(error.postgresError).toMatchObject({
      statusCode: '42P01',
      message: 'relation "missing_table" does not exist',
    })
  })

  it('does not retry a run_sql answered with HTTP 500, but retries the version request', async () => {
    const { hasura } = await standIn(generation)
    const { client } = clientOf(hasuraConfig(hasura.url, SECRET))
    hasura.injectFault('status-500', { match: (r) => r.path === '/v1/version' })
    await client.serverVersion()
    hasura.injectFault('status-500', { match: (r) => r.path === sqlPath })
    const error = await failureOf(client.runSql('SELECT 1'))
    expect(error.message).toBe(
      `Hasura at ${hasura.url} answered POST ${sqlPath.slice(1)} (run_sql) with HTTP 500: internal error (unexpected)`,
    )
    expect(hasura.requests.map((r) => `${r.path} ${r.status}`)).toEqual([
      '/v1/version 500',
      '/v1/version 200',
      `${sqlPath} 500`,
    ])
  })

  it('gives up on a request that hangs after the timeout and says it may still run', async () => {
    const { hasura } = await standIn(generation)
    const { client } = clientOf(hasuraConfig(hasura.url, SECRET), { timeoutMs: 200 })
    await client.serverVersion()
    hasura.injectFault('hang')
    const error = await failureOf(client.runSql('SELECT 1'))
    expect(error.message).toBe(
      `Cannot reach Hasura at ${hasura.url}: no answer to POST ${sqlPath.slice(1)} (run_sql) within 0.2 s; the server may still complete the request`,
    )
    expect(error.mayHaveRun).toBe(true)
    expect(client.requestCount).toBe(2)
  })

  it('does not resend a run_sql whose connection dropped after it ran', async () => {
    const { db, hasura } = await standIn(generation)
    const { client } = clientOf(hasuraConfig(hasura.url, SECRET))
    await client.serverVersion()
    hasura.injectFault('drop-after')
    const error = await failureOf(client.runSql('CREATE TABLE ran_once (id int)'))
    expect(error.message).toMatch(/may have run$/)
    expect(hasura.requests).toHaveLength(2)
    expect(await db.query(`SELECT to_regclass('ran_once') IS NOT NULL AS ok`)).toEqual([{ ok: true }])
  })
})

describe('Hasura client endpoints', () => {
  it('joins API paths onto the endpoint, keeping its path prefix', () => {
    expect(joinApiPath('https://h.example/hasura', 'v1/metadata').href).toBe(
      'https://h.example/hasura/v1/metadata',
    )
    expect(joinApiPath('https://h.example', 'v2/query').href).toBe('https://h.example/v2/query')
  })

  it('honours api_paths from config.yaml', async () => {
    const { hasura } = await standIn('v2')
    const base = hasuraConfig(hasura.url, SECRET)
    const { client } = clientOf({ ...base, apiPaths: { ...base.apiPaths, version: 'healthz' } })
    const error = await failureOf(client.serverVersion())
    expect(error.message).toMatch(/answered GET healthz \(server version\) with HTTP 200 but no JSON/)
  })

  it('names the endpoint and ECONNREFUSED when nothing listens, after retrying the version request', async () => {
    const endpoint = `http://127.0.0.1:${await freePort()}/hasura`
    const { client } = clientOf(hasuraConfig(endpoint, SECRET))
    const error = await failureOf(client.runSql('SELECT 1'))
    expect(error.message).toBe(
      `Cannot reach Hasura at ${endpoint}: connection refused (ECONNREFUSED) on GET v1/version (server version)`,
    )
    expect(client.requestCount).toBe(3)
  })

  it('names the host when DNS cannot resolve it', async () => {
    const { client } = clientOf(hasuraConfig('http://hasura.invalid:8080', SECRET))
    const error = await failureOf(client.serverVersion())
    expect(error.message).toMatch(
      /^Cannot reach Hasura at http:\/\/hasura\.invalid:8080: host hasura\.invalid not found \(DNS (ENOTFOUND|EAI_AGAIN)\)/,
    )
  })

  it('leaves credentials in the endpoint URL and the secret out of every message', async () => {
    const endpoint = `http://user:${SECRET}@127.0.0.1:${await freePort()}`
    const { client, logLines } = clientOf(hasuraConfig(endpoint, SECRET))
    const error = await failureOf(client.serverVersion())
    expect(error.message).toMatch(/^Cannot reach Hasura at http:\/\/127\.0\.0\.1:\d+: connection refused/)
    expect(logLines.join('\n')).not.toContain(SECRET)
  })
})

const tls = selfSignedCertificate()

describe.skipIf(!tls)('Hasura client over TLS (needs openssl to make a certificate)', () => {
  async function httpsVersionServer(): Promise<string> {
    const { port } = await startHttpsJsonServer(tls!, { version: 'v2.36.0', server_type: 'ce' })
    return `https://127.0.0.1:${port}`
  }

  it('refuses an unknown certificate and says which setting trusts it', async () => {
    const endpoint = await httpsVersionServer()
    const error = await failureOf(clientOf(hasuraConfig(endpoint, SECRET)).client.serverVersion())
    expect(error.message).toMatch(
      /^Cannot reach Hasura at https:\/\/127\.0\.0\.1:\d+: TLS failed on GET v1\/version \(server version\): .*\(DEPTH_ZERO_SELF_SIGNED_CERT\); set certificate_authority or insecure_skip_tls_verify in config\.yaml/,
    )
  })

  it('trusts certificate_authority (relative to the project) and insecure_skip_tls_verify', async () => {
    const endpoint = await httpsVersionServer()
    const projectDir = await makeTestTree({ 'ca.pem': tls!.cert })
    const withCa = clientOf(hasuraConfig(endpoint, SECRET, { certificateAuthority: 'ca.pem' }), {
      projectDir,
    })
    expect((await withCa.client.serverVersion()).generation).toBe('v2')
    const insecure = clientOf(hasuraConfig(endpoint, SECRET, { insecureSkipTlsVerify: true }))
    expect((await insecure.client.serverVersion()).generation).toBe('v2')
    const missing = clientOf(hasuraConfig(endpoint, SECRET, { certificateAuthority: 'nope.pem' }), {
      projectDir,
    })
    await expect(missing.client.serverVersion()).rejects.toThrow(
      /^certificate_authority 'nope\.pem' cannot be read: ENOENT/,
    )
  })
})
