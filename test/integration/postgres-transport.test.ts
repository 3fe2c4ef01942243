// The Postgres transport (database-url) against the shared transport suite, then what only it does:
// take the lock and open the transaction while pre-flight runs (prepare).
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { LOCK_KEY } from '../../src/transport/state-sql.js'
import { connectPostgres } from '../../src/transport/postgres.js'
import { waitFor } from '../support/blockers.js'
import { appliedVersions, applyUps, threeMigrations } from '../support/hasura-project.js'
import type { TestDatabase } from '../support/postgres.js'
import { createTestDatabase, schemaSnapshot } from '../support/postgres.js'
import { run, stepsOf, transportSuite } from '../support/transport-suite.js'

transportSuite('postgres', async (db) => ({ transport: await connectPostgres({ databaseUrl: db.url }) }))

describe('postgres transport: lock and transaction taken during pre-flight (prepare)', () => {
  const cleanups: (() => Promise<unknown>)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  const [m1, m2, m3] = threeMigrations.map((m) => m.version) as [string, string, string]
  const allApplied = { article: ['id', 'author_id', 'title'], author: ['id', 'name', 'email'] }
  const steps = stepsOf(threeMigrations)
  const versions = steps.map((s) => s.version)

  async function setUp() {
    const db = await createTestDatabase()
    cleanups.push(db.drop)
    await applyUps(db, threeMigrations)
    const transport = await connectPostgres({ databaseUrl: db.url })
    cleanups.push(() => transport.close())
    const other = new pg.Client({ connectionString: db.url })
    await other.connect()
    cleanups.push(() => other.end())
    return { db, transport, other }
  }

  /** What another session finds free: the rollback lock, and m2's state row (NOWAIT). */
  async function freeTo(other: pg.Client): Promise<{ lock: boolean; row: boolean }> {
    const { rows } = await other.query<{ ok: boolean }>(
      `SELECT pg_try_advisory_lock(${LOCK_KEY}::bigint) AS ok`,
    )
    const lock = rows[0]?.ok === true
    if (lock) await other.query(`SELECT pg_advisory_unlock(${LOCK_KEY}::bigint)`)
    await other.query('BEGIN')
    const row = await other
      .query(`SELECT 1 FROM hdb_catalog.schema_migrations WHERE version = ${m2} FOR UPDATE NOWAIT`)
      .then(
        () => true,
        () => false,
      )
    await other.query('ROLLBACK')
    return { lock, row }
  }

  const expectUnchanged = async (db: TestDatabase) => {
    expect(await schemaSnapshot(db)).toEqual(allApplied)
    expect(await appliedVersions(db)).toEqual([m1, m2, m3])
  }

  it('holds the lock and the planned rows before execute, which then reverts exactly those versions', async () => {
    const { db, transport, other } = await setUp()
    transport.prepare!(versions, 5)
    await waitFor(async () => ((await freeTo(other)).row ? undefined : true))
    expect(await freeTo(other)).toEqual({ lock: false, row: false })
    await expectUnchanged(db)
    const execution = await transport.execute(steps, run())
    expect(execution).toMatchObject({ committed: true, failure: undefined })
    expect(await appliedVersions(db)).toEqual([])
    expect(await freeTo(other)).toEqual({ lock: true, row: true })
  })

  it('changes nothing and frees the lock and rows when pre-flight refuses (execute never called)', async () => {
    const { db, transport, other } = await setUp()
    transport.prepare!(versions, 5)
    await waitFor(async () => ((await freeTo(other)).row ? undefined : true))
    await transport.close()
    await waitFor(async () => ((await freeTo(other)).lock ? true : undefined))
    expect(await freeTo(other)).toEqual({ lock: true, row: true })
    await expectUnchanged(db)
  })

  it('gives up after lock-timeout when another run holds the lock, as without prepare', async () => {
    const { db, transport, other } = await setUp()
    await other.query(`SELECT pg_advisory_lock(${LOCK_KEY}::bigint)`)
    for (const lockTimeoutSeconds of [0, 0.3]) {
      transport.prepare!(versions, lockTimeoutSeconds)
      await expect(transport.execute(steps, run({ lockTimeoutSeconds }))).rejects.toThrow(
        /^Another hasura-rollback run holds the database lock; gave up after 0(\.3)? s/,
      )
    }
    await expectUnchanged(db)
  })

  it('reverts nothing when a planned version was removed before prepare re-checked', async () => {
    const { db, transport } = await setUp()
    await db.query(`DELETE FROM hdb_catalog.schema_migrations WHERE version = ${m3}`)
    transport.prepare!(versions, 5)
    const execution = await transport.execute(steps, run())
    expect(execution.failure?.message).toMatch(
      new RegExp(`^Version ${m3} is no longer applied: another rollback`),
    )
    expect(await schemaSnapshot(db)).toEqual(allApplied)
  })

  it('refuses to execute other versions than it prepared', async () => {
    const { db, transport } = await setUp()
    transport.prepare!(versions, 5)
    await expect(transport.execute(steps.slice(1), run())).rejects.toThrow(
      'execute() got other versions than prepare()',
    )
    await expectUnchanged(db)
  })
})
