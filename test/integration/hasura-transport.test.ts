// The Hasura transport against the stand-in (v1.x and v2.x), over a real database: the shared suite,
// then what only this transport has — the request budget and the probes after a failure.
import { describe, expect, it } from 'vitest'
import { cleanUp } from '../support/cleanup.js'
import type { HasuraClient } from '../../src/hasura/client.js'
import { createHasuraClient } from '../../src/hasura/client.js'
import { connectHasura } from '../../src/transport/hasura.js'
import { hasuraConfig } from '../support/hasura-config.js'
import { appliedVersions, applyUps, threeMigrations } from '../support/hasura-project.js'
import type { HasuraStandIn, RecordedRequest, ServerGeneration } from '../support/hasura-stand-in.js'
import { startHasuraStandIn } from '../support/hasura-stand-in.js'
import type { TestDatabase } from '../support/postgres.js'
import { createTestDatabase, schemaSnapshot } from '../support/postgres.js'
import type { MigrationSpec } from '../support/hasura-project.js'
import { execute, readState, stepsOf, transportSuite, withDown } from '../support/transport-suite.js'

const generations: ServerGeneration[] = ['v1', 'v2']
const SECRET = 'transport-s3cret'

for (const generation of generations) {
  transportSuite(`hasura (${generation} server)`, async (db) => {
    const hasura = await startHasuraStandIn({ databaseUrl: db.url, generation, adminSecret: SECRET })
    const client = createHasuraClient(hasuraConfig(hasura.url, SECRET))
    return { transport: await connectHasura({ client }), cleanup: hasura.close }
  })
}

async function setUp(generation: ServerGeneration, migrations: readonly MigrationSpec[] = threeMigrations) {
  const db: TestDatabase = await createTestDatabase()
  cleanUp(db.drop)
  await applyUps(db, migrations)
  const hasura: HasuraStandIn = await startHasuraStandIn({
    databaseUrl: db.url,
    generation,
    adminSecret: SECRET,
    pathPrefix: '/hasura',
  })
  cleanUp(hasura.close)
  const client: HasuraClient = createHasuraClient(hasuraConfig(hasura.url, SECRET))
  const transport = await connectHasura({ client })
  return { db, hasura, client, transport }
}

const sqlOf = (r: RecordedRequest) => (r.body as { args?: { sql?: string } } | null)?.args?.sql ?? ''
const isProbe = (r: RecordedRequest) => /RAISE EXCEPTION 'hasura-rollback: rehearsal passed/.test(sqlOf(r))

