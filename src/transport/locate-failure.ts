// Which down made a rollback fail, and at which line. Postgres does not say which of the downs sent in
// one query (or one run_sql) failed, so both transports answer the same question — "does this prefix
// of the rollback fail?" — with rehearsals that are always rolled back, and this module bisects: first
// over the downs, then over the statements of the failing one. A syntax error fails its whole query
// before anything runs, so only prefixes that hold the faulty down fail: it is found like any other.
import type { PlannedStep } from '../plan.js'
import { lineAtPosition, splitStatements } from '../sql/statements.js'
import type { SqlErrorFields } from './failures.js'

/**
 * Runs, in a transaction that is rolled back whatever happens, the rollback's lock and re-check, its
 * first `downs` downs with their state rows, then — when given — `partial`, the leading part of the
 * next down, as a query of its own (so an error position counts from the down's first character).
 * Resolves to the error it stopped with, or undefined when everything ran.
 */
export type Rehearse = (downs: number, partial?: string) => Promise<SqlErrorFields | undefined>

export interface LocatedFailure {
  /** Index of the failing down in the plan. */
  readonly index: number
  readonly error: SqlErrorFields
  /** 1-based line in the down file, when known. */
  readonly line: number | undefined
}

/**
 * The first of `steps` whose rehearsal fails and the line that fails in it; undefined when all of
 * them run cleanly (the failure came after the downs, or did not recur). About log2(downs) +
 * log2(statements) rehearsals.
 */
export async function locateFailure(
  steps: readonly PlannedStep[],
  rehearse: Rehearse,
): Promise<LocatedFailure | undefined> {
  const down = await firstFailing(steps.length, (k) => rehearse(k))
  if (!down) return undefined
  const index = down.at - 1
  const step = steps[index]!
  const statements = splitStatements(step.down.scan)
  if (statements.length === 0) return { index, error: down.error, line: undefined }
  // One statement and no position to refine (Hasura never gives one): its first line is the answer.
  if (statements.length === 1 && !down.error.position) {
    return { index, error: down.error, line: statements[0]!.startLine }
  }
  const prefix = (j: number): string => {
    const last = statements[j - 1]!
    return step.down.sql.slice(0, last.startOffset + last.text.length)
  }
  const statement = await firstFailing(statements.length, (j) => rehearse(index, prefix(j)))
  if (!statement) return { index, error: down.error, line: undefined }
  const { position } = statement.error
  const line = position
    ? lineAtPosition(prefix(statement.at), Number(position))
    : statements[statement.at - 1]!.startLine
  return { index, error: statement.error, line }
}

/**
 * The smallest k in 1..n for which `fails(k)` gives an error, and that error; k = n is assumed to fail
 * and asked last, only when every smaller k passed.
 */
async function firstFailing(
  n: number,
  fails: (k: number) => Promise<SqlErrorFields | undefined>,
): Promise<{ at: number; error: SqlErrorFields } | undefined> {
  if (n === 0) return undefined
  let passing = 0
  let failing = n
  let error: SqlErrorFields | undefined
  while (failing - passing > 1) {
    const k = Math.floor((passing + failing) / 2)
    const found = await fails(k)
    if (found) [failing, error] = [k, found]
    else passing = k
  }
  error ??= await fails(failing)
  return error && { at: failing, error }
}
