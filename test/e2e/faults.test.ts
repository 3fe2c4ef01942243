// Fault injection on a 20-migration rollback: the database session ends while the first, a middle or
// the last down runs, or at COMMIT (test/integration/postgres-batches.test.ts ends it in each batch), and the Hasura stand-in fails chosen requests. After each fault the schema and
// hdb_catalog.schema_migrations are exactly as before or exactly as after (never in between), the run
// fails with a clear message, and a re-run without the fault completes.
import { describe, expect, it } from 'vitest'
import { cleanUp } from '../support/cleanup.js'
import type { ActionRun } from '../support/action-runner.js'
import { runAction } from '../support/action-runner.js'
import { applicationName, holdAdvisoryLock } from '../support/blockers.js'
import type { Fault, FaultTrigger } from '../support/hasura-stand-in.js'
import { startHasuraStandIn } from '../support/hasura-stand-in.js'
import {
  appliedVersions,
  applyUps,
  createTableMigrations,
  tableName,
  writeProject,
} from '../support/hasura-project.js'
import type { TestDatabase } from '../support/postgres.js'
import { createTestDatabase, schemaSnapshot } from '../support/postgres.js'
import { PROJECT_DIR, twoReleases } from '../support/two-releases.js'

const N = 20
/** Down i (1-based by version) takes advisory key BLOCKER_BASE + i first; see createTableMigrations. */
const BLOCKER_BASE = 4_200_000
const COMMIT_KEY = 4_300_000
const migrations = createTableMigrations(N, { blockerKeyBase: BLOCKER_BASE })
/** The k-th down to run (highest version first) is migration N + 1 - k. */
const keyOfKthDown = (k: number) => BLOCKER_BASE + N + 1 - k

/**
 * Holds `key` so the action's session waits on it, checks who waits (`check`), terminates that
 * session, then lets go: the action's run must cope with losing its database at that point.
 */
async function terminateWhileWaiting<R>(
  db: TestDatabase,
  key: number,
  run: () => Promise<R>,
  check: (pid: number) => Promise<void>,
): Promise<R> {
  const blocker = await holdAdvisoryLock(db, key)
  cleanUp(() => blocker.release())
  const failing = run()
  const pid = await blocker.waiter()
  await check(pid)
  await blocker.terminate(pid)
  await blocker.release()
  return failing
}

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
  cleanUp(() => db.drop())
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
  it.each([1, N / 2, N])(
    'while down #%i runs: nothing changed, a clear failure, a re-run completes',
    async (k) => {
      const { db, before, run } = await setUpPostgres()
      const result = await terminateWhileWaiting(db, keyOfKthDown(k), run, async (pid) =>
        expect(await applicationName(db, pid)).toBe('hasura-rollback'),
      )

      expect(result.exitCode).toBe(1)
      expect(result.outputs.status).toBe('failed')
      expect(await stateOf(db)).toEqual(before)
      // All 20 downs go in one query (one batch): the lost session is no file's fault, so it names the
      // batch and places no annotation on an innocent down file.
      const label = (m: (typeof migrations)[number]) => `${m.version}_${m.name}`
      expect(errorsOf(result)).toBe(
        `Lost the connection to the database while the ${N} down migrations ${label(migrations[N - 1]!)} to ${label(migrations[0]!)} (one query) ran: terminating connection due to administrator command (SQLSTATE 57P01). Postgres rolls back an open transaction: nothing was changed`,
      )
      expect(result.annotations.filter((a) => a.level === 'error' && a.file !== undefined)).toEqual([])
      expect(result.summary).toContain('## ❌ Rollback failed: nothing was changed')
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
    const result = await terminateWhileWaiting(db, COMMIT_KEY, run, async (pid) => {
      const activity = await db.query<{ query: string }>(
        'SELECT query FROM pg_stat_activity WHERE pid = $1',
        [pid],
      )
      expect(activity[0]?.query).toMatch(/^COMMIT/i)
    })

    expect(result.exitCode).toBe(1)
    expect(result.outputs.status).toBe('failed')
    expect(await stateOf(db)).toEqual(before)
    // The client cannot tell whether a COMMIT whose connection was lost took effect; here it did not.
    expect(errorsOf(result)).toBe(
      'The database connection was lost during COMMIT: terminating connection due to administrator command (SQLSTATE 57P01). The rollback may or may not have been committed: check the migration state before running again (hasura migrate status; config v2: hdb_catalog.schema_migrations)',
    )
    expect(result.outputs['rolled-back-versions']).toBe('[]')

    await db.query('DROP TRIGGER block_at_commit ON hdb_catalog.schema_migrations')
    const rerun = await run()
    expect(rerun.exitCode).toBe(0)
    expect(await stateOf(db)).toEqual({ schema: {}, applied: [] })
  })
  it('refused at COMMIT: every down ran, nothing was committed, and the report says so', async () => {
    const { db, before, run } = await setUpPostgres()
    // A deferred trigger fails the COMMIT itself, after every down ran.
    await db.query(`CREATE FUNCTION hdb_catalog.refuse_at_commit() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN RAISE EXCEPTION 'refused at commit'; END $$;
      CREATE CONSTRAINT TRIGGER refuse_at_commit AFTER DELETE ON hdb_catalog.schema_migrations
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION hdb_catalog.refuse_at_commit()`)
    const result = await run()

    expect(result.exitCode).toBe(1)
    expect(await stateOf(db)).toEqual(before)
    expect(result.outputs).toMatchObject({
      status: 'failed',
      'rolled-back-versions': '[]',
      'rolled-back-count': '0',
    })
    expect(errorsOf(result)).toBe(
      'COMMIT failed: refused at commit (SQLSTATE P0001). The transaction was rolled back: nothing was changed',
    )
    expect(result.summary).toContain(
      'COMMIT failed: refused at commit (SQLSTATE P0001). The transaction was rolled back: nothing was changed',
    )
    expect(result.summary).not.toContain('| reverted |')
    expect(result.summary).toContain('| undone (rolled back) |')
  })
})

