// The SQL of one rollback transaction, the same on both transports: the lock, the re-check of the
// planned versions, the downs with their state rows, and (for a rehearsal through Hasura) a final
// exception. Our own exceptions carry a marker, so their answers are told apart from a failing down.
import type { PlannedStep } from '../plan.js'
import { dollarQuote } from '../sql/quote.js'
import { scriptEnding } from '../sql/statements.js'
import { GUARD_MARKER } from './guard-sql.js'
import { JOURNAL_MARKER } from './state-sql.js'
import * as state from './state-sql.js'

const MARKER = 'hasura-rollback:'
const LOCK_HELD = `${MARKER} lock held`
const NO_LONGER_APPLIED = `${MARKER} no longer applied:`
const ROWS_LOCKED = `${MARKER} rows locked:`
const LOCK_WAIT_ENDED = `${MARKER} lock wait ended:`
const REHEARSAL_END = `${MARKER} rehearsal passed`

const doBlock = (body: string): string => `DO ${dollarQuote(`\n${body}\n`, 'hasura_rollback')};\n`

/**
 * An advisory lock shared by every hasura-rollback run on the database, held until the transaction
 * ends; waits at most `timeoutSeconds` (0: one try).
 */
export function lockSql(timeoutSeconds: number): string {
  if (timeoutSeconds <= 0) {
    return doBlock(
      `BEGIN\n  IF NOT pg_try_advisory_xact_lock(${state.LOCK_KEY}::bigint) THEN RAISE EXCEPTION '${LOCK_HELD}'; END IF;\nEND`,
    )
  }
  // lock_timeout bounds the wait, then goes back to its previous value for the downs.
  const ms = Math.ceil(timeoutSeconds * 1000)
  return doBlock(`DECLARE previous text := current_setting('lock_timeout');
BEGIN
  PERFORM set_config('lock_timeout', '${ms}ms', true);
  BEGIN
    PERFORM pg_advisory_xact_lock(${state.LOCK_KEY}::bigint);
  EXCEPTION WHEN lock_not_available THEN
    RAISE EXCEPTION '${LOCK_HELD}';
  WHEN query_canceled THEN
    RAISE EXCEPTION '${LOCK_WAIT_ENDED} % %', SQLSTATE, SQLERRM USING ERRCODE = SQLSTATE;
  END;
  PERFORM set_config('lock_timeout', previous, true);
END`)
}

/**
 * Locks the planned versions' state and fails when one is no longer applied (another rollback got
 * there first), or when a lock or statement timeout (role or database settings) ends the wait for
 * the state rows: marked with its SQLSTATE, so it is not taken for a failing down.
 */
export function recheckSql(versions: readonly string[]): string {
  if (versions.length === 0) return ''
  return doBlock(`DECLARE gone text;
BEGIN
  BEGIN
    PERFORM 1 FROM (${state.lockPlannedRowsSql(versions)}) AS locked;
  EXCEPTION WHEN lock_not_available OR query_canceled THEN
    RAISE EXCEPTION '${ROWS_LOCKED} % %', SQLSTATE, SQLERRM USING ERRCODE = SQLSTATE;
  END;
  SELECT g.gone INTO gone FROM (${state.goneVersionsSql(versions)}) AS g;
  IF gone IS NOT NULL THEN RAISE EXCEPTION '${NO_LONGER_APPLIED} %', gone; END IF;
END`)
}

/**
 * The downs, each ended so the next starts afresh (pre-flight refused any that cannot be), then one
 * DELETE of their state rows. The first down comes first: an error position counts from it.
 */
export function downsSql(steps: readonly PlannedStep[]): string {
  if (steps.length === 0) return ''
  const downs = steps.map((s) => s.down.sql + scriptEnding(s.down.scan, s.down.path)).join('')
  return `${downs}${state.removeStateRowsSql(steps.map((s) => s.version))}\n`
}

/** Ends a rehearsal sent as one request: the exception rolls everything back; the nonce proves it ran. */
export function rehearsalEndSql(nonce: string): string {
  return doBlock(`BEGIN\n  RAISE EXCEPTION '${REHEARSAL_END} ${nonce}';\nEND`)
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
  /** The wait for the planned versions' state rows ended: why, as Postgres said it. */
  | { readonly kind: 'rows-locked'; readonly cause: MarkedError }
  | { readonly kind: 'rehearsal-passed' }
  /** The guard or the journal record, run after the downs. */
  | { readonly kind: 'after-downs' }
  | { readonly kind: 'sql' }

/** `<marker> <SQLSTATE> <message>` inside `message`, as the DO blocks above raise it. */
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
