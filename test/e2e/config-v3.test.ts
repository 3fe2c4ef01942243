// Config v3 projects through the bundled action and the Hasura stand-in: one database or several, the
// catalog state held by a database being rolled back (one transaction) or elsewhere (written after
// COMMIT, behind the journal), and every refusal of the v3 inputs.
import { afterEach, describe, expect, it } from 'vitest'
import { runAction } from '../support/action-runner.js'
import type { MigrationSpec } from '../support/hasura-project.js'
import { createTableMigrations, tableName } from '../support/hasura-project.js'
import type { DatabaseSpec } from '../support/hasura-project-v3.js'
import { applyUpsV3, writeProjectV3 } from '../support/hasura-project-v3.js'
import type { HasuraStandIn } from '../support/hasura-stand-in.js'
import { startHasuraStandIn } from '../support/hasura-stand-in.js'
import type { TestDatabase } from '../support/postgres.js'
import { createTestDatabase, schemaSnapshot } from '../support/postgres.js'

const SECRET = 'v3-admin-secret-5b1f'

const cleanups: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

interface Setup {
  readonly hasura: HasuraStandIn
  readonly dbs: Record<string, TestDatabase>
  readonly metadataDb: TestDatabase
  readonly run: (inputs: Record<string, string>) => ReturnType<typeof runAction>
}

/**
 * A server with `databases` (each its own Postgres database, its ups applied as the CLI does) and its
 * catalog state in the database of `metadataIn`, or in a database of its own when undefined.
 */
async function setUp(databases: DatabaseSpec[], metadataIn: string | undefined): Promise<Setup> {
  const dbs: Record<string, TestDatabase> = {}
  for (const spec of databases) {
    dbs[spec.name] = await createTestDatabase()
    cleanups.push(() => dbs[spec.name]!.drop())
  }
  const metadataDb = metadataIn ? dbs[metadataIn]! : await createTestDatabase()
  if (!metadataIn) cleanups.push(() => metadataDb.drop())
  const hasura = await startHasuraStandIn({
    generation: 'v2',
    adminSecret: SECRET,
    sources: databases.map((d) => ({ name: d.name, databaseUrl: dbs[d.name]!.url })),
    metadataDatabaseUrl: metadataDb.url,
  })
  cleanups.push(() => hasura.close())
  for (const spec of databases) {
    await applyUpsV3({ url: hasura.url, adminSecret: SECRET }, spec.name, spec.migrations ?? [])
  }
  hasura.requests.length = 0
  const workspace = await writeProjectV3(databases)
  const run = (inputs: Record<string, string>) =>
    runAction({
      workspace,
      inputs: { 'apply-metadata': 'false', endpoint: hasura.url, 'admin-secret': SECRET, ...inputs },
    })
  return { hasura, dbs, metadataDb, run }
}

/** The versions of `database` in the catalog state, ascending, read with SQL (digits kept exactly). */
async function catalogVersions(metadataDb: TestDatabase, database: string): Promise<string[]> {
  const rows = await metadataDb.query<{ v: string }>(
    `SELECT jsonb_object_keys(cli_state->'migrations'->$1) AS v FROM hdb_catalog.hdb_version ORDER BY 1`,
    [database],
  )
  return rows.map((r) => r.v).sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1))
}

const three = (first: bigint): MigrationSpec[] => createTableMigrations(3, { firstVersion: first })
const versionsOf = (migrations: readonly MigrationSpec[]) => migrations.map((m) => m.version)

