// Fault injection on a 20-migration rollback: the database session ends while the k-th down runs (every
// k) or at COMMIT, and the Hasura stand-in fails chosen requests. After each fault the schema and
// hdb_catalog.schema_migrations are exactly as before or exactly as after (never in between), the run
// fails with a clear message, and a re-run without the fault completes.
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import type { ActionRun } from '../support/action-runner.js'
import { runAction } from '../support/action-runner.js'
import { applicationName, holdAdvisoryLock } from '../support/blockers.js'
import { removeRepos } from '../support/git-fixture.js'
import { appliedVersions, applyUps, createTableMigrations, writeProject } from '../support/hasura-project.js'
import type { TestDatabase } from '../support/postgres.js'
import { createTestDatabase, schemaSnapshot } from '../support/postgres.js'

const N = 20
/** Down i (1-based by version) takes advisory key BLOCKER_BASE + i first; see createTableMigrations. */
const BLOCKER_BASE = 4_200_000
const COMMIT_KEY = 4_300_000
const migrations = createTableMigrations(N, { blockerKeyBase: BLOCKER_BASE })
/** The k-th down to run (highest version first) is migration N + 1 - k. */
const keyOfKthDown = (k: number) => BLOCKER_BASE + N + 1 - k

const cleanups: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})
afterAll(removeRepos)

interface DatabaseState {
  schema: Record<string, string[]>
  applied: string[]
}
const stateOf = async (db: TestDatabase): Promise<DatabaseState> => ({
  schema: await schemaSnapshot(db),
  applied: await appliedVersions(db),
})

function errorsOf(result: ActionRun): string {
  return result.annotations
    .filter((a) => a.level === 'error')
    .map((a) => a.message)
    .join('\n')
}

let workspace: Promise<string> | undefined
async function setUpPostgres() {
  workspace ??= writeProject(migrations)
  const db = await createTestDatabase()
  cleanups.push(() => db.drop())
  await applyUps(db, migrations)
  const before = await stateOf(db)
  const run = async () =>
    runAction({
      workspace: await workspace!,
      inputs: { 'database-url': db.url, 'apply-metadata': 'false', count: 'all' },
    })
  return { db, before, run }
}

describe('database session terminated during a 20-migration rollback (database-url)', () => {
  it.each(Array.from({ length: N }, (_, i) => i + 1))(
    'while down #%i runs: nothing changed, a clear failure, a re-run completes',
    async (k) => {
      const { db, before, run } = await setUpPostgres()
      const blocker = await holdAdvisoryLock(db, keyOfKthDown(k))
      cleanups.push(() => blocker.release())
      const failing = run()
      const pid = await blocker.waiter()
      expect(await applicationName(db, pid)).toBe('hasura-rollback')
      await blocker.terminate(pid)
      await blocker.release()
      const result = await failing

      expect(result.exitCode).toBe(1)
      expect(result.outputs.status).toBe('failed')
      expect(await stateOf(db)).toEqual(before)
      const kth = migrations[N - k]!
      // The session's end surfaces as the failure of the down that was running; the server rolled back.
      expect(errorsOf(result)).toContain(
        `Down migration ${kth.version}_${kth.name} failed at migrations/${kth.version}_${kth.name}/down.sql: terminating connection due to administrator command (SQLSTATE 57P01). The transaction was rolled back: nothing was changed`,
      )
      expect(result.summary).toContain('exactly as they were before this run')
      expect(result.outputs['rolled-back-versions']).toBe('[]')

      const rerun = await run()
      expect(rerun.exitCode).toBe(0)
      expect(rerun.outputs['rolled-back-count']).toBe(String(N))
      expect(await stateOf(db)).toEqual({ schema: {}, applied: [] })
    },
  )

  it('at COMMIT: nothing changed, a clear failure, a re-run completes', async () => {
    const { db, before, run } = await setUpPostgres()
    // A deferred constraint trigger runs inside COMMIT, after every down and state row: it waits for a
    // key the test holds, so the session is terminated while COMMIT is in progress (before the commit
    // record is written; a loss after that point cannot be staged deterministically here).
    await db.query(`CREATE FUNCTION hdb_catalog.block_at_commit() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN PERFORM pg_advisory_xact_lock(${COMMIT_KEY}); RETURN NULL; END $$;
      CREATE CONSTRAINT TRIGGER block_at_commit AFTER DELETE ON hdb_catalog.schema_migrations
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION hdb_catalog.block_at_commit()`)
    const blocker = await holdAdvisoryLock(db, COMMIT_KEY)
    cleanups.push(() => blocker.release())
    const failing = run()
    const pid = await blocker.waiter()
    const activity = await db.query<{ query: string }>('SELECT query FROM pg_stat_activity WHERE pid = $1', [
      pid,
    ])
    expect(activity[0]?.query).toMatch(/^COMMIT/i)
    await blocker.terminate(pid)
    await blocker.release()
    const result = await failing

    expect(result.exitCode).toBe(1)
    expect(result.outputs.status).toBe('failed')
    expect(await stateOf(db)).toEqual(before)
    expect(errorsOf(result)).toMatch(/COMMIT failed: .*terminat/i)
    expect(result.outputs['rolled-back-versions']).toBe('[]')

    await db.query('DROP TRIGGER block_at_commit ON hdb_catalog.schema_migrations')
    const rerun = await run()
    expect(rerun.exitCode).toBe(0)
    expect(await stateOf(db)).toEqual({ schema: {}, applied: [] })
  })
})
