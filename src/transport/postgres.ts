// Postgres transport: a session advisory lock, then BEGIN, the downs with their state rows sent in
// batches (one multi-statement query per batch), the guard, COMMIT — or ROLLBACK and nothing changed.
// A batch that fails does not say which down failed: a rolled-back rehearsal halves it under
// savepoints until one down fails alone, so Postgres' error position maps to the file's line.
import pg from 'pg'
import { RollbackError, errorMessage } from '../errors.js'
import type { AppliedState, PlannedStep } from '../plan.js'
import { splitStatements } from '../sql/statements.js'
import * as state from './state-sql.js'
import type { Batch, BatchLimits } from './batches.js'
import { BATCH_LIMITS, batchesOf, describeBatch, stepsSql } from './batches.js'
import type { SqlErrorFields } from './failures.js'
import type { ExecuteOptions, Execution, ExecutionFailure, StepOutcome, Transport } from './transport.js'
import { markUndone, notExecuted } from './transport.js'
import {
  concurrentlyReverted,
  connectionLost,
  guardFailure,
  isConnectionLost,
  lockHeld,
  mayHaveCommitted,
  sqlFailure,
  sqlState,
  stateRowsNotLocked,
} from './failures.js'

const UNLOCK_SQL = `SELECT pg_advisory_unlock(${state.LOCK_KEY}::bigint)`

export interface PostgresTransportOptions {
  readonly databaseUrl: string
  readonly now?: () => number
  /** Tests: smaller batches, to see several of them. */
  readonly batchLimits?: BatchLimits
}

interface PgError extends SqlErrorFields {
  where?: string
}

/** A failed transaction: why, and for a failing batch of downs, which batch and the driver's error. */
interface Attempt {
  readonly failure: ExecutionFailure
  readonly failedBatch?: Batch
  readonly error?: PgError
}

/** The lock taken and the transaction opened for the versions (comma-separated) execute() will get. */
interface Opening {
  readonly versions: string
  readonly locked: Promise<void>
  readonly opened: Promise<Attempt | undefined>
}

/** The down that failed when run alone, found by a rehearsal. */
interface Located {
  readonly index: number
  readonly error: PgError
}