describe('config v3, one database', () => {
  it.each([
    ['holds the catalog state: downs and state in one transaction', 'default' as string | undefined, 5],
    ['does not hold it: the state is written through Hasura after COMMIT', undefined, 8],
  ])('the database %s', async (_, metadataIn, requests) => {
    const migrations = three(1710000000001n)
    const s = await setUp([{ name: 'default', migrations }], metadataIn)
    const result = await s.run({ count: '2' })
    expect(result.exitCode, result.stdout).toBe(0)
    const [v1, v2, v3] = versionsOf(migrations)
    expect(result.outputs).toMatchObject({
      status: 'rolled-back',
      'rolled-back-versions': JSON.stringify([v3, v2]),
      'rolled-back-by-database': JSON.stringify({ default: [v3, v2] }),
    })
    expect(await catalogVersions(s.metadataDb, 'default')).toEqual([v1])
    expect(Object.keys(await schemaSnapshot(s.dbs.default!))).toEqual([tableName(1)])
    expect(s.hasura.requests).toHaveLength(requests)
  })

  it('keeps what it does not own in the catalog state exactly: other databases, settings, unknown keys', async () => {
    const migrations = three(1710000000001n)
    const s = await setUp([{ name: 'default', migrations }], undefined)
    await s.metadataDb.query(`UPDATE hdb_catalog.hdb_version SET cli_state = jsonb_set(jsonb_set(cli_state,
      '{migrations,other}', '{"1600000000000": false}'), '{unknown}', '{"n": 123456789012345678901234567890}')`)
    // As text: jsonb prints every digit, which JSON.parse would not keep.
    const rest = `SELECT (cli_state - 'migrations')::text AS rest, (cli_state #> '{migrations,other}')::text AS other
      FROM hdb_catalog.hdb_version`
    const before = await s.metadataDb.query(rest)
    const result = await s.run({ count: '1' })
    expect(result.exitCode, result.stdout).toBe(0)
    const after = await s.metadataDb.query(rest)
    expect(after).toEqual(before)
    expect(JSON.stringify(after)).toContain('123456789012345678901234567890')
  })
})

describe('config v3, two databases neither named default', () => {
  const intuition = { name: 'intuition', migrations: three(1720000000001n) }
  const cache = { name: 'cache', migrations: createTableMigrations(2, { firstVersion: 1730000000001n }) }

  it('rolls back each with database-name all, reporting each database', async () => {
    const s = await setUp([intuition, cache], 'intuition')
    const result = await s.run({ count: '1', 'database-name': 'all' })
    expect(result.exitCode, result.stdout).toBe(0)
    expect(JSON.parse(result.outputs['rolled-back-by-database']!)).toEqual({
      intuition: [versionsOf(intuition.migrations)[2]],
      cache: [versionsOf(cache.migrations)[1]],
    })
    expect(await catalogVersions(s.metadataDb, 'intuition')).toEqual(
      versionsOf(intuition.migrations).slice(0, 2),
    )
    expect(await catalogVersions(s.metadataDb, 'cache')).toEqual(versionsOf(cache.migrations).slice(0, 1))
  })

  it('changes nothing in either when the second cannot be rolled back: every transaction is rehearsed first', async () => {
    const broken = {
      ...cache,
      migrations: cache.migrations.map((m, i) => (i === 1 ? { ...m, down: 'DROP TABLE nowhere;' } : m)),
    }
    const s = await setUp([intuition, broken], 'intuition')
    const result = await s.run({ count: '1', 'database-name': 'all' })
    expect(result.exitCode).toBe(1)
    expect(result.outputs.status).toBe('failed')
    expect(await catalogVersions(s.metadataDb, 'intuition')).toEqual(versionsOf(intuition.migrations))
    expect(await catalogVersions(s.metadataDb, 'cache')).toEqual(versionsOf(cache.migrations))
    expect(Object.keys(await schemaSnapshot(s.dbs.intuition!))).toHaveLength(3)
  })

  it.each([
    [{ count: '1' }, /^Set input 'database-name': intuition, cache each have a migrations folder/],
    [
      { count: '1', 'database-name': 'default' },
      /^Input 'database-name' is 'default', but the server's databases are 'intuition', 'cache'$/,
    ],
    [{ version: '1720000000001', 'database-name': 'all' }, /^Input 'database-name: all' reverts a count/],
  ])('refuses %j in one line, changing nothing', async (inputs, message) => {
    const s = await setUp([intuition, cache], 'intuition')
    const result = await s.run(inputs)
    expect(result.exitCode).toBe(1)
    const errors = result.annotations.filter((a) => a.level === 'error')
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(message)])
    expect(await catalogVersions(s.metadataDb, 'intuition')).toEqual(versionsOf(intuition.migrations))
  })
})
