// Failure wording shared by both transports, so a rollback fails with the same message whether it ran
// over database-url or through Hasura's run_sql.
import { RollbackError } from '../errors.js'
import type { LossCount } from '../data-loss.js'
import { countText, lossSubject } from '../data-loss.js'
import type { PlannedStep } from '../plan.js'
import type { DestructiveStatement } from '../sql/destructive.js'
import { parseGuardFailure } from './guard-sql.js'
import { JOURNAL_TABLE } from './journal-sql.js'
import { parseDataLoss } from './data-loss-sql.js'
import type { ScriptError } from './markers.js'
import { JOURNAL_MARKER, classifyError } from './markers.js'
import type { ExecuteOptions, ExecutionFailure } from './transport.js'
import { migrationLabel } from './transport.js'

/** What a transport knows about a Postgres error (node-postgres fields; Hasura gives no position). */
export interface SqlErrorFields {
  readonly message: string
  readonly code?: string
  /** 1-based character position in the statement, when the transport knows it. */
  readonly position?: string
  readonly detail?: string
  readonly hint?: string
}

/** `endedBy`: what ended the wait before lock-timeout did (a statement_timeout, a cancel). */
export function lockHeld(timeoutSeconds: number, endedBy?: SqlErrorFields): RollbackError {
  const gaveUp = endedBy
    ? `the wait ended before input 'lock-timeout' did: ${endedBy.message}${sqlState(endedBy)}`
    : `gave up after ${timeoutSeconds} s (input 'lock-timeout')`
  return new RollbackError(
    `Another hasura-rollback run holds the database lock; ${gaveUp}. Nothing was changed`,
  )
}

export function concurrentlyReverted(gone: readonly string[]): ExecutionFailure {
  return {
    version: gone[0],
    message: `Version ${gone.join(', ')} is no longer applied: another rollback reverted it after this run read the state. Nothing was changed`,
  }
}

/** The re-check before the downs could not lock `what` (the planned versions' state). */
export function stateNotLocked(what: string, error: SqlErrorFields): ExecutionFailure {
  const held = error.code === '55P03' ? '; another session holds them (a hasura migrate running?)' : ''
  return {
    message: `Could not lock ${what}: ${error.message}${sqlState(error)}${held}. Nothing was changed`,
  }
}

/** A failure of the SQL run after the downs: the metadata guard, or the re-run journal. */
export function guardFailure(error: SqlErrorFields): ExecutionFailure {
  const missing = parseGuardFailure(error.message)
  if (missing) {
    return {
      message: `The stable metadata needs objects missing after the rollback: ${missing}. The transaction was rolled back: nothing was changed and no metadata was sent`,
    }
  }
  const journal = error.message.indexOf(JOURNAL_MARKER)
  if (journal >= 0) {
    const why = error.message.slice(journal + JOURNAL_MARKER.length).trim()
    return {
      message: `Could not write the re-run record ${JOURNAL_TABLE} (${why}): this role needs CREATE on schema hdb_catalog, as the Hasura CLI's does. The transaction was rolled back: nothing was changed`,
    }
  }
  return {
    message: `The checks after the downs failed: ${error.message}. The transaction was rolled back: nothing was changed`,
  }
}

/**
 * The session is gone: Postgres ended it (57P0x: terminated, shut down, database dropped, idle
 * timeout), a connection exception (class 08), or node-postgres saw the socket close under it.
 */
export function isConnectionLost(error: { readonly code?: string; readonly message: string }): boolean {
  const code = error.code ?? ''
  return (
    /^57P0\d$/.test(code) ||
    code.startsWith('08') ||
    code === 'ECONNRESET' ||
    code === 'EPIPE' ||
    /Connection terminated|not queryable/i.test(error.message)
  )
}

/** " (SQLSTATE xxxxx)" when the error has a code. */
export const sqlState = (error: SqlErrorFields): string => (error.code ? ` (SQLSTATE ${error.code})` : '')

/** No file is at fault: the session ended while `what` ran, and the server rolled the transaction back. */
export function connectionLost(what: string, error: SqlErrorFields): ExecutionFailure {
  return {
    message: `Lost the connection to the database while ${what} ran: ${error.message}${sqlState(error)}. Postgres rolls back an open transaction: nothing was changed`,
  }
}