const SECRET = 'fault-test-admin-secret'
const RUN_ENV = {
  GITHUB_RUN_ID: '777',
  GITHUB_REPOSITORY: 'acme/app',
  GITHUB_JOB: 'deploy',
  GITHUB_ACTION: 'rb',
}
type Match = NonNullable<FaultTrigger['match']>
const isType =
  (type: string): Match =>
  (r) =>
    r.body.type === type
/** The rollback's one big run_sql: the only request holding the first table's DROP before any failure. */
const isRollbackScript: Match = (r) =>
  r.body.type === 'run_sql' && JSON.stringify(r.body.args).includes(`DROP TABLE ${tableName(1)};`)

async function setUpHasura() {
  const added = createTableMigrations(N, { blockerKeyBase: BLOCKER_BASE })
  const project = await twoReleases({
    added: { migrations: added, tables: added.map((_, i) => tableName(i + 1)) },
  })
  const db = await createTestDatabase()
  cleanUp(() => db.drop())
  await applyUps(db, project.allMigrations)
  const hasura = await startHasuraStandIn({ databaseUrl: db.url, generation: 'v2', adminSecret: SECRET })
  cleanUp(() => hasura.close())
  hasura.setMetadata(project.badMetadata)
  const before = await stateOf(db)
  const after = {
    schema: { author: ['id', 'name'] },
    applied: project.stableMigrations.map((m) => m.version),
  }
  const tables = () => (hasura.metadata() as { tables: unknown[] }).tables
  const run = (attempt = '1', inputs: Record<string, string> = {}) =>
    runAction({
      workspace: project.workspace.dir,
      inputs: {
        'project-dir': PROJECT_DIR,
        endpoint: hasura.url,
        'admin-secret': SECRET,
        count: String(N),
        ref: 'v1',
        ...inputs,
      },
      env: { ...RUN_ENV, GITHUB_RUN_ATTEMPT: attempt },
    })
  return { ...project, db, hasura, before, after, tables, run }
}

const MAY_HAVE_RUN =
  /the connection broke after the request was sent, so it may have run\. The rollback may or may not have been committed: check the migration state before running again/
