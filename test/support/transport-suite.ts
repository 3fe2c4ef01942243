// One behavioural suite every transport must pass (golang-migrate's database/testing.Test): the same
// state reads and rollbacks against a real database, through Postgres directly or through Hasura.
import { describe, expect, it } from 'vitest'
import { cleanUp } from './cleanup.js'
import type { AppliedState, PlannedStep } from '../../src/plan.js'
import { compareVersions, downFile } from '../../src/project/migrations.js'
import { writeJournalSql } from '../../src/transport/journal-sql.js'
import { GUARD_MARKER } from '../../src/transport/markers.js'
import { LOCK_KEY } from '../../src/transport/script.js'
import { parseStateCell, readStateSql, stateRowsChange } from '../../src/transport/state-sql.js'
import type { ExecuteOptions, Execution, Transport } from '../../src/transport/transport.js'
import type { MigrationSpec } from './hasura-project.js'
import {
  CREATE_STATE_TABLE,
  appliedVersions,
  applyUps,
  threeMigrations,
  threeTables,
  threeVersions,
} from './hasura-project.js'
import type { TestDatabase } from './postgres.js'
import { createTestDatabase, otherSession, schemaSnapshot } from './postgres.js'

/** Connects a transport to `db`; `cleanup` runs after the test. */
export type TransportFactory = (
  db: TestDatabase,
) => Promise<{ transport: Transport; cleanup?: () => Promise<void> }>

const [m1, m2, m3] = threeVersions

/** Planned steps for these migrations, highest version first (the order the plan gives). */
export function stepsOf(migrations: readonly MigrationSpec[]): PlannedStep[] {
  return [...migrations]
    .sort((a, b) => compareVersions(b.version, a.version))
    .map((m) => ({
      version: m.version,
      name: m.name,
      down: downFile(`migrations/${m.version}_${m.name}/down.sql`, m.down ?? ''),
    }))
}

/** Runs `steps` as a config v2 rollback (their state rows removed), with `overrides` of the defaults. */
export function execute(
  transport: Transport,
  steps: readonly PlannedStep[],
  overrides: Partial<ExecuteOptions> = {},
): Promise<Execution> {
  const state = stateRowsChange(steps.map((s) => s.version))
  return transport.execute(steps, { dryRun: false, lockTimeoutSeconds: 5, state, ...overrides })
}

/** The config v2 state of the database `transport` reaches; `runKey` also reads that run's journal record. */
export async function readState(transport: Transport, runKey?: string): Promise<AppliedState> {
  return parseStateCell(await transport.readState(readStateSql(runKey)))
}

/** threeMigrations with the down of `version` replaced. */
export function withDown(version: string, down: string): MigrationSpec[] {
  return threeMigrations.map((m) => (m.version === version ? { ...m, down } : m))
}

/** A fresh database made ready by `prepare`, and `connect`'s transport on it; all undone after the test. */
export async function transportOn(
  connect: TransportFactory,
  prepare: (db: TestDatabase) => Promise<void>,
): Promise<{ db: TestDatabase; transport: Transport }> {
  const db = await createTestDatabase()
  cleanUp(db.drop)
  await prepare(db)
  const { transport, cleanup } = await connect(db)
  cleanUp(() => transport.close())
  if (cleanup) cleanUp(cleanup)
  return { db, transport }
}

