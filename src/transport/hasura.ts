// Hasura transport: everything through run_sql, which is one transaction per request on every server
// generation (`bulk` is not atomic on v2.x). The whole rollback — lock, re-check, downs, state rows,
// guard — is one request; a successful rollback of any N costs one request here (plus one to read
// the state and the client's version request). Hasura reports no error position, so when the script
// fails, probes (prefixes of the script ending in a deliberate exception, each rolled back) bisect for
// the failing down file. Steps cannot be timed inside one request: durationMs stays undefined.
import { randomUUID } from 'node:crypto'
import { RollbackError } from '../errors.js'
import type { HasuraClient, PostgresErrorDetail } from '../hasura/client.js'
import { HasuraApiError } from '../hasura/client.js'
import type { AppliedState, PlannedStep } from '../plan.js'
import { splitStatements } from '../sql/statements.js'
import * as state from './state-sql.js'
import type { SqlErrorFields } from './failures.js'
import {
  concurrentlyReverted,
  guardFailure,
  lockHeld,
  mayHaveCommitted,
  sqlFailure,
  sqlState,
  stateRowsNotLocked,
} from './failures.js'
import type { ScriptOptions } from './hasura-script.js'
import { classifyScriptError, rollbackScript } from './hasura-script.js'
import type {
  ExecuteOptions,
  Execution,
  ExecutionFailure,
  StepOutcome,
  StepStatus,
  Transport,
} from './transport.js'
import { notExecuted } from './transport.js'

export interface HasuraTransportOptions {
  readonly client: HasuraClient
}

export async function connectHasura(options: HasuraTransportOptions): Promise<Transport> {
  const { client } = options

  async function readState(readOptions: { runKey?: string } = {}): Promise<AppliedState> {
    const result = await client.runSql(state.readStateSql(readOptions.runKey), { readOnly: true })
    try {
      return state.parseStateCell(result.rows[0]?.[0])
    } catch (error) {
      throw new RollbackError(
        `Hasura at ${client.endpoint} answered the migration state query unexpectedly: ${String(error)}`,
        { cause: error },
      )
    }
  }

  /** Runs a script; undefined when it succeeded, else the Postgres error it stopped with. */
  async function tryScript(sql: string): Promise<PostgresErrorDetail | undefined> {
    try {
      await client.runSql(sql)
      return undefined
    } catch (error) {
      const pg = error instanceof HasuraApiError ? error.postgresError : undefined
      if (pg) return pg
      throw error
    }
  }

  async function execute(steps: readonly PlannedStep[], options: ExecuteOptions): Promise<Execution> {
    const outcomes = notExecuted(steps)
    // A nonce per run: a down file cannot fake "the rehearsal passed".
    const nonce = options.dryRun ? randomUUID() : undefined
    const script: ScriptOptions = {
      lockTimeoutSeconds: options.lockTimeoutSeconds,
      guardSql: options.guardSql,
      rehearsalNonce: nonce,
    }
    let error: PostgresErrorDetail | undefined
    try {
      error = await tryScript(rollbackScript(steps, script))
    } catch (cause) {
      if (cause instanceof HasuraApiError && cause.mayHaveRun && !options.dryRun) {
        throw new HasuraApiError(mayHaveCommitted(cause.message), { ...cause, mayHaveRun: true }, cause)
      }
      throw cause
    }
    const verdict = error ? classifyScriptError(error.message, nonce) : undefined
    if (!error || verdict?.kind === 'rehearsal-passed') {
      for (const [i, outcome] of outcomes.entries()) {
        outcome.status = options.dryRun ? 'rehearsed' : 'reverted'
        options.onStep?.(steps[i]!, outcome)
      }
      return { steps: outcomes, committed: !options.dryRun, failure: undefined }
    }
    switch (verdict?.kind) {
      case 'lock-held':
        throw lockHeld(options.lockTimeoutSeconds, verdict.endedBy)
      case 'no-longer-applied':
        return { steps: outcomes, committed: false, failure: concurrentlyReverted(verdict.versions) }
      case 'rows-locked':
        return {
          steps: outcomes,
          committed: false,
          failure: stateRowsNotLocked(verdict.cause),
        }
      case 'guard':
        markAll(outcomes, 'undone')
        return { steps: outcomes, committed: false, failure: guardFailure(asSqlError(error)) }
      default:
        return {
          steps: outcomes,
          committed: false,
          failure: await findFailure(steps, outcomes, options, error),
        }
    }
  }

  /**
   * Bisects with probes: prefix k = the lock, the re-check and the first k downs with their state
   * rows; prefix n + 1 adds the guard. The whole script failed, so the last prefix is known to fail.
   * Each probe ends in a deliberate exception, so it is rolled back and nothing changes; at most
   * ceil(log2(n + 1)) probes (ceil(log2 n) without a guard).
   */
  async function findFailure(
    steps: readonly PlannedStep[],
    outcomes: StepOutcome[],
    options: ExecuteOptions,
    scriptError: PostgresErrorDetail,
  ): Promise<ExecutionFailure> {
    const nonce = randomUUID()
    const probe = (script: Omit<ScriptOptions, 'lockTimeoutSeconds' | 'rehearsalNonce'>) =>
      rehearse(
        tryScript,
        rollbackScript(steps, {
          ...script,
          lockTimeoutSeconds: options.lockTimeoutSeconds,
          rehearsalNonce: nonce,
        }),
        nonce,
        options,
      )
    // Without a guard the failure is in a down (or its state rows): prefix n is known to fail.
    const known = options.guardSql ? steps.length + 1 : steps.length
    const files = await bisect(known, (upTo) => probe({ upTo }))
    if (typeof files === 'string') return concurrentlyReverted(files.split(','))
    // Every shorter prefix passed: make sure the whole script still fails before blaming its last part.
    const again = files.error ?? (await probe({ upTo: steps.length, guardSql: options.guardSql }))
    if (typeof again === 'string') return concurrentlyReverted(again.split(','))
    if (again === undefined) {
      markAll(outcomes, 'undone')
      return {
        message: `The rollback failed (${scriptError.message}${sqlState(asSqlError(scriptError))}), but not again when rehearsed: the cause was passing (a deadlock, a lock or statement timeout, a concurrent change). Nothing was changed: run the rollback again`,
      }
    }
    const index = files.failing - 1
    const step = steps[index]
    const error = again
    if (step === undefined) {
      // Every down ran cleanly: the guard (or the journal record written with it) failed.
      markAll(outcomes, 'undone')
      return guardFailure(asSqlError(error))
    }
    for (const outcome of outcomes.slice(0, index)) outcome.status = 'undone'
    outcomes[index]!.status = 'failed'
    // Then the statement inside the file: prefix j = its first j statements; j = m + 1 adds its state rows.
    const statements = splitStatements(step.down.sql)
    let line = statements.length === 1 ? statements[0]?.startLine : undefined
    if (statements.length > 1) {
      const found = await bisect(statements.length + 1, (j) => {
        const last = statements[j - 1]!
        return probe({
          upTo: index,
          partialNext: step.down.sql.slice(0, last.startOffset + last.text.length),
        })
      })
      if (typeof found === 'string') return concurrentlyReverted(found.split(','))
      line = statements[found.failing - 1]?.startLine
    }
    return sqlFailure(step, asSqlError(error), line)
  }

  return {
    kind: 'hasura',
    readState,
    execute,
    close: async () => {},
  }
}

