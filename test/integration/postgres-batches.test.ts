// The Postgres transport sends the downs in batches (one multi-statement query each). A failure inside
// a batch must still name the exact down, file and line, and leave everything as it was; a lost
// session names no file.
import { describe, expect, it } from 'vitest'
import { cleanUp } from '../support/cleanup.js'
import type { PlannedStep } from '../../src/plan.js'
import { downFile } from '../../src/project/migrations.js'
import { BATCH_LIMITS, batchesOf } from '../../src/transport/batches.js'
import { connectPostgres } from '../../src/transport/postgres.js'
import type { MigrationSpec } from '../support/hasura-project.js'
import { appliedVersions, applyUps, createTableMigrations } from '../support/hasura-project.js'
import { createTestDatabase, schemaSnapshot } from '../support/postgres.js'
import { execute, stepsOf } from '../support/transport-suite.js'

/** n create-table migrations with the down of the `k`-th to run (1-based, highest version first) replaced. */
function withKthDown(n: number, k: number, down: string): MigrationSpec[] {
  const migrations = createTableMigrations(n)
  return migrations.map((m, i) => (i === n - k ? { ...m, down } : m))
}

/** Batches of 100: several of them with a few hundred migrations. */
const SMALL_BATCHES = { downs: 100, chars: BATCH_LIMITS.chars }

async function setUp(
  migrations: readonly MigrationSpec[],
  options: { lockTimeout?: string; batchLimits?: typeof BATCH_LIMITS } = {},
) {
  const db = await createTestDatabase()
  cleanUp(db.drop)
  await applyUps(db, migrations)
  if (options.lockTimeout)
    await db.query(`ALTER DATABASE ${db.name} SET lock_timeout = '${options.lockTimeout}'`)
  const transport = await connectPostgres({ databaseUrl: db.url, batchLimits: options.batchLimits })
  cleanUp(() => transport.close())
  const before = { schema: await schemaSnapshot(db), applied: await appliedVersions(db) }
  const after = async () => ({ schema: await schemaSnapshot(db), applied: await appliedVersions(db) })
  return { db, transport, before, after }
}

const step = (sql: string): PlannedStep => ({ version: '1', name: 'x', down: downFile('d.sql', sql) })

describe('batchesOf', () => {
  it(`cuts the plan after every ${BATCH_LIMITS.downs} downs, and before a down that would pass the character cap`, () => {
    expect(batchesOf(Array.from({ length: 2500 }, () => step('DROP TABLE t;')))).toEqual([
      { start: 0, end: 1000 },
      { start: 1000, end: 2000 },
      { start: 2000, end: 2500 },
    ])
    const big = 'x'.repeat(60)
    expect(batchesOf([step(big), step('y'), step(big), step(big)], { downs: 100, chars: 100 })).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 3 },
      { start: 3, end: 4 },
    ])
    expect(batchesOf([])).toEqual([])
  })
})

