// The downs of a plan cut into batches, each sent as one multi-statement query: where the cuts fall,
// the SQL of a batch, and how a batch is named in messages.
import type { PlannedStep } from '../plan.js'
import { joinScripts } from '../sql/statements.js'
import * as state from './state-sql.js'
import { migrationLabel } from './transport.js'

/**
 * At most this many downs, and this many characters of SQL, per query. One query per down cost a
 * round trip each (1,000 downs: ~2.6× psql); batches of 100 brought it near psql, one of 1,000 a
 * little below (each batch boundary leaves Postgres idle for a round trip and the client's turn).
 * When a batch fails, the rehearsal halves it under savepoints, so its size costs a failure only a
 * logarithm of round trips.
 */
export const BATCH_LIMITS: BatchLimits = { downs: 1000, chars: 1024 * 1024 }

export interface BatchLimits {
  readonly downs: number
  readonly chars: number
}

/** Steps [start, end) of the plan, sent as one query. */
export interface Batch {
  readonly start: number
  readonly end: number
}

/** Consecutive batches covering `steps`; a down larger than the character cap gets a batch of its own. */
export function batchesOf(steps: readonly PlannedStep[], limits: BatchLimits = BATCH_LIMITS): Batch[] {
  const batches: Batch[] = []
  let start = 0
  let chars = 0
  steps.forEach((step, i) => {
    const size = step.down.sql.length
    if (i > start && (i - start >= limits.downs || chars + size > limits.chars)) {
      batches.push({ start, end: i })
      start = i
      chars = 0
    }
    chars += size
  })
  if (start < steps.length) batches.push({ start, end: steps.length })
  return batches
}

/**
 * The downs, then their state rows. joinScripts ends each down safely (';', newline); the DELETE is
 * ours and needs no lexing. The first down comes first, so a single down's error position counts from it.
 */
export function stepsSql(steps: readonly PlannedStep[]): string {
  const downs = steps.map((s) => joinScripts([s.down.sql]).sql).join('')
  return `${downs}${state.removeStateRowsSql(steps.map((s) => s.version))}\n`
}

export function describeBatch(steps: readonly PlannedStep[], batch: Batch): string {
  const first = steps[batch.start]!
  const last = steps[batch.end - 1]!
  const count = batch.end - batch.start
  return count === 1
    ? `down migration ${migrationLabel(first)}`
    : `the ${count} down migrations ${migrationLabel(first)} to ${migrationLabel(last)} (one query)`
}