export async function connectPostgres(options: PostgresTransportOptions): Promise<Transport> {
  const now = options.now ?? (() => performance.now())
  const batchLimits = options.batchLimits ?? BATCH_LIMITS
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

  async function readState(readOptions: { runKey?: string } = {}): Promise<AppliedState> {
    const { rows } = await client.query<{ state: string }>(state.readStateSql(readOptions.runKey))
    return state.parseStateCell(rows[0]?.state)
  }

  async function lock(timeoutSeconds: number): Promise<void> {
    if (timeoutSeconds <= 0) {
      const { rows } = await client.query<{ ok: boolean }>(
        `SELECT pg_try_advisory_lock(${state.LOCK_KEY}::bigint) AS ok`,
      )
      if (rows[0]?.ok) return
      throw lockHeld(timeoutSeconds)
    }
    // lock_timeout bounds the wait for the advisory lock; RESET gives the downs the usual setting. One
    // round trip: the three statements form one implicit transaction, so a wait that times out takes
    // the SET back with it.
    const ms = Math.ceil(timeoutSeconds * 1000)
    try {
      await client.query(
        `SET lock_timeout = '${ms}ms'; SELECT pg_advisory_lock(${state.LOCK_KEY}::bigint); RESET lock_timeout`,
      )
    } catch (error) {
      const pgError = error as PgError
      if (pgError.code === '55P03') throw lockHeld(timeoutSeconds)
      // A statement_timeout (a role or database setting) or a cancel ended the wait first.
      if (pgError.code === '57014') throw lockHeld(timeoutSeconds, pgError)
      throw error
    }
  }

  /** The lock, then the transaction opened for `versions` (see begin); `locked` fails as lock() does. */
  function open(versions: readonly string[], lockTimeoutSeconds: number): Opening {
    const locked = lock(lockTimeoutSeconds)
    const opened = locked.then(() => begin(versions))
    // Awaited by execute(); never when pre-flight refuses: the session's end then releases both.
    for (const pending of [locked, opened]) pending.catch(() => {})
    return { versions: versions.join(','), locked, opened }
  }

  let prepared: Opening | undefined

  async function execute(steps: readonly PlannedStep[], options: ExecuteOptions): Promise<Execution> {
    const outcomes = notExecuted(steps)
    const versions = steps.map((s) => s.version)
    const opening = prepared ?? open(versions, options.lockTimeoutSeconds)
    prepared = undefined
    if (opening.versions !== versions.join(','))
      throw new Error('execute() got other versions than prepare()')
    await opening.locked
    let unlocked = false
    // The transaction's last command and the unlock in one round trip. If the command fails, the
    // unlock after it does not run, and `finally` unlocks.
    const endAndUnlock = async (command: 'COMMIT' | 'ROLLBACK') => {
      await client.query(`${command};\n${UNLOCK_SQL}`)
      unlocked = true
    }
    // Sent, then whileEnding while Postgres answers (a COMMIT that drops 1,000 tables: ~75 ms).
    const end = (command: 'COMMIT' | 'ROLLBACK') => {
      const ending = endAndUnlock(command)
      try {
        options.whileEnding?.(outcomes)
      } catch {
        // Only preparation for the answer: the answer decides.
      }
      return ending
    }
    try {
      const attempt = await runInTransaction(opening.opened, steps, outcomes, options).catch(
        async (error: PgError) => {
          if (isConnectionLost(error)) return { failure: connectionLost('the rollback', error) }
          // Leave no aborted transaction behind for the unlock below (and the session's next use).
          await client.query('ROLLBACK').catch(() => {})
          throw error
        },
      )
      if (attempt || options.dryRun) {
        // A lost connection rolls back on the server side; a failed ROLLBACK must not hide the failure.
        // A failure keeps the lock for explain()'s rehearsal.
        await (attempt ? client.query('ROLLBACK') : end('ROLLBACK')).catch(() => {})
        if (attempt) markUndone(outcomes)
        const failure = attempt && (await explain(steps, outcomes, attempt))
        return { steps: outcomes, committed: false, failure }
      }
      try {
        await end('COMMIT')
      } catch (error) {
        markUndone(outcomes)
        const pgError = error as PgError
        const message = isConnectionLost(pgError)
          ? mayHaveCommitted(
              `The database connection was lost during COMMIT: ${pgError.message}${sqlState(pgError)}`,
            )
          : `COMMIT failed: ${errorMessage(error)}`
        return {
          steps: outcomes,
          committed: false,
          failure: { message, outcomeUnknown: isConnectionLost(pgError) },
        }
      }
      return { steps: outcomes, committed: true, failure: undefined }
    } finally {
      if (!unlocked) await client.query(UNLOCK_SQL).catch(() => {})
    }
  }

  /** One round trip: open the transaction, lock the planned rows, ask which are gone. */
  async function begin(versions: readonly string[]): Promise<Attempt | undefined> {
    const recheck =
      versions.length > 0 ? [state.lockPlannedRowsSql(versions), state.goneVersionsSql(versions)] : []
    let answer
    try {
      answer = await client.query(['BEGIN', ...recheck].join(';\n'))
    } catch (error) {
      const pgError = error as PgError
      if (isConnectionLost(pgError)) throw pgError
      return { failure: stateRowsNotLocked(pgError) }
    }
    const results = (Array.isArray(answer) ? answer : [answer]) as pg.QueryResult<{ gone?: string | null }>[]
    const gone = results.at(-1)?.rows[0]?.gone
    return gone ? { failure: concurrentlyReverted(gone.split(', ')) } : undefined
  }

  async function runInTransaction(
    opened: Promise<Attempt | undefined>,
    steps: readonly PlannedStep[],
    outcomes: StepOutcome[],
    options: ExecuteOptions,
  ): Promise<Attempt | undefined> {
    const refused = await opened
    if (refused) return refused
    // The next batch leaves as soon as one returns: Postgres runs it while this one's steps are
    // reported (progress lines, and whatever the caller renders in onStep). One query in flight at a time.
    const batches = batchesOf(steps, batchLimits)
    const send = (batch: Batch) => {
      const started = now()
      const done = client.query(stepsSql(steps.slice(batch.start, batch.end))).then(
        () => undefined,
        (error: PgError) => error,
      )
      return { started, done }
    }
    let running = batches.length > 0 ? send(batches[0]!) : undefined
    for (const [b, batch] of batches.entries()) {
      const { started, done } = running!
      const pgError = await done
      // The batch's time, shared evenly: Postgres does not time the downs of one query apart.
      const durationMs = (now() - started) / (batch.end - batch.start)
      if (pgError) {
        // Which down failed is known only for a batch of one; explain() finds it for the others.
        const failure = isConnectionLost(pgError)
          ? connectionLost(describeBatch(steps, batch), pgError)
          : { message: pgError.message }
        return { failure, failedBatch: batch, error: pgError }
      }
      const next = batches[b + 1]
      running = next && send(next)
      for (let i = batch.start; i < batch.end; i++) {
        const outcome = outcomes[i]!
        outcome.status = options.dryRun ? 'rehearsed' : 'reverted'
        outcome.durationMs = durationMs
        options.onStep?.(steps[i]!, outcome)
      }
    }
    if (options.guardSql) {
      try {
        await client.query(options.guardSql)
      } catch (error) {
        const pgError = error as PgError
        if (isConnectionLost(pgError)) return { failure: connectionLost('the metadata guard', pgError) }
        return { failure: guardFailure(pgError) }
      }
    }
    return undefined
  }

  /** After the ROLLBACK of a failed batch: which down failed, and at which line (see rehearse and withLine). */
  async function explain(
    steps: readonly PlannedStep[],
    outcomes: StepOutcome[],
    attempt: Attempt,
  ): Promise<ExecutionFailure> {
    const { failedBatch: batch, error } = attempt
    if (!batch || !error || isConnectionLost(error)) return attempt.failure
    const located =
      batch.end - batch.start === 1 ? { index: batch.start, error } : await rehearse(steps, batch)
    if (!located) {
      // The rehearsal did not fail the same way (e.g. a deadlock or timeout that did not recur).
      return {
        message: `${capitalized(describeBatch(steps, batch))} failed: ${error.message}${sqlState(error)}. The transaction was rolled back: nothing was changed`,
      }
    }
    const step = steps[located.index]!
    if (isConnectionLost(located.error))
      return connectionLost(
        describeBatch(steps, { start: located.index, end: located.index + 1 }),
        located.error,
      )
    // The downs of the batch before the failing one ran, and were rolled back with it.
    for (let i = batch.start; i < located.index; i++) outcomes[i]!.status = 'undone'
    outcomes[located.index]!.status = 'failed'
    const failure = sqlFailure(step, located.error)
    return failure.line === undefined ? withLine(steps, located.index, located.error, failure) : failure
  }

  /**
   * Replays the batches before `failed`, then finds its first failing down by halves, in a transaction
   * that is rolled back: a half that runs stays (the next half sees its effects, as in the rollback);
   * one that fails is undone to its savepoint and halved again. The last one runs alone, so its error
   * position counts from its own first line.
   */
  async function rehearse(steps: readonly PlannedStep[], failed: Batch): Promise<Located | undefined> {
    const run = (sql: string) =>
      client.query(sql).then(
        () => undefined,
        (e: PgError) => e,
      )
    try {
      await client.query('BEGIN')
      await replay(steps.slice(0, failed.start))
      let { start, end } = failed
      while (end - start > 1) {
        const middle = Math.ceil((start + end) / 2)
        const error = await run(
          `SAVEPOINT probe;\n${stepsSql(steps.slice(start, middle))}RELEASE SAVEPOINT probe`,
        )
        if (error) {
          await client.query('ROLLBACK TO SAVEPOINT probe; RELEASE SAVEPOINT probe')
          end = middle
        } else {
          start = middle
        }
      }
      const error = await run(stepsSql([steps[start]!]))
      return error ? { index: start, error } : undefined
    } catch {
      return undefined
    } finally {
      await client.query('ROLLBACK').catch(() => {})
    }
  }

  /** Runs `steps` as the rollback does (batched); throws on the first failure. */
  async function replay(steps: readonly PlannedStep[]): Promise<void> {
    for (const batch of batchesOf(steps, batchLimits)) {
      await client.query(stepsSql(steps.slice(batch.start, batch.end)))
    }
  }

  /**
   * Postgres gives no position for some errors (e.g. DROP TABLE of a missing table). Then replay the
   * downs before the failing one and run it statement by statement, in a transaction that is rolled
   * back too: the first statement that fails gives the line.
   */
  async function withLine(
    steps: readonly PlannedStep[],
    failedStep: number,
    error: PgError,
    failure: ExecutionFailure,
  ): Promise<ExecutionFailure> {
    if (!error.code) return failure
    const step = steps[failedStep]!
    const statements = splitStatements(step.down.sql)
    let line = statements.length === 1 ? statements[0]!.startLine : undefined
    if (statements.length > 1) {
      try {
        await client.query('BEGIN')
        await replay(steps.slice(0, failedStep))
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
    prepare: (versions, lockTimeoutSeconds) => void (prepared = open(versions, lockTimeoutSeconds)),
    execute,
    close: () => client.end().catch(() => {}),
  }
}

const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)