describe('postgres transport: batched downs', () => {
  it('reverts 250 migrations in batches, each step timed as its share of its batch', async () => {
    const migrations = createTableMigrations(250)
    const { transport, after } = await setUp(migrations, { batchLimits: SMALL_BATCHES })
    const execution = await execute(transport, stepsOf(migrations))
    expect(execution).toMatchObject({ committed: true, failure: undefined })
    expect(execution.steps).toHaveLength(250)
    // Each step reverted with a duration the report can print: a number of milliseconds, finite, not negative.
    const untimed = execution.steps.filter(
      (o) =>
        o.status !== 'reverted' ||
        typeof o.durationMs !== 'number' ||
        !Number.isFinite(o.durationMs) ||
        o.durationMs < 0,
    )
    expect(untimed).toEqual([])
    // The steps of one batch share its time evenly.
    const shares = new Set(execution.steps.slice(0, 100).map((o) => o.durationMs))
    expect(shares.size).toBe(1)
    expect(await after()).toEqual({ schema: {}, applied: [] })
  })

  it.each([
    ['one batch of 250', BATCH_LIMITS],
    ['the second of three batches', SMALL_BATCHES],
  ])(
    'finds the failing down inside %s, with the line of the failing statement, and changes nothing',
    async (_, batchLimits) => {
      // Down #170 fails on its third line; Postgres gives no position for a missing table.
      const migrations = withKthDown(
        250,
        170,
        '-- drop it\nSELECT 1;\nDROP TABLE no_such_table;\nSELECT 2;\n',
      )
      const failing = migrations[250 - 170]!
      const { transport, before, after } = await setUp(migrations, { batchLimits })
      const execution = await execute(transport, stepsOf(migrations))
      expect(execution.committed).toBe(false)
      expect(execution.failure).toEqual({
        version: failing.version,
        file: `migrations/${failing.version}_${failing.name}/down.sql`,
        line: 3,
        message: `Down migration ${failing.version}_${failing.name} failed at migrations/${failing.version}_${failing.name}/down.sql:3: table "no_such_table" does not exist (SQLSTATE 42P01). The transaction was rolled back: nothing was changed`,
      })
      const statuses = execution.steps.map((s) => s.status)
      expect(statuses.slice(0, 169).every((s) => s === 'undone')).toBe(true)
      expect(statuses[169]).toBe('failed')
      expect(statuses.slice(170).every((s) => s === 'not-executed')).toBe(true)
      expect(await after()).toEqual(before)
    },
  )

  it('finds the failing down with the effects of the downs before it, as in the rollback', async () => {
    // Down #40 creates a table that down #150 drops; down #200 fails. A rehearsal that ran #150
    // without #40 would see #150 fail first and blame it.
    const migrations = createTableMigrations(250).map((m, i) =>
      i === 250 - 40
        ? { ...m, down: `CREATE TABLE made_by_40 (x int);\n${m.down}` }
        : i === 250 - 150
          ? { ...m, down: `DROP TABLE made_by_40;\n${m.down}` }
          : i === 250 - 200
            ? { ...m, down: 'SELECT 1;\nDROP TABLE no_such_table;\n' }
            : m,
    )
    const failing = migrations[250 - 200]!
    const { transport, before, after } = await setUp(migrations)
    const execution = await execute(transport, stepsOf(migrations))
    expect(execution.failure).toMatchObject({ version: failing.version, line: 2 })
    expect(execution.steps.map((s) => s.status).indexOf('failed')).toBe(199)
    expect(await after()).toEqual(before)
  })

  it("maps Postgres' error position in a batched down to its file's line", async () => {
    const migrations = withKthDown(150, 120, 'SELECT 1;\n\nSELECT * FROM nowhere_at_all;\n')
    const failing = migrations[150 - 120]!
    const { transport, before, after } = await setUp(migrations)
    const execution = await execute(transport, stepsOf(migrations), { dryRun: true })
    expect(execution.failure).toMatchObject({ version: failing.version, line: 3 })
    expect(execution.failure?.message).toMatch(
      /^Down migration .* failed at .*down\.sql:3: relation "nowhere_at_all"/,
    )
    expect(await after()).toEqual(before)
  })

  // Fifteen downs in batches of five; the k-th down to run ends its own session.
  it.each([
    ['the first batch', 2, [1, 5]],
    ['the middle batch', 8, [6, 10]],
    ['the last batch', 15, [11, 15]],
  ] as const)(
    'reports a session that ends during a down of %s as a lost connection naming that batch, and changes nothing',
    async (_, k, [from, to]) => {
      const migrations = withKthDown(15, k, 'SELECT pg_terminate_backend(pg_backend_pid());\n')
      const { transport, before, after } = await setUp(migrations, {
        batchLimits: { downs: 5, chars: BATCH_LIMITS.chars },
      })
      const inOrder = [...migrations].reverse()
      const label = (i: number) => `${inOrder[i - 1]!.version}_${inOrder[i - 1]!.name}`
      const execution = await execute(transport, stepsOf(migrations))
      expect(execution.committed).toBe(false)
      expect(execution.failure).toEqual({
        message: `Lost the connection to the database while the 5 down migrations ${label(from)} to ${label(to)} (one query) ran: terminating connection due to administrator command (SQLSTATE 57P01). Postgres rolls back an open transaction: nothing was changed`,
      })
      expect(await after()).toEqual(before)
    },
  )
})