export function transportSuite(name: string, connect: TransportFactory): void {
  describe(`${name} transport (shared suite)`, () => {
    function setUp(applied: readonly MigrationSpec[] = threeMigrations, settings: string[] = []) {
      return transportOn(connect, async (db) => {
        if (applied.length > 0) await applyUps(db, applied)
        // Database settings apply to the sessions opened after them: the transport's.
        for (const setting of settings) await db.query(`ALTER DATABASE ${db.name} SET ${setting}`)
      })
    }

    /** The database exactly as setUp left it: every migration applied. */
    async function expectUnchanged(db: TestDatabase): Promise<void> {
      expect(await schemaSnapshot(db)).toEqual(threeTables)
      expect(await appliedVersions(db)).toEqual([m1, m2, m3])
    }

    it('reads a database without hdb_catalog as: no state table, nothing applied', async () => {
      const { transport } = await setUp([])
      expect(await readState(transport)).toEqual({
        stateTableExists: false,
        applied: [],
        migrationMode: undefined,
        journal: undefined,
      })
    })

    it('reads an empty state table, then applied and dirty versions beyond 2^53 exactly', async () => {
      const { db, transport } = await setUp([])
      await db.query(CREATE_STATE_TABLE)
      expect(await readState(transport)).toMatchObject({ stateTableExists: true, applied: [] })
      await db.query(
        `INSERT INTO hdb_catalog.schema_migrations VALUES (1700000000001, false), (9007199254740993, true)`,
      )
      const state = await readState(transport)
      expect([...state.applied].sort((a, b) => a.version.localeCompare(b.version))).toEqual([
        { version: '1700000000001', dirty: false },
        { version: '9007199254740993', dirty: true },
      ])
    })

    it('reads migration_mode, and no value when the settings table or its row is missing', async () => {
      const { db, transport } = await setUp()
      expect((await readState(transport)).migrationMode).toBeUndefined()
      await db.query('CREATE TABLE hdb_catalog.migration_settings (setting text PRIMARY KEY, value text)')
      expect((await readState(transport)).migrationMode).toBeUndefined()
      await db.query(`INSERT INTO hdb_catalog.migration_settings VALUES ('migration_mode', 'false')`)
      expect((await readState(transport)).migrationMode).toBe('false')
    })

    it("reads this run's journal record only when asked with its run key", async () => {
      const { db, transport } = await setUp()
      expect((await readState(transport, 'o/r/1/job')).journal).toBeUndefined()
      const entry = { runKey: "o/r/1/job's", attempt: 2, versions: [m3, m2], metadataSha: 'abc123' }
      await db.query(writeJournalSql(entry))
      expect((await readState(transport, "o/r/1/job's")).journal).toEqual({
        versions: [m3, m2],
        metadataSha: 'abc123',
        attempt: 2,
      })
      expect((await readState(transport)).journal).toBeUndefined()
    })

    it('reverts every planned version in one transaction and removes their state rows', async () => {
      const { db, transport } = await setUp()
      const execution = await execute(transport, stepsOf(threeMigrations))
      expect(execution).toMatchObject({ committed: true, failure: undefined })
      expect(execution.steps.map((s) => [s.version, s.status])).toEqual([
        [m3, 'reverted'],
        [m2, 'reverted'],
        [m1, 'reverted'],
      ])
      expect(await schemaSnapshot(db)).toEqual({})
      expect(await appliedVersions(db)).toEqual([])
    })

    it('joins down files safely: a trailing -- comment or a missing ; does not swallow the next', async () => {
      const migrations = withDown(m3, 'ALTER TABLE author DROP COLUMN email -- no semicolon, comment last')
      const { db, transport } = await setUp(migrations)
      const execution = await execute(transport, stepsOf(migrations).slice(0, 2))
      expect(execution.failure).toBeUndefined()
      expect(await schemaSnapshot(db)).toEqual({ author: ['id', 'name'] })
      expect(await appliedVersions(db)).toEqual([m1])
    })

    it('rehearses a dry run without changing anything', async () => {
      const { db, transport } = await setUp()
      const execution = await execute(transport, stepsOf(threeMigrations), { dryRun: true })
      expect(execution).toMatchObject({ committed: false, failure: undefined })
      expect(execution.steps.map((s) => s.status)).toEqual(['rehearsed', 'rehearsed', 'rehearsed'])
      await expectUnchanged(db)
    })

    it('changes nothing when a down fails and names its version, file and the Postgres message', async () => {
      const migrations = withDown(m2, 'DROP TABLE no_such_table;')
      const { db, transport } = await setUp(migrations)
      const execution = await execute(transport, stepsOf(migrations))
      expect(execution.committed).toBe(false)
      expect(execution.failure).toMatchObject({
        version: m2,
        file: `migrations/${m2}_create_article/down.sql`,
        message: expect.stringMatching(
          new RegExp(
            `^Down migration ${m2}_create_article failed at .*down.sql.*: table "no_such_table" does not exist \\(SQLSTATE 42P01\\).*nothing was changed$`,
          ),
        ),
      })
      expect(execution.steps.map((s) => s.status)).toEqual(['undone', 'failed', 'not-executed'])
      await expectUnchanged(db)
    })

    it('reverts nothing when another rollback removed a planned version after the state was read', async () => {
      const { db, transport } = await setUp()
      await db.query(`DELETE FROM hdb_catalog.schema_migrations WHERE version = ${m3}`)
      const execution = await execute(transport, stepsOf(threeMigrations))
      expect(execution.committed).toBe(false)
      expect(execution.failure?.message).toMatch(
        new RegExp(`^Version ${m3} is no longer applied: another rollback`),
      )
      expect(execution.steps.map((s) => s.status)).toEqual(['not-executed', 'not-executed', 'not-executed'])
      expect(await schemaSnapshot(db)).toEqual(threeTables)
      expect(await appliedVersions(db)).toEqual([m1, m2])
    })

    it('rolls everything back when the guard after the downs fails, naming the missing objects', async () => {
      const { db, transport } = await setUp()
      const afterDowns = `DO $$ BEGIN RAISE EXCEPTION '${GUARD_MARKER} table public.author'; END $$`
      const execution = await execute(transport, stepsOf(threeMigrations).slice(0, 1), { afterDowns })
      expect(execution.failure?.message).toMatch(
        /^The stable metadata needs objects missing after the rollback: table public\.author\./,
      )
      expect(execution.steps.map((s) => s.status)).toEqual(['undone'])
      await expectUnchanged(db)
    })

    it('waits for the lock of a concurrent run and gives up after lock-timeout, changing nothing', async () => {
      const { db, transport } = await setUp()
      const holder = await otherSession(db)
      await holder.query(`SELECT pg_advisory_lock(${LOCK_KEY}::bigint)`)
      for (const lockTimeoutSeconds of [0, 0.3]) {
        await expect(execute(transport, stepsOf(threeMigrations), { lockTimeoutSeconds })).rejects.toThrow(
          /^Another hasura-rollback run holds the database lock; gave up after 0(\.3)? s/,
        )
      }
      expect(await appliedVersions(db)).toEqual([m1, m2, m3])
      await holder.query(`SELECT pg_advisory_unlock(${LOCK_KEY}::bigint)`)
      expect((await execute(transport, stepsOf(threeMigrations).slice(0, 1))).committed).toBe(true)
      expect(await appliedVersions(db)).toEqual([m1, m2])
    })

    it.each([
      [
        'lock_timeout',
        'lock timeout (SQLSTATE 55P03); another session holds them (a hasura migrate running?)',
      ],
      ['statement_timeout', 'statement timeout (SQLSTATE 57014)'],
    ])("names the state rows it waited for when the database's %s ends the wait", async (setting, why) => {
      // Role or database timeouts (common safety settings) also bound the wait for the planned
      // versions' rows, which a concurrent `hasura migrate` may hold. Not a failing down file.
      const { db, transport } = await setUp(threeMigrations, [`${setting} = '300ms'`])
      const holder = await otherSession(db)
      await holder.query('BEGIN')
      await holder.query(`SELECT 1 FROM hdb_catalog.schema_migrations WHERE version = ${m2} FOR UPDATE`)
      const execution = await execute(transport, stepsOf(threeMigrations))
      await holder.query('ROLLBACK')
      expect(execution).toMatchObject({ committed: false })
      expect(execution.failure).toEqual({
        message: `Could not lock the rows of the planned versions in hdb_catalog.schema_migrations: canceling statement due to ${why}. Nothing was changed`,
      })
      expect(execution.steps.map((s) => s.status)).toEqual(['not-executed', 'not-executed', 'not-executed'])
      await expectUnchanged(db)
    })

    it('leaves the lock free once it is done: committed, rehearsed or failed', async () => {
      const migrations = withDown(m1, 'DROP TABLE no_such_table;')
      const { db, transport } = await setUp(migrations)
      const other = await otherSession(db)
      const lockIsFree = async () => {
        const { rows } = await other.query<{ ok: boolean }>(
          `SELECT pg_try_advisory_lock(${LOCK_KEY}::bigint) AS ok`,
        )
        if (rows[0]?.ok) await other.query(`SELECT pg_advisory_unlock(${LOCK_KEY}::bigint)`)
        return rows[0]?.ok
      }
      const steps = stepsOf(migrations)
      expect((await execute(transport, steps.slice(0, 1), { dryRun: true })).failure).toBeUndefined()
      expect(await lockIsFree()).toBe(true)
      expect((await execute(transport, steps)).failure).toBeDefined()
      expect(await lockIsFree()).toBe(true)
      expect((await execute(transport, steps.slice(0, 1))).committed).toBe(true)
      expect(await lockIsFree()).toBe(true)
      expect(await appliedVersions(db)).toEqual([m1, m2])
    })

    it("says what ended the wait for another run's lock when the database's statement_timeout came first", async () => {
      const { db, transport } = await setUp(threeMigrations, ["statement_timeout = '300ms'"])
      const holder = await otherSession(db)
      await holder.query(`SELECT pg_advisory_lock(${LOCK_KEY}::bigint)`)
      await expect(execute(transport, stepsOf(threeMigrations), { lockTimeoutSeconds: 5 })).rejects.toThrow(
        "Another hasura-rollback run holds the database lock; the wait ended before input 'lock-timeout' did: canceling statement due to statement timeout (SQLSTATE 57014). Nothing was changed",
      )
      await expectUnchanged(db)
    })

    it("runs the downs with the session's lock_timeout, not lock-timeout's, also after a wait gave up", async () => {
      const checksLockTimeout = `DO $$ BEGIN
  IF current_setting('lock_timeout') <> '0' THEN RAISE EXCEPTION 'lock_timeout is %', current_setting('lock_timeout'); END IF;
END $$;
ALTER TABLE author DROP COLUMN email;`
      const migrations = withDown(m3, checksLockTimeout)
      const { db, transport } = await setUp(migrations)
      const holder = await otherSession(db)
      await holder.query(`SELECT pg_advisory_lock(${LOCK_KEY}::bigint)`)
      await expect(execute(transport, stepsOf(migrations), { lockTimeoutSeconds: 0.3 })).rejects.toThrow(
        /gave up after 0\.3 s/,
      )
      await holder.query(`SELECT pg_advisory_unlock(${LOCK_KEY}::bigint)`)
      const execution = await execute(transport, stepsOf(migrations).slice(0, 1), { lockTimeoutSeconds: 5 })
      expect(execution).toMatchObject({ committed: true, failure: undefined })
      expect(await appliedVersions(db)).toEqual([m1, m2])
    })

    // Postgres rejects a whole query at parse time when one of its downs has a syntax error: the
    // failing down must still be named, wherever it sits among the downs sent together.
    describe.each([3, 100, 1000])('a syntax error among %i downs', (n) => {
      it.each(['first', 'middle', 'last'] as const)('names the %s down, its file and line', async (where) => {
        const { db, transport } = await setUp([])
        const steps = noOpSteps(n)
        const index = where === 'first' ? 0 : where === 'middle' ? Math.floor(n / 2) : n - 1
        const bad = steps[index]!
        const sql = 'SELECT 1;\n-- the next statement is wrong\nSELEC 2;\nSELECT 3;\n'
        steps[index] = { ...bad, down: downFile(bad.down.path, sql) }
        await db.query(`${CREATE_STATE_TABLE}; INSERT INTO hdb_catalog.schema_migrations
          SELECT v, false FROM unnest(ARRAY[${steps.map((s) => s.version).join(',')}]::bigint[]) AS v`)
        const execution = await execute(transport, steps)
        expect(execution.failure).toEqual({
          version: bad.version,
          file: bad.down.path,
          line: 3,
          message: `Down migration ${bad.version}_${bad.name} failed at ${bad.down.path}:3: syntax error at or near "SELEC" (SQLSTATE 42601). The transaction was rolled back: nothing was changed`,
        })
        const statuses = execution.steps.map((s) => s.status)
        expect(statuses[index]).toBe('failed')
        expect(statuses.filter((s) => s === 'failed')).toHaveLength(1)
        expect(statuses.slice(0, index).every((s) => s === 'undone')).toBe(true)
        expect(statuses.slice(index + 1).every((s) => s === 'not-executed')).toBe(true)
        expect((await db.query('SELECT count(*)::int AS n FROM hdb_catalog.schema_migrations'))[0]).toEqual({
          n,
        })
      })
    })
  })
}

/** `n` downs that change nothing but their state rows, highest version first. */
function noOpSteps(n: number): PlannedStep[] {
  return Array.from({ length: n }, (_, i) => {
    const version = String(1800000000000 + n - i)
    return {
      version,
      name: `noop_${i}`,
      down: downFile(`migrations/${version}_noop_${i}/down.sql`, `SELECT ${i};\n`),
    }
  })
}
