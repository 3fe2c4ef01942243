// The SQL of one rollback transaction, the same on both transports: the lock, the re-check of the
// planned versions' state, the downs with their state changes, and (for a rehearsal through Hasura) a
// final exception. Our exceptions carry the markers of markers.ts.
import type { PlannedStep } from '../plan.js'
import { scriptEnding } from '../sql/statements.js'
import { DATA_LOSS_SETTING } from './data-loss-sql.js'
import { LOCK_HELD, LOCK_WAIT_ENDED, REHEARSAL_END, doBlock } from './markers.js'
import type { StateChange } from './transport.js'

/** Advisory lock key shared by every hasura-rollback run on a database ('hrbk' + 1), on both transports. */
export const LOCK_KEY = '7526186138990542849'

/**
 * An advisory lock shared by every hasura-rollback run on the database, held until the transaction
 * ends; waits at most `timeoutSeconds` (0: one try).
 */
export function lockSql(timeoutSeconds: number): string {
  if (timeoutSeconds <= 0) {
    return doBlock(
      `BEGIN\n  IF NOT pg_try_advisory_xact_lock(${LOCK_KEY}::bigint) THEN RAISE EXCEPTION '${LOCK_HELD}'; END IF;\nEND`,
    )
  }
  // lock_timeout bounds the wait, then goes back to its previous value for the downs.
  const ms = Math.ceil(timeoutSeconds * 1000)
  return doBlock(`DECLARE previous text := current_setting('lock_timeout');
BEGIN
  PERFORM set_config('lock_timeout', '${ms}ms', true);
  BEGIN
    PERFORM pg_advisory_xact_lock(${LOCK_KEY}::bigint);
  EXCEPTION WHEN lock_not_available THEN
    RAISE EXCEPTION '${LOCK_HELD}';
  WHEN query_canceled THEN
    RAISE EXCEPTION '${LOCK_WAIT_ENDED} % %', SQLSTATE, SQLERRM USING ERRCODE = SQLSTATE;
  END;
  PERFORM set_config('lock_timeout', previous, true);
END`)
}

/**
 * The downs, each ended so the next starts afresh (pre-flight refused any that cannot be), then their
 * state change. The first down comes first: an error position counts from it.
 */
export function downsSql(steps: readonly PlannedStep[], state: StateChange): string {
  if (steps.length === 0) return ''
  const downs = steps.map((s) => s.down.sql + scriptEnding(s.down.scan, s.down.path)).join('')
  return `${downs}${state.removeVersions(steps.map((s) => s.version))}`
}

/**
 * Ends a rehearsal sent as one request: the exception rolls everything back; the nonce proves it ran.
 * `withDataLoss`: it carries the counts the rehearsal measured (data-loss-sql.ts).
 */
export function rehearsalEndSql(nonce: string, withDataLoss = false): string {
  const counts = withDataLoss ? ` %', current_setting('${DATA_LOSS_SETTING}', true)` : `'`
  return doBlock(`BEGIN\n  RAISE EXCEPTION '${REHEARSAL_END} ${nonce}${counts};\nEND`)
}
