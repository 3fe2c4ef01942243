// Postgres transport: a session advisory lock, then BEGIN, each down as its own query (so Postgres'
// error position maps to the file's line), the state rows, COMMIT — or ROLLBACK and nothing changed.
import pg from 'pg'
import { RollbackError, errorMessage } from '../errors.js'
import type { AppliedState, PlannedStep } from '../plan.js'
import { joinScripts, splitStatements } from '../sql/statements.js'
import * as state from '../state.js'
import type { SqlErrorFields } from './failures.js'
import type { ExecuteOptions, Execution, ExecutionFailure, StepOutcome, Transport } from './transport.js'
import { markUndone, notExecuted } from './transport.js'
import { LOCK_KEY, concurrentlyReverted, guardFailure, lockHeld, sqlFailure } from './failures.js'

export { LOCK_KEY } from './failures.js'

export interface PostgresTransportOptions {
  readonly databaseUrl: string
  readonly now?: () => number
}

interface PgError extends SqlErrorFields {
  where?: string
}

/** A failed transaction: why, and for a failing down, which step and the driver's error. */
interface Attempt {
  readonly failure: ExecutionFailure
  readonly failedStep?: number
  readonly error?: PgError
}

export async function connectPostgres(options: PostgresTransportOptions): Promise<Transport> {
  const now = options.now ?? (() => performance.now())
  const client = new pg.Client({ connectionString: options.databaseUrl, application_name: 'hasura-rollback' })
  // An idle-connection error after we are done must not crash the process.
  client.on('error', () => {})
  try {
    await client.connect()
  } catch (error) {
    throw new RollbackError(
      `Cannot connect to the database given in 'database-url': ${errorMessage(error)}`,
      {
        cause: error,
      },
    )
  }

  async function exists(sql: string): Promise<boolean> {
    const { rows } = await client.query<{ exists: boolean }>(sql)
    return rows[0]?.exists === true
  }

  async function readState(readOptions: { runKey?: string } = {}): Promise<AppliedState> {
    const stateTableExists = await exists(state.STATE_TABLE_EXISTS_SQL)
    const applied = stateTableExists
      ? (await client.query<{ version: string; dirty: boolean }>(state.READ_APPLIED_SQL)).rows.map((r) => ({
          version: String(r.version),
          dirty: r.dirty,
        }))
      : []
    const migrationMode = (await exists(state.SETTINGS_TABLE_EXISTS_SQL))
      ? (await client.query<{ value: string }>(state.READ_MIGRATION_MODE_SQL)).rows[0]?.value
      : undefined
    const journalRow =
      readOptions.runKey && (await exists(state.JOURNAL_TABLE_EXISTS_SQL))
        ? (
            await client.query<{ versions: string; metadata_sha: string }>(
              state.READ_JOURNAL_SQL(readOptions.runKey),
            )
          ).rows[0]
        : undefined
    const journal = journalRow && {
      versions: journalRow.versions.split(',').filter(Boolean),
      metadataSha: journalRow.metadata_sha,
    }
    return { stateTableExists, applied, migrationMode, journal }
  }

  async function lock(timeoutSeconds: number): Promise<void> {
    if (timeoutSeconds <= 0) {
      const { rows } = await client.query<{ ok: boolean }>(
        `SELECT pg_try_advisory_lock(${LOCK_KEY}::bigint) AS ok`,
      )
      if (rows[0]?.ok) return
      throw lockHeld(timeoutSeconds)
    }
    // lock_timeout bounds the wait for the advisory lock; reset so the downs run with the usual setting.
    await client.query(`SET lock_timeout = '${Math.ceil(timeoutSeconds * 1000)}ms'`)
    try {
      await client.query(`SELECT pg_advisory_lock(${LOCK_KEY}::bigint)`)
    } catch (error) {
      if ((error as PgError).code === '55P03') throw lockHeld(timeoutSeconds)
      throw error
    } finally {
      await client.query('RESET lock_timeout')
    }
  }

  async function execute(steps: readonly PlannedStep[], options: ExecuteOptions): Promise<Execution> {
    const outcomes = notExecuted(steps)
    await lock(options.lockTimeoutSeconds)
    try {
      await client.query('BEGIN')
      const attempt = await runInTransaction(steps, outcomes, options)
      if (attempt || options.dryRun) {
        // A lost connection rolls back on the server side; a failed ROLLBACK must not hide the failure.
        await client.query('ROLLBACK').catch(() => {})
        if (attempt) markUndone(outcomes)
        const failure = attempt && (await withLine(steps, attempt))
        return { steps: outcomes, committed: false, failure }
      }
      try {
        await client.query('COMMIT')
      } catch (error) {
        markUndone(outcomes)
        return {
          steps: outcomes,
          committed: false,
          failure: { message: `COMMIT failed: ${errorMessage(error)}` },
        }
      }
      return { steps: outcomes, committed: true, failure: undefined }
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${LOCK_KEY}::bigint)`).catch(() => {})
    }
  }

  async function runInTransaction(
    steps: readonly PlannedStep[],
    outcomes: StepOutcome[],
    options: ExecuteOptions,
  ): Promise<Attempt | undefined> {
    const versions = steps.map((s) => s.version)
    if (versions.length > 0) {
      const { rows } = await client.query<{ version: string }>(state.lockPlannedRowsSql(versions))
      const stillApplied = new Set(rows.map((r) => String(r.version)))
      const gone = versions.filter((v) => !stillApplied.has(v))
      if (gone.length > 0) return { failure: concurrentlyReverted(gone) }
    }
    for (const [i, step] of steps.entries()) {
      const outcome = outcomes[i]!
      const started = now()
      try {
        // One round trip per migration: the down, then its state row. The down comes first, so
        // Postgres' error position still counts from the start of the file.
        await client.query(joinScripts([step.down.sql, state.removeStateRowSql(step.version)]).sql)
      } catch (error) {
        outcome.status = 'failed'
        outcome.durationMs = now() - started
        return { failure: sqlFailure(step, error as PgError), failedStep: i, error: error as PgError }
      }
      outcome.status = options.dryRun ? 'rehearsed' : 'reverted'
      outcome.durationMs = now() - started
      options.onStep?.(step, outcome)
    }
    if (options.guardSql) {
      try {
        await client.query(options.guardSql)
      } catch (error) {
        return { failure: guardFailure(error as PgError) }
      }
    }
    return undefined
  }

  /**
   * Postgres gives no position for some errors (e.g. DROP TABLE of a missing table). Then, after the
   * rollback, rehearse again up to the failing file and run it statement by statement in a
   * transaction that is rolled back too: the first statement that fails gives the line.
   */
  async function withLine(steps: readonly PlannedStep[], attempt: Attempt): Promise<ExecutionFailure> {
    const { failure, failedStep, error } = attempt
    if (failedStep === undefined || !error || failure.line !== undefined || !error.code) return failure
    const step = steps[failedStep]!
    const statements = splitStatements(step.down.sql)
    let line = statements.length === 1 ? statements[0]!.startLine : undefined
    if (statements.length > 1) {
      try {
        await client.query('BEGIN')
        for (const earlier of steps.slice(0, failedStep)) await client.query(earlier.down.sql)
        for (const statement of statements) {
          const failed = await client.query(statement.text).then(
            () => false,
            () => true,
          )
          if (failed) {
            line = statement.startLine
            break
          }
        }
      } catch {
        // The probe is best effort: the failure stands without a line.
      } finally {
        await client.query('ROLLBACK').catch(() => {})
      }
    }
    return line === undefined ? failure : sqlFailure(step, error, line)
  }

  return {
    kind: 'postgres',
    readState,
    execute,
    close: () => client.end().catch(() => {}),
  }
}