/** A request that got no answer may have been carried out: the message must not claim it failed. */
const COMMITTED_THEN = (cause: RegExp, answered: boolean) =>
  new RegExp(
    `^The schema rollback was committed \\(reverted 1710000000020, .*, 1710000000001\\), but applying the metadata of [0-9a-f]{40} ${answered ? 'failed' : 'got no answer, so the metadata may or may not have been replaced'}: .*${cause.source}.*\\. Re-run this job to finish: it reverts nothing more and applies the metadata$`,
  )
/** The metadata is replaced, but the check after it failed: say so, and how to finish. */
const CHECK_UNREAD = (cause: RegExp) =>
  new RegExp(
    `^The schema rollback was committed \\(reverted 1710000000020, .*, 1710000000001\\) and the metadata of [0-9a-f]{40} was applied, but Hasura's consistency check \\(get_inconsistent_metadata\\) could not be read: .*${cause.source}.*\\. Re-run this job to check again \\(it reverts nothing more and re-applies the same metadata\\), or look for inconsistent objects in the Hasura console \\(Settings > Metadata Status\\)$`,
  )
const HTTP_500 = (what: string) => new RegExp(`answered POST v\\d/\\w+ \\(${what}\\) with HTTP 500: `)
const DROPPED = (what: string) =>
  new RegExp(
    `POST v\\d/\\w+ \\(${what}\\) failed: socket hang up \\(ECONNRESET\\); the connection broke after the request was sent, so it may have run`,
  )

type Side = 'before' | 'after'
interface FaultCase {
  what: string
  fault: Fault
  match: Match
  /** Database and metadata right after the fault: all or nothing, never in between. */
  database: Side
  metadata: Side
  message: RegExp
  /** Inputs of the faulty run only (the re-run takes the defaults). */
  inputs?: Record<string, string>
  /** What the summary says about the state left behind. */
  summary?: string
}
const exportFails = (fault: Fault, cause: RegExp): FaultCase => ({
  what: 'export_metadata',
  fault,
  match: isType('export_metadata'),
  database: 'before',
  metadata: 'before',
  message: cause,
})
const afterCommit = (type: string, fault: Fault, metadata: Side, cause: RegExp): FaultCase => ({
  what: type,
  fault,
  match: isType(type),
  database: 'after',
  metadata,
  message: COMMITTED_THEN(cause, fault === 'status-500'),
  summary:
    fault === 'status-500'
      ? '- **Metadata:** unchanged: Hasura serves the metadata it served before this run'
      : 'it may or may not serve it',
})
const checkFails = (fault: Fault, cause: RegExp): FaultCase => ({
  what: 'get_inconsistent_metadata',
  fault,
  match: isType('get_inconsistent_metadata'),
  database: 'after',
  metadata: 'after',
  message: CHECK_UNREAD(cause),
  summary: "its consistency is unknown: Hasura's check could not be read",
})
const HTTP_TIMEOUT_2S = { 'http-timeout': '2' }
const MAY_HAVE_RUN_NOTE =
  'The rollback may or may not have been committed: check the migration state before running again \\(hasura migrate status; config v2: hdb_catalog\\.schema_migrations\\)'
/** The client's own timeout (src/hasura/client.ts networkFailure), as the action reports it. */
const TIMED_OUT = (path: string, what: string) =>
  new RegExp(
    `Cannot reach Hasura at http://127\\.0\\.0\\.1:\\d+: no answer to POST ${path.replace('/', '\\/')} \\(${what}\\) within 2 s; the server may still complete the request`,
  )
