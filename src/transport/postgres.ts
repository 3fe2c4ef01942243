// Postgres transport (input `database-url`): one transaction on one session — BEGIN with the lock and
// the re-check, the downs with their state rows in batches of many downs per query, the guard and the
// journal record, COMMIT — or ROLLBACK, and nothing changed. When a batch fails, locate-failure.ts
// finds the down and line with rehearsals on the same session.
import pg from 'pg'
import { RollbackError, errorMessage } from '../errors.js'
import type { PlannedStep } from '../plan.js'
import type { Batch, BatchLimits } from './batches.js'
import { BATCH_LIMITS, batchesOf, describeBatch } from './batches.js'
import type { SqlErrorFields } from './failures.js'
import {
  connectionLost,
  guardFailure,
  isConnectionLost,
  markedFailure,
  mayHaveCommitted,
  rehearsalError,
  sqlFailure,
  sqlState,
  stateNotLocked,
} from './failures.js'
import { READ_DATA_LOSS_SQL, measureDataLossSql, parseDataLoss } from './data-loss-sql.js'
import type { LossCount } from '../data-loss.js'
import { locateFailure } from './locate-failure.js'
import { classifyError } from './markers.js'
import { downsSql, lockSql } from './script.js'
import type { ExecuteOptions, Execution, ExecutionFailure, StepOutcome, Transport } from './transport.js'
import { markFailedAt, markUndone, notExecuted } from './transport.js'

export interface PostgresTransportOptions {
  readonly databaseUrl: string
  readonly now?: () => number
  /** Tests: smaller batches, to see several of them. */
  readonly batchLimits?: BatchLimits
}

/** Where a transaction stopped: the driver's error, the stage, and the batch that was running. */
interface Stopped {
  readonly error: SqlErrorFields
  readonly stage: 'begin' | 'downs' | 'after-downs' | 'end'
  readonly batch: Batch | undefined
}