describe.each(generations)('Hasura transport specifics (%s server)', (generation) => {
  const sqlPath = generation === 'v1' ? '/v1/query' : '/v2/query'

  it('rolls back N versions in 3 requests: version, state, one run_sql', async () => {
    const { db, hasura, client, transport } = await setUp(generation)
    const state = await readState(transport)
    expect(state.applied).toHaveLength(3)
    const execution = await execute(transport, stepsOf(threeMigrations))
    expect(execution.committed).toBe(true)
    expect(execution.steps.every((s) => s.durationMs === undefined)).toBe(true)
    expect(await appliedVersions(db)).toEqual([])
    expect(hasura.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'GET /v1/version 200',
      `POST ${sqlPath} 200`,
      `POST ${sqlPath} 200`,
    ])
    expect(client.requestCount).toBe(3)
    for (const r of hasura.requests.slice(1)) {
      expect(r.body).toMatchObject({ type: 'run_sql', args: { check_metadata_consistency: false } })
    }
  })

  it('finds a failing k-th down with probes only, none of which commits anything', async () => {
    const migrations = [
      ...threeMigrations,
      ...[4, 5, 6, 7, 8].map((i) => ({
        version: `170000000000${i}`,
        name: `table_${i}`,
        up: `CREATE TABLE t${i} (id int);`,
        down: `DROP TABLE t${i};`,
      })),
    ]
    const broken = migrations.map((m) =>
      m.version === '1700000000006' ? { ...m, down: 'DROP TABLE t6;\nDROP TABLE not_there;' } : m,
    )
    const { db, hasura, transport } = await setUp(generation, broken)
    const before = await schemaSnapshot(db)
    await readState(transport)
    const execution = await execute(transport, stepsOf(broken))
    expect(execution.failure).toMatchObject({
      version: '1700000000006',
      file: 'migrations/1700000000006_table_6/down.sql',
      line: 2,
      message: expect.stringContaining(
        'failed at migrations/1700000000006_table_6/down.sql:2: table "not_there" does not exist (SQLSTATE 42P01)',
      ),
    })
    expect(execution.steps.map((s) => s.status)).toEqual([
      'undone',
      'undone',
      'failed',
      'not-executed',
      'not-executed',
      'not-executed',
      'not-executed',
      'not-executed',
    ])
    const afterFailure = hasura.requests.slice(3)
    // 8 downs, no guard: ceil(log2 8) = 3 probes for the file, then 2 for its 2 statements + state rows.
    expect(afterFailure).toHaveLength(5)
    expect(afterFailure.every(isProbe)).toBe(true)
    expect(afterFailure.every((r) => r.status === 400)).toBe(true)
    expect(await schemaSnapshot(db)).toEqual(before)
    expect(await appliedVersions(db)).toHaveLength(8)
  })

  it('reports a failing single down after one probe confirms the failure', async () => {
    const migrations = withDown(threeMigrations[2]!.version, 'ALTER TABLE author DROP COLUMN nope;')
    const { hasura, transport } = await setUp(generation, migrations)
    const execution = await execute(transport, stepsOf(migrations).slice(0, 1))
    expect(execution.failure?.message).toContain('column "nope" of relation "author" does not exist')
    expect(hasura.requests.filter(isProbe)).toHaveLength(1)
  })

  it('tells a failing guard from a failing down when the guard error carries no marker', async () => {
    const { db, hasura, transport } = await setUp(generation)
    const steps = stepsOf(threeMigrations).slice(0, 2)
    const execution = await execute(transport, steps, { afterDowns: 'SELECT 1 / 0' })
    expect(execution.failure?.message).toMatch(/^The checks after the downs failed: division by zero\./)
    expect(execution.steps.map((s) => s.status)).toEqual(['undone', 'undone'])
    // Two prefixes bisected, then the whole script once more to confirm the failure is not passing.
    expect(hasura.requests.filter(isProbe).length).toBeLessThanOrEqual(3)
    expect(await appliedVersions(db)).toHaveLength(3)
  })

  it('says a timed-out rollback may have been committed', async () => {
    const { hasura, client } = await setUp(generation)
    const slow = createHasuraClient(hasuraConfig(hasura.url, SECRET), { timeoutMs: 300 })
    await client.serverVersion()
    const transport = await connectHasura({ client: slow })
    hasura.injectFault('hang', { match: (r) => r.path === sqlPath })
    await expect(execute(transport, stepsOf(threeMigrations))).rejects.toThrow(
      new RegExp(
        `no answer to POST ${sqlPath.slice(1)} \\(run_sql\\) within 0.3 s.*may or may not have been committed: check the migration state`,
      ),
    )
  })
})

describe('a failure that does not happen again', () => {
  it('blames no file: the cause was passing, nothing was changed', async () => {
    // nextval() is not transactional: the first run of this down fails, every rehearsal after it passes.
    const flaky = "DROP TABLE article;\nSELECT 1 / (nextval('flaky') - 1);\n"
    const migrations = withDown(threeMigrations[1]!.version, flaky)
    const { db, transport } = await setUp('v2', migrations)
    await db.query('CREATE SEQUENCE flaky')
    const execution = await execute(transport, stepsOf(migrations))
    expect(execution.committed).toBe(false)
    expect(execution.failure).toEqual({
      message: expect.stringMatching(
        /^The rollback failed \(division by zero \(SQLSTATE 22012\)\), but not again when rehearsed: .* Nothing was changed/,
      ),
    })
    expect(execution.steps.map((s) => s.status)).toEqual(['undone', 'undone', 'undone'])
    expect(await appliedVersions(db)).toEqual(threeMigrations.map((m) => m.version))
  })
})
