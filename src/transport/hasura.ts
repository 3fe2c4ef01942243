// Hasura transport: everything through run_sql, one transaction per request on every server generation
// (`bulk` is not atomic on v2.x). The whole rollback — lock, re-check, downs, state rows, guard — is one
// request, whatever N. Hasura reports no error position and runs one query: when the script fails,
// locate-failure.ts finds the down and statement with rehearsals, each a prefix of the script ending in
// a deliberate exception, so each is rolled back. One request cannot time its downs apart, so steps
// have no duration.
import { randomUUID } from 'node:crypto'
import type { HasuraClient } from '../hasura/client.js'
import type { PostgresErrorDetail } from '../hasura/errors.js'
import { HasuraApiError } from '../hasura/errors.js'
import type { PlannedStep } from '../plan.js'
import type { SqlErrorFields } from './failures.js'
import { READ_DATA_LOSS_SQL, measureDataLossSql, parseDataLoss } from './data-loss-sql.js'
import {
  guardFailure,
  markedFailure,
  mayHaveCommitted,
  rehearsalError,
  sqlFailure,
  sqlState,
} from './failures.js'
import { locateFailure } from './locate-failure.js'
import { classifyError } from './markers.js'
import { downsSql, lockSql, rehearsalEndSql } from './script.js'
import type { ExecuteOptions, Execution, ExecutionFailure, StepOutcome, StepStatus } from './transport.js'
import type { Transport } from './transport.js'
import { markFailedAt, notExecuted } from './transport.js'

export interface HasuraTransportOptions {
  readonly client: HasuraClient
  /** The database (Hasura source) of a config v3 project; left out, the server's `default`. */
  readonly source?: string
}

/** What the script runs: the first `downs` downs, then `partial` (see Rehearse), `afterDowns`, `end`. */
interface ScriptParts {
  readonly downs?: number
  readonly partial?: string
  readonly afterDowns?: string
  /** Measure what the downs destroy (ExecuteOptions.dataLoss) before the first one. */
  readonly measure?: boolean
  /** Rehearsals end in an exception carrying this nonce: a down file cannot fake "it passed". */
  readonly nonce?: string
}

export async function connectHasura(options: HasuraTransportOptions): Promise<Transport> {
  const { client, source } = options

  async function readState(query: string): Promise<string | undefined> {
    const result = await client.runSql(query, { readOnly: true, source })
    return result.rows[0]?.[0]
  }

  /**
   * Lock, re-check, the measure of data loss, downs with their state changes, the rest: one
   * transaction. Its last statement answers with the measured counts; a rehearsal's final exception
   * carries them.
   */
  function script(steps: readonly PlannedStep[], options: ExecuteOptions, parts: ScriptParts): string {
    const targets = parts.measure ? (options.dataLoss?.targets ?? []) : []
    const measured = targets.length > 0
    return [
      lockSql(options.lockTimeoutSeconds),
      options.state.recheck,
      measured ? measureDataLossSql(targets, options.dataLoss!.refuse) : '',
      downsSql(steps.slice(0, parts.downs ?? steps.length), options.state),
      // A newline first: a partial down may end in a -- comment.
      parts.partial === undefined ? '' : `${parts.partial}\n;\n`,
      parts.afterDowns ? `${parts.afterDowns};\n` : '',
      parts.nonce ? rehearsalEndSql(parts.nonce, measured) : measured ? READ_DATA_LOSS_SQL : '',
    ].join('')
  }

  /** Runs a script: the Postgres error it stopped with, or the text cell it answered with. */
  async function tryScript(sql: string): Promise<{ error?: SqlErrorFields; cell?: string }> {
    try {
      const result = await client.runSql(sql, { source })
      return { cell: result.rows[0]?.[0] }
    } catch (error) {
      const pg = error instanceof HasuraApiError ? error.postgresError : undefined
      if (pg) return { error: asSqlError(pg) }
      throw error
    }
  }

  async function execute(steps: readonly PlannedStep[], options: ExecuteOptions): Promise<Execution> {
    const outcomes = notExecuted(steps)
    const nonce = options.dryRun ? randomUUID() : undefined
    const sql = script(steps, options, { afterDowns: options.afterDowns, nonce, measure: true })
    let answer: { error?: SqlErrorFields; cell?: string }
    try {
      answer = await tryScript(sql)
    } catch (cause) {
      if (cause instanceof HasuraApiError && cause.mayHaveRun && !options.dryRun) {
        throw new HasuraApiError(mayHaveCommitted(cause.message), { ...cause, mayHaveRun: true }, cause)
      }
      throw cause
    }
    const { error } = answer
    const verdict = error && classifyError(error.message, nonce)
    const measured = options.dataLoss?.targets.length
      ? parseDataLoss(error?.message ?? answer.cell)
      : undefined
    if (!error || verdict?.kind === 'rehearsal-passed') {
      for (const outcome of outcomes) outcome.status = options.dryRun ? 'rehearsed' : 'reverted'
      return { steps: outcomes, committed: !options.dryRun, failure: undefined, dataLoss: measured }
    }
    const failure = await explain(steps, outcomes, options, error)
    return {
      steps: outcomes,
      committed: false,
      failure,
      dataLoss: verdict?.kind === 'data-loss' ? measured : undefined,
    }
  }

  async function explain(
    steps: readonly PlannedStep[],
    outcomes: StepOutcome[],
    options: ExecuteOptions,
    error: SqlErrorFields,
  ): Promise<ExecutionFailure> {
    const verdict = classifyError(error.message)
    const marked = markedFailure(verdict, options)
    if (marked) return marked
    // Every down ran before what failed next; the transaction took them back.
    markAll(outcomes, 'undone')
    if (verdict.kind === 'after-downs') return guardFailure(error)
    const nonce = randomUUID()
    const rehearse = async (parts: ScriptParts) =>
      rehearsalError(
        (await tryScript(script(steps, options, { ...parts, nonce }))).error,
        options.lockTimeoutSeconds,
        nonce,
      )
    const located = await locateFailure(steps, (downs, partial) => rehearse({ downs, partial }))
    if (located) {
      markFailedAt(outcomes, located.index)
      return sqlFailure(steps[located.index]!, located.error, located.line)
    }
    // Every down ran when rehearsed: the guard or the journal record failed, or the cause was passing.
    const again = await rehearse({ afterDowns: options.afterDowns })
    if (again) return guardFailure(again)
    return {
      message: `The rollback failed (${error.message}${sqlState(error)}), but not again when rehearsed: the cause was passing (a deadlock, a lock or statement timeout, a concurrent change). Nothing was changed: run the rollback again`,
    }
  }

  return { kind: 'hasura', readState, execute, close: async () => {} }
}

function markAll(outcomes: StepOutcome[], status: StepStatus): void {
  for (const outcome of outcomes) outcome.status = status
}

function asSqlError(error: PostgresErrorDetail): SqlErrorFields {
  return { message: error.message, code: error.statusCode, detail: error.description, hint: error.hint }
}
