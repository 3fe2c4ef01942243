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
import type { SqlErrorFields } from './failures.js'
import { concurrentlyReverted, guardFailure, lockHeld, sqlFailure } from './failures.js'
import type { ScriptOptions } from './hasura-sql.js'
import { classifyScriptError, parseStateCell, readStateSql, rollbackScript } from './hasura-sql.js'
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
    const result = await client.runSql(readStateSql(readOptions.runKey), { readOnly: true })
    try {
      return parseStateCell(result.rows[0]?.[0])
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
        throw new HasuraApiError(
          `${cause.message}. The rollback may or may not have been committed: check hdb_catalog.schema_migrations before running again`,
          { ...cause, mayHaveRun: true },
          cause,
        )
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
        throw lockHeld(options.lockTimeoutSeconds)
      case 'no-longer-applied':
        return { steps: outcomes, committed: false, failure: concurrentlyReverted(verdict.versions) }
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
    let ok = 0
    // Without a guard the failure is in a down (or its state rows): prefix n is known to fail.
    let failing = options.guardSql ? steps.length + 1 : steps.length
    let failingError = scriptError
    while (failing - ok > 1) {
      const upTo = Math.floor((ok + failing) / 2)
      const probe = rollbackScript(steps, {
        lockTimeoutSeconds: options.lockTimeoutSeconds,
        upTo,
        rehearsalNonce: nonce,
      })
      const error = await tryScript(probe)
      const verdict = error ? classifyScriptError(error.message, nonce) : undefined
      if (!error || verdict?.kind === 'rehearsal-passed') {
        ok = upTo
        continue
      }
      if (verdict?.kind === 'lock-held') throw lockHeld(options.lockTimeoutSeconds)
      if (verdict?.kind === 'no-longer-applied') return concurrentlyReverted(verdict.versions)
      failing = upTo
      failingError = error
    }
    const step = steps[failing - 1]
    if (step === undefined) {
      // Every down ran cleanly: the guard (or the journal record written with it) failed.
      markAll(outcomes, 'undone')
      return guardFailure(asSqlError(failingError))
    }
    for (const outcome of outcomes.slice(0, failing - 1)) outcome.status = 'undone'
    outcomes[failing - 1]!.status = 'failed'
    return sqlFailure(step, asSqlError(failingError))
  }

  return {
    kind: 'hasura',
    readState,
    execute,
    close: async () => {},
  }
}

function markAll(outcomes: StepOutcome[], status: StepStatus): void {
  for (const outcome of outcomes) outcome.status = status
}

function asSqlError(error: PostgresErrorDetail): SqlErrorFields {
  return { message: error.message, code: error.statusCode, detail: error.description, hint: error.hint }
}
