// The downs of a plan cut into batches, each sent to Postgres as one multi-statement query: a query per
// down would cost a round trip each (see docs/benchmarks.md).
import type { PlannedStep } from '../plan.js'
import { migrationLabel } from './transport.js'

/** At most this many downs, and this many characters of SQL, per query. */
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

/** How a batch is named in messages. */
export function describeBatch(steps: readonly PlannedStep[], batch: Batch): string {
  const first = steps[batch.start]!
  const last = steps[batch.end - 1]!
  const count = batch.end - batch.start
  return count === 1
    ? `down migration ${migrationLabel(first)}`
    : `the ${count} down migrations ${migrationLabel(first)} to ${migrationLabel(last)} (one query)`
}
