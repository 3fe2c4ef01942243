// The bundled action with only an endpoint and admin secret (no database-url), as most teams run it:
// everything goes through the Hasura stand-in's run_sql, in one transaction.
import { describe, expect, it } from 'vitest'
import { cleanUp } from '../support/cleanup.js'
import { runAction } from '../support/action-runner.js'
import {
  appliedVersions,
  applyUps,
  threeMigrations,
  threeTables,
  writeProject,
} from '../support/hasura-project.js'
import type { ServerGeneration } from '../support/hasura-stand-in.js'
import { startHasuraStandIn } from '../support/hasura-stand-in.js'
import { createTestDatabase, schemaSnapshot } from '../support/postgres.js'
import { selfSignedCertificate, startTlsFront } from '../support/tls.js'

const [m1, m2, m3] = threeMigrations.map((m) => m.version) as [string, string, string]
const SECRET = 'canary-hasura-secret-91c2'

async function setUp(
  generation: ServerGeneration,
  migrations = threeMigrations,
  extraFiles: Record<string, string> = {},
) {
  const db = await createTestDatabase()
  await applyUps(db, threeMigrations)
  const hasura = await startHasuraStandIn({ databaseUrl: db.url, generation, adminSecret: SECRET })
  cleanUp(
    () => hasura.close(),
    () => db.drop(),
  )
  const workspace = await writeProject(migrations, extraFiles)
  const run = (inputs: Record<string, string>, env: Record<string, string> = {}) =>
    runAction({ workspace, inputs: { 'apply-metadata': 'false', ...inputs }, env })
  return { db, hasura, run, secretInputs: { endpoint: hasura.url, 'admin-secret': SECRET } }
}

function printed(result: {
  stdout: string
  stderr: string
  summary: string
  outputs: Record<string, string>
}) {
  return (
    result.stdout.replaceAll(`::add-mask::${SECRET}`, '') +
    result.stderr +
    result.summary +
    JSON.stringify(result.outputs)
  )
}

describe.each<[ServerGeneration]>([['v2'], ['v1']])('Hasura %s without database-url', (generation) => {
  it.each<[Record<string, string>, string[], string[]]>([
    [{ count: '2' }, [m3, m2], [m1]],
    [{ version: m3 }, [m3], [m1, m2]],
    [{ 'to-version': m1 }, [m3, m2], [m1]],
  ])('%j reverts %j in at most 3 requests', async (inputs, reverted, left) => {
    const s = await setUp(generation)
    const result = await s.run({ ...inputs, ...s.secretInputs })
    expect(result.exitCode, result.stdout).toBe(0)
    expect(JSON.parse(result.outputs['rolled-back-versions']!)).toEqual(reverted)
    expect(await appliedVersions(s.db)).toEqual(left)
    expect(s.hasura.requests.length).toBeLessThanOrEqual(3)
    expect(s.hasura.requests.every((r) => r.headers['x-hasura-admin-secret'] === SECRET)).toBe(true)
    expect(printed(result)).not.toContain(SECRET)
  })

  it('names the failing migration and file when a down fails, and changes nothing', async () => {
    const migrations = threeMigrations.map((m) =>
      m.version === m2 ? { ...m, down: 'DROP TABLE article;\nDROP TABLE missing_table;\n' } : m,
    )
    const s = await setUp(generation, migrations)
    const result = await s.run({ count: 'all', ...s.secretInputs })
    expect(result.exitCode).toBe(1)
    const annotation = result.annotations.find((a) => a.file?.endsWith('down.sql'))
    expect(annotation).toMatchObject({ file: `migrations/${m2}_create_article/down.sql`, line: 2 })
    expect(annotation?.message).toMatch(/1700000000002_create_article failed .*missing_table/)
    expect(await appliedVersions(s.db)).toEqual([m1, m2, m3])
    expect(await schemaSnapshot(s.db)).toEqual(threeTables)
  })

  it.each([
    ['wrong', 'not-the-secret'],
    ['missing', ''],
  ])('refuses clearly with a %s admin secret, changing nothing', async (_kind, secret) => {
    const s = await setUp(generation)
    const result = await s.run({ count: '1', endpoint: s.hasura.url, 'admin-secret': secret })
    expect(result.exitCode).toBe(1)
    expect(result.annotations.at(-1)?.message).toMatch(/admin secret/)
    expect(result.annotations.at(-1)?.message).not.toContain('\n')
    expect(await appliedVersions(s.db)).toEqual([m1, m2, m3])
  })
})

describe('endpoint and admin secret from the environment and the project', () => {
  it('reads HASURA_GRAPHQL_ENDPOINT and HASURA_GRAPHQL_ADMIN_SECRET', async () => {
    const s = await setUp('v2')
    const result = await s.run(
      { count: '1' },
      { HASURA_GRAPHQL_ENDPOINT: s.hasura.url, HASURA_GRAPHQL_ADMIN_SECRET: SECRET },
    )
    expect(result.exitCode, result.stdout).toBe(0)
    expect(await appliedVersions(s.db)).toEqual([m1, m2])
    expect(printed(result)).not.toContain(SECRET)
  })

  it("reads the project's .env, and masks the secret found there", async () => {
    const db = await createTestDatabase()
    await applyUps(db, threeMigrations)
    const hasura = await startHasuraStandIn({ databaseUrl: db.url, generation: 'v2', adminSecret: SECRET })
    cleanUp(
      () => hasura.close(),
      () => db.drop(),
    )
    const workspace = await writeProject(threeMigrations, {
      '.env': `HASURA_GRAPHQL_ENDPOINT=${hasura.url}\nHASURA_GRAPHQL_ADMIN_SECRET="${SECRET}"\n`,
    })
    const result = await runAction({ workspace, inputs: { count: '1', 'apply-metadata': 'false' } })
    expect(result.exitCode, result.stdout).toBe(0)
    expect(await appliedVersions(db)).toEqual([m1, m2])
    expect(result.stdout).toContain(`::add-mask::${SECRET}`)
    expect(printed(result)).not.toContain(SECRET)
  })
})

const certificate = selfSignedCertificate()

describe.skipIf(!certificate)('Hasura over https (needs openssl to make a certificate)', () => {
  it('reverts through an endpoint trusted by certificate_authority, and names the setting when it is not trusted', async () => {
    const s = await setUp('v2', threeMigrations, {
      'config.yaml': 'version: 2\ncertificate_authority: ca.pem\n',
      'ca.pem': certificate!.cert,
    })
    const front = await startTlsFront(s.hasura.url, certificate!)
    cleanUp(() => front.close())
    const trusted = await s.run({ count: '1', endpoint: front.url, 'admin-secret': SECRET })
    expect(trusted.exitCode, trusted.stdout).toBe(0)
    expect(await appliedVersions(s.db)).toEqual([m1, m2])
    expect(s.hasura.requests.length).toBeLessThanOrEqual(3)

    const untrusted = await setUp('v2')
    const untrustedFront = await startTlsFront(untrusted.hasura.url, certificate!)
    cleanUp(() => untrustedFront.close())
    const refused = await untrusted.run({ count: '1', endpoint: untrustedFront.url, 'admin-secret': SECRET })
    expect(refused.exitCode).toBe(1)
    expect(refused.annotations.map((a) => a.message).join('\n')).toMatch(
      /TLS failed .*set certificate_authority or insecure_skip_tls_verify in config\.yaml/,
    )
    expect(untrusted.hasura.requests).toEqual([])
    expect(await appliedVersions(untrusted.db)).toEqual([m1, m2, m3])
  })
})
