// The SQL the Hasura transport sends: run_sql returns only the last statement's result and runs the
// whole string as one transaction, so the state is read by one SELECT and a rollback is one script.
// Our own exceptions carry a marker so their answers can be told apart from a failing down file.
import { GUARD_MARKER } from './guard-sql.js'
import type { PlannedStep } from '../plan.js'
import { joinScripts } from '../sql/statements.js'
import * as state from './state-sql.js'

const MARKER = 'hasura-rollback:'
const LOCK_HELD = `${MARKER} lock held`
const NO_LONGER_APPLIED = `${MARKER} no longer applied:`
const ROWS_LOCKED = `${MARKER} rows locked:`
const LOCK_WAIT_ENDED = `${MARKER} lock wait ended:`
const REHEARSAL_END = `${MARKER} rehearsal passed`

function doBlock(body: string): string {
  return `DO $hasura_rollback$\n${body}\n$hasura_rollback$`
}

/** The advisory lock of postgres.ts, held until the transaction ends; waits at most `timeoutSeconds`. */
function lockSql(timeoutSeconds: number): string {
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
 * Fails when a planned version is no longer applied (another rollback got there first), or when a
 * lock or statement timeout (role or database settings) ends the wait for the planned rows: marked,
 * with its SQLSTATE, so it is not taken for a failing down.
 */
function recheckSql(versions: readonly string[]): string {
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

export interface ScriptOptions {
  readonly lockTimeoutSeconds: number
  /** Only the first `upTo` downs (a probe); default all. */
  readonly upTo?: number
  /** A probe: after the first `upTo` downs, this leading part of the next down file (no state rows). */
  readonly partialNext?: string
  readonly guardSql?: string
  /** Ends with a deliberate exception carrying this nonce: the transaction is rolled back. */
  readonly rehearsalNonce?: string
}

/** Lock, re-check, the downs, their state rows, the guard, and for a rehearsal a final exception. */
export function rollbackScript(steps: readonly PlannedStep[], options: ScriptOptions): string {
  const included = steps.slice(0, options.upTo ?? steps.length)
  // Names go with the down files only: joinScripts names the file that would swallow what follows.
  const parts: [string, string | undefined][] = [[lockSql(options.lockTimeoutSeconds), undefined]]
  if (steps.length > 0) parts.push([recheckSql(steps.map((s) => s.version)), undefined])
  for (const step of included) parts.push([step.down.sql, step.down.path])
  if (included.length > 0) parts.push([state.removeStateRowsSql(included.map((s) => s.version)), undefined])
  const next = steps[included.length]
  if (options.partialNext !== undefined && next) parts.push([options.partialNext, next.down.path])
  if (options.guardSql) parts.push([options.guardSql, undefined])
  if (options.rehearsalNonce) {
    const end = `BEGIN\n  RAISE EXCEPTION '${REHEARSAL_END} ${options.rehearsalNonce}';\nEND`
    parts.push([doBlock(end), undefined])
  }
  return joinScripts(
    parts.map(([sql]) => sql),
    parts.map(([, name]) => name ?? 'hasura-rollback SQL'),
  ).sql
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
  | { readonly kind: 'guard' }
  | { readonly kind: 'sql' }

/** `<marker> <SQLSTATE> <message>` inside `message`, as the DO blocks above raise it. */
function markedError(message: string, marker: string): MarkedError | undefined {
  const at = message.indexOf(marker)
  const found = at < 0 ? null : /^\s*(\w{5}) (.*)$/s.exec(message.slice(at + marker.length))
  return found ? { code: found[1]!, message: found[2]! } : undefined
}

/** What a Postgres error message of a rollbackScript says about where it stopped. */
export function classifyScriptError(message: string, rehearsalNonce: string | undefined): ScriptError {
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
  if (message.includes(GUARD_MARKER)) return { kind: 'guard' }
  return { kind: 'sql' }
}