const hasuraCases: FaultCase[] = [
  {
    what: 'the rollback run_sql',
    fault: 'status-500',
    match: isRollbackScript,
    database: 'before',
    metadata: 'before',
    message: HTTP_500('run_sql'),
  },
  // The client cannot tell a connection dropped before the SQL ran from one dropped after it committed.
  ...(['drop-before', 'drop-after'] as const).map((fault): FaultCase => ({
    what: 'the rollback run_sql',
    fault,
    match: isRollbackScript,
    database: fault === 'drop-before' ? 'before' : 'after',
    metadata: 'before',
    message: MAY_HAVE_RUN,
  })),
  exportFails('status-500', HTTP_500('export_metadata')),
  exportFails('drop-before', DROPPED('export_metadata')),
  exportFails('drop-after', DROPPED('export_metadata')),
  afterCommit('replace_metadata', 'status-500', 'before', HTTP_500('replace_metadata')),
  afterCommit('replace_metadata', 'drop-before', 'before', DROPPED('replace_metadata')),
  afterCommit('replace_metadata', 'drop-after', 'after', DROPPED('replace_metadata')),
  ...(['status-500', 'drop-before', 'drop-after'] as const).map((fault) =>
    checkFails(
      fault,
      fault === 'status-500' ? HTTP_500('get_inconsistent_metadata') : DROPPED('get_inconsistent_metadata'),
    ),
  ),
  // 'hang': the stand-in never answers (nor runs the request); input http-timeout bounds the wait.
  {
    what: 'the rollback run_sql',
    fault: 'hang',
    match: isRollbackScript,
    database: 'before',
    metadata: 'before',
    message: new RegExp(`^${TIMED_OUT('v2/query', 'run_sql').source}\\. ${MAY_HAVE_RUN_NOTE}$`),
    inputs: HTTP_TIMEOUT_2S,
  },
  { ...exportFails('hang', TIMED_OUT('v1/metadata', 'export_metadata')), inputs: HTTP_TIMEOUT_2S },
  {
    ...afterCommit('replace_metadata', 'hang', 'before', TIMED_OUT('v1/metadata', 'replace_metadata')),
    inputs: HTTP_TIMEOUT_2S,
  },
  { ...checkFails('hang', TIMED_OUT('v1/metadata', 'get_inconsistent_metadata')), inputs: HTTP_TIMEOUT_2S },
]

describe('Hasura fails a request of a 20-migration rollback with metadata (transport hasura)', () => {
  it.each(hasuraCases)('$what answered with $fault', async (c) => {
    const s = await setUpHasura()
    s.hasura.injectFault(c.fault, { match: c.match })
    const result = await s.run('1', c.inputs)
    expect(result.exitCode).toBe(1)
    expect(result.outputs.status).toBe('failed')
    expect(await stateOf(s.db)).toEqual(c.database === 'before' ? s.before : s.after)
    expect(s.tables()).toEqual((c.metadata === 'before' ? s.badMetadata : s.stableMetadata).tables)
    expect(errorsOf(result)).toMatch(c.message)
    if (c.summary) expect(result.summary).toContain(c.summary)
    await expectRerunCompletes(s)
  })

  it.each([1, 10, 20])(
    'the database session behind Hasura ends while down #%i runs: nothing changed, a re-run completes',
    async (k) => {
      const s = await setUpHasura()
      const blocker = await holdAdvisoryLock(s.db, keyOfKthDown(k))
      cleanUp(() => blocker.release())
      const failing = s.run()
      await blocker.terminate(await blocker.waiter())
      await blocker.release()
      const result = await failing
      expect(result.exitCode).toBe(1)
      expect(result.outputs.status).toBe('failed')
      expect(await stateOf(s.db)).toEqual(s.before)
      expect(s.tables()).toEqual(s.badMetadata.tables)
      expect(errorsOf(result)).toMatch(
        /answered POST v2\/query \(run_sql\) with HTTP 500: .*Connection terminated/,
      )
      await expectRerunCompletes(s)
    },
  )
})

async function expectRerunCompletes(s: Awaited<ReturnType<typeof setUpHasura>>) {
  const rerun = await s.run('2')
  expect(errorsOf(rerun)).toBe('')
  expect(rerun.exitCode).toBe(0)
  expect(rerun.outputs).toMatchObject({
    status: 'rolled-back',
    'rolled-back-count': String(N),
    'metadata-ref': s.stableSha,
    'inconsistent-objects': '[]',
  })
  expect(await stateOf(s.db)).toEqual(s.after)
  expect(s.tables()).toEqual(s.stableMetadata.tables)
}