/** A probe's verdict: undefined when it ran cleanly, else its Postgres error (or versions gone, joined). */
async function rehearse(
  tryScript: (sql: string) => Promise<PostgresErrorDetail | undefined>,
  sql: string,
  nonce: string,
  options: ExecuteOptions,
): Promise<PostgresErrorDetail | string | undefined> {
  const error = await tryScript(sql)
  const verdict = error ? classifyScriptError(error.message, nonce) : undefined
  if (!error || verdict?.kind === 'rehearsal-passed') return undefined
  if (verdict?.kind === 'lock-held') throw lockHeld(options.lockTimeoutSeconds, verdict.endedBy)
  if (verdict?.kind === 'no-longer-applied') return verdict.versions.join(',')
  return error
}

/**
 * Smallest k in 1..known with probe(k) failing, probe(known) assumed failing; the error is that of
 * the probe that failed at k (undefined when k = known was never probed). A string: versions gone.
 */
async function bisect(
  known: number,
  probe: (k: number) => Promise<PostgresErrorDetail | string | undefined>,
): Promise<{ failing: number; error: PostgresErrorDetail | undefined } | string> {
  let ok = 0
  let failing = known
  let error: PostgresErrorDetail | undefined
  while (failing - ok > 1) {
    const k = Math.floor((ok + failing) / 2)
    const verdict = await probe(k)
    if (typeof verdict === 'string') return verdict
    if (verdict === undefined) ok = k
    else [failing, error] = [k, verdict]
  }
  return { failing, error }
}

function markAll(outcomes: StepOutcome[], status: StepStatus): void {
  for (const outcome of outcomes) outcome.status = status
}

function asSqlError(error: PostgresErrorDetail): SqlErrorFields {
  return { message: error.message, code: error.statusCode, detail: error.description, hint: error.hint }
}
