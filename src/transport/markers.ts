// The exceptions our own SQL raises inside a rollback transaction carry a marker, so their answers
// are told apart from a failing down, on both transports (Hasura passes only the message on).
import { dollarQuote } from '../sql/quote.js'

const MARKER = 'hasura-rollback:'
export const LOCK_HELD = `${MARKER} lock held`
export const LOCK_WAIT_ENDED = `${MARKER} lock wait ended:`
export const NO_LONGER_APPLIED = `${MARKER} no longer applied:`
export const ROWS_LOCKED = `${MARKER} rows locked:`
export const REHEARSAL_END = `${MARKER} rehearsal passed`
export const DATA_LOSS = `${MARKER} data loss:`
export const DATA_LOSS_UNMEASURED = `${MARKER} data loss not measured:`
export const GUARD_MARKER = 'hasura-rollback guard:'
export const JOURNAL_MARKER = 'hasura-rollback journal:'

/** A DO block of our own, its body dollar-quoted with a tag the body does not hold; ends with ';'. */
export const doBlock = (body: string): string => `DO ${dollarQuote(`\n${body}\n`, 'hasura_rollback')};\n`

/**
 * PL/pgSQL that runs `statement` and, when a lock or statement timeout (role or database settings)
 * ends its wait, raises ROWS_LOCKED with the SQLSTATE: the wait for state another session holds.
 */
export function waitingForState(statement: string): string {
  return `BEGIN
    ${statement};
  EXCEPTION WHEN lock_not_available OR query_canceled THEN
    RAISE EXCEPTION '${ROWS_LOCKED} % %', SQLSTATE, SQLERRM USING ERRCODE = SQLSTATE;
  END;`
}

/** A Postgres error our SQL caught and raised again, marked: its SQLSTATE and message. */
export interface MarkedError {
  readonly code: string
  readonly message: string
}

export type ScriptError =
  /** Another run holds the lock; `endedBy` when something else than lock-timeout ended the wait. */
  | { readonly kind: 'lock-held'; readonly endedBy?: MarkedError }
  | { readonly kind: 'no-longer-applied'; readonly versions: readonly string[] }
  /** The wait for the planned versions' state ended: why, as Postgres said it. */
  | { readonly kind: 'rows-locked'; readonly cause: MarkedError }
  /** Refused by input 'data-loss': the counts, in the order of the targets measured. */
  | { readonly kind: 'data-loss'; readonly counts: string }
  /** The measurement itself failed (e.g. no TEMPORARY privilege): Postgres' message. */
  | { readonly kind: 'data-loss-unmeasured'; readonly message: string }
  | { readonly kind: 'rehearsal-passed' }
  /** The guard or the journal record, run after the downs. */
  | { readonly kind: 'after-downs' }
  | { readonly kind: 'sql' }

/** `<marker> <SQLSTATE> <message>` inside `message`, as the DO blocks raise it. */
function markedError(message: string, marker: string): MarkedError | undefined {
  const at = message.indexOf(marker)
  const found = at < 0 ? null : /^\s*(\w{5}) (.*)$/s.exec(message.slice(at + marker.length))
  return found ? { code: found[1]!, message: found[2]! } : undefined
}

/** What the message of the error that stopped a rollback transaction says about where it stopped. */
export function classifyError(message: string, rehearsalNonce?: string): ScriptError {
  if (rehearsalNonce && message.includes(`${REHEARSAL_END} ${rehearsalNonce}`))
    return { kind: 'rehearsal-passed' }
  if (message.includes(LOCK_HELD)) return { kind: 'lock-held' }
  const loss = message.indexOf(DATA_LOSS)
  if (loss >= 0) return { kind: 'data-loss', counts: message.slice(loss + DATA_LOSS.length).trim() }
  const unmeasured = message.indexOf(DATA_LOSS_UNMEASURED)
  if (unmeasured >= 0) {
    return {
      kind: 'data-loss-unmeasured',
      message: message.slice(unmeasured + DATA_LOSS_UNMEASURED.length).trim(),
    }
  }
  const endedBy = markedError(message, LOCK_WAIT_ENDED)
  if (endedBy) return { kind: 'lock-held', endedBy }
  const rowsLocked = markedError(message, ROWS_LOCKED)
  if (rowsLocked) return { kind: 'rows-locked', cause: rowsLocked }
  const gone = message.indexOf(NO_LONGER_APPLIED)
  if (gone >= 0) {
    const versions = message
      .slice(gone + NO_LONGER_APPLIED.length)
      .split(',')
      .map((v) => v.trim())
      .filter((v) => /^\d+$/.test(v))
    return { kind: 'no-longer-applied', versions }
  }
  if (message.includes(GUARD_MARKER) || message.includes(JOURNAL_MARKER)) return { kind: 'after-downs' }
  return { kind: 'sql' }
}