export async function connectPostgres(options: PostgresTransportOptions): Promise<Transport> {
  const now = options.now ?? (() => performance.now())
  const limits = options.batchLimits ?? BATCH_LIMITS
  const client = new pg.Client({ connectionString: options.databaseUrl, application_name: 'hasura-rollback' })
  // An idle-connection error after we are done must not crash the process.
  client.on('error', () => {})
  try {
    await client.connect()
  } catch (error) {
    throw new RollbackError(
      `Cannot connect to the database given in 'database-url': ${errorMessage(error)}`,
      { cause: error },
    )
  }

  async function readState(query: string): Promise<string | undefined> {
    const { rows } = await client.query<Record<string, string | null>>(query)
    return Object.values(rows[0] ?? {})[0] ?? undefined
  }

  async function execute(steps: readonly PlannedStep[], options: ExecuteOptions): Promise<Execution> {
    const outcomes = notExecuted(steps)
    const { stopped, dataLoss } = await runTransaction(steps, outcomes, options)
    if (!stopped) return { steps: outcomes, committed: !options.dryRun, failure: undefined, dataLoss }
    markUndone(outcomes)
    const failure = await explain(steps, outcomes, options, stopped)
    const verdict = classifyError(stopped.error.message)
    const refused = verdict.kind === 'data-loss' ? parseDataLoss(verdict.counts) : undefined
    return { steps: outcomes, committed: false, failure, dataLoss: dataLoss ?? refused }
  }

  /** The rollback's one transaction, ended by COMMIT (ROLLBACK in a dry run); where it stopped, if it did. */
  async function runTransaction(
    steps: readonly PlannedStep[],
    outcomes: StepOutcome[],
    options: ExecuteOptions,
  ): Promise<{ stopped?: Stopped; dataLoss?: LossCount[] }> {
    let stage: Stopped['stage'] = 'begin'
    let batch: Batch | undefined
    let dataLoss: LossCount[] | undefined
    try {
      dataLoss = await begin(options, true)
      stage = 'downs'
      for (batch of batchesOf(steps, limits)) {
        const started = now()
        await client.query(downsSql(steps.slice(batch.start, batch.end), options.state))
        // Postgres does not time the downs of one query apart: each gets its share of the batch.
        const share = (now() - started) / (batch.end - batch.start)
        for (const outcome of outcomes.slice(batch.start, batch.end)) {
          outcome.status = options.dryRun ? 'rehearsed' : 'reverted'
          outcome.durationMs = share
        }
      }
      stage = 'after-downs'
      if (options.afterDowns) await client.query(options.afterDowns)
      stage = 'end'
      await client.query(options.dryRun ? 'ROLLBACK' : 'COMMIT')
      return { dataLoss }
    } catch (error) {
      // Leave no aborted transaction behind for the rehearsals; a failed COMMIT has ended it already.
      if (stage !== 'end') await client.query('ROLLBACK').catch(() => {})
      return { stopped: { error: error as SqlErrorFields, stage, batch }, dataLoss }
    }
  }

  /**
   * BEGIN, the lock, the re-check of the planned versions' state and (when `measure`) what the downs
   * would destroy: one round trip. The measured counts, when measured.
   */
  async function begin(options: ExecuteOptions, measure = false): Promise<LossCount[] | undefined> {
    const targets = measure ? (options.dataLoss?.targets ?? []) : []
    const loss =
      targets.length > 0 ? measureDataLossSql(targets, options.dataLoss!.refuse) + READ_DATA_LOSS_SQL : ''
    const answer = await client.query(
      `BEGIN;\n${lockSql(options.lockTimeoutSeconds)}${options.state.recheck}${loss}`,
    )
    if (!loss) return undefined
    const results = (Array.isArray(answer) ? answer : [answer]) as pg.QueryResult<{ counts: string | null }>[]
    return parseDataLoss(results.at(-1)?.rows[0]?.counts)
  }

  async function explain(
    steps: readonly PlannedStep[],
    outcomes: StepOutcome[],
    options: ExecuteOptions,
    { error, stage, batch }: Stopped,
  ): Promise<ExecutionFailure> {
    if (stage === 'end')
      return options.dryRun ? connectionLost('the end of the rehearsal', error) : commitFailure(error)
    if (isConnectionLost(error)) {
      const what = batch ? describeBatch(steps, batch) : stage === 'begin' ? 'the lock' : 'the metadata guard'
      return connectionLost(what, error)
    }
    const verdict = classifyError(error.message)
    const marked = markedFailure(verdict, options)
    if (marked) return marked
    if (stage === 'begin') return stateNotLocked(options.state.locks, error)
    if (stage === 'after-downs' || verdict.kind === 'after-downs') return guardFailure(error)
    const located = await locateFailure(steps, (k, partial) => rehearse(steps, k, partial, options))
    if (!located) {
      return {
        message: `${capitalized(describeBatch(steps, batch!))} failed (${error.message}${sqlState(error)}), but not again when rehearsed: the cause was passing (a deadlock, a lock or statement timeout, a concurrent change). The transaction was rolled back: nothing was changed; run the rollback again`,
      }
    }
    markFailedAt(outcomes, located.index)
    return sqlFailure(steps[located.index]!, located.error, located.line)
  }

  /** The locator's question (see Rehearse), asked in a transaction that is always rolled back. */
  async function rehearse(
    steps: readonly PlannedStep[],
    downs: number,
    partial: string | undefined,
    options: ExecuteOptions,
  ): Promise<SqlErrorFields | undefined> {
    try {
      await begin(options)
      for (const batch of batchesOf(steps.slice(0, downs), limits)) {
        await client.query(downsSql(steps.slice(batch.start, batch.end), options.state))
      }
      if (partial !== undefined) await client.query(partial)
      return undefined
    } catch (error) {
      const pgError = error as SqlErrorFields
      if (isConnectionLost(pgError)) {
        throw new RollbackError(connectionLost('a rehearsal that locates the failing down', pgError).message)
      }
      return rehearsalError(pgError, options.lockTimeoutSeconds)
    } finally {
      await client.query('ROLLBACK').catch(() => {})
    }
  }

  return {
    kind: 'postgres',
    readState,
    execute,
    close: () => client.end().catch(() => {}),
  }
}

function commitFailure(error: SqlErrorFields): ExecutionFailure {
  if (isConnectionLost(error)) {
    return {
      message: mayHaveCommitted(
        `The database connection was lost during COMMIT: ${error.message}${sqlState(error)}`,
      ),
      outcomeUnknown: true,
    }
  }
  // A deferred constraint or trigger refused the transaction: Postgres rolled it back.
  return {
    message: `COMMIT failed: ${error.message}${sqlState(error)}. The transaction was rolled back: nothing was changed`,
  }
}

const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)