/**
 * `cause` left the client unable to tell whether the rollback committed: a connection lost during
 * COMMIT, or an HTTP request that broke after it was sent.
 */
export function mayHaveCommitted(cause: string): string {
  return `${cause}. The rollback may or may not have been committed: check the migration state before running again (hasura migrate status; config v2: hdb_catalog.schema_migrations)`
}

/** A down failed: its file and `line` (1-based, when known), Postgres' message, DETAIL and HINT. */
export function sqlFailure(
  step: PlannedStep,
  error: SqlErrorFields,
  line: number | undefined,
): ExecutionFailure {
  const where = line ? `${step.down.path}:${line}` : step.down.path
  const extra = [error.detail && `DETAIL: ${error.detail}`, error.hint && `HINT: ${error.hint}`].filter(
    Boolean,
  )
  return {
    version: step.version,
    file: step.down.path,
    line,
    message:
      `Down migration ${migrationLabel(step)} failed at ${where}: ${error.message}${sqlState(error)}` +
      (extra.length ? `. ${extra.join('. ')}` : '') +
      '. The transaction was rolled back: nothing was changed',
  }
}

/**
 * What a rehearsal's error means for the failure locator: undefined when the rehearsal ran through (or
 * reached its final exception, `nonce`), the error of a down otherwise. Thrown, ending the search:
 * another run holding the lock, or a planned version reverted meanwhile.
 */
export function rehearsalError(
  error: SqlErrorFields | undefined,
  lockTimeoutSeconds: number,
  nonce?: string,
): SqlErrorFields | undefined {
  if (!error) return undefined
  const verdict = classifyError(error.message, nonce)
  switch (verdict.kind) {
    case 'rehearsal-passed':
      return undefined
    case 'lock-held':
      throw lockHeld(lockTimeoutSeconds, verdict.endedBy)
    case 'no-longer-applied':
      throw new RollbackError(concurrentlyReverted(verdict.versions).message)
    default:
      return error
  }
}

/** Input 'data-loss' is refuse and some of `targets` hold data: each named with its count, the first few. */
export function dataLossRefused(
  targets: readonly Pick<DestructiveStatement, 'kind' | 'target'>[],
  counts: readonly LossCount[],
): ExecutionFailure {
  const found = targets.flatMap((t, i) => {
    const count = counts[i] ?? null
    return count ? [`${lossSubject(t)} (${countText(t, count)})`] : []
  })
  const shown = found.slice(0, DATA_LOSS_SHOWN)
  const more =
    found.length > shown.length ? ` and ${found.length - shown.length} more (see the job summary)` : ''
  return {
    message: `Input 'data-loss' is 'refuse' and the downs would destroy data: ${shown.join(', ')}${more}. Nothing was changed`,
  }
}

/** Objects named in a refusal line; the summary lists them all. */
const DATA_LOSS_SHOWN = 5

/** The count of what the downs destroy could not be taken (say, no TEMPORARY privilege). */
export function dataLossUnmeasured(message: string): ExecutionFailure {
  return {
    message: `Could not measure the data the downs would destroy: ${message}. Set 'data-loss: warn' to roll back without the counts. Nothing was changed`,
  }
}

/**
 * The failure our own marked SQL reports (markers.ts), worded the same on both transports; undefined
 * when the error is not ours (a down, or what follows it, failed). Another run holding the lock throws.
 */
export function markedFailure(verdict: ScriptError, options: ExecuteOptions): ExecutionFailure | undefined {
  switch (verdict.kind) {
    case 'lock-held':
      throw lockHeld(options.lockTimeoutSeconds, verdict.endedBy)
    case 'rows-locked':
      return stateNotLocked(options.state.locks, verdict.cause)
    case 'no-longer-applied':
      return concurrentlyReverted(verdict.versions)
    case 'data-loss':
      return dataLossRefused(options.dataLoss?.targets ?? [], parseDataLoss(verdict.counts))
    case 'data-loss-unmeasured':
      return dataLossUnmeasured(verdict.message)
    default:
      return undefined
  }
}
