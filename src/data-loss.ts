// Data the downs of a plan are about to destroy: which statements destroy it (sql/destructive.ts), and
// how a measured count is said. The counting itself runs in the rollback transaction
// (transport/data-loss-sql.ts).
import type { PlannedStep } from './plan.js'
import type { DestructiveStatement } from './sql/destructive.js'
import { destructiveStatements } from './sql/destructive.js'

/** Counted exactly up to this many; a count above it reads "10,000+". */
export const DATA_LOSS_CAP = 10_000

/** A statement of a planned down that destroys data, with where it is. */
export interface LossTarget extends DestructiveStatement {
  readonly version: string
  /** Project-relative down file. */
  readonly file: string
}

/** A count of one target: up to DATA_LOSS_CAP + 1 (more than the cap), or null when its object was missing. */
export type LossCount = number | null

/** Every destroying statement of `steps`, in the order they run. */
export function lossTargetsOf(steps: readonly PlannedStep[]): LossTarget[] {
  return steps.flatMap((step) =>
    destructiveStatements(step.down.scan).map((d) => ({ ...d, version: step.version, file: step.down.path })),
  )
}

/** "table public.author", "column public.author.email", "schema les". */
export function lossSubject(target: Pick<DestructiveStatement, 'kind' | 'target'>): string {
  if (target.kind === 'drop-column') return `column ${target.target}`
  if (target.kind === 'drop-schema') return `schema ${target.target}`
  return `table ${target.target}`
}

/** "1,234 rows", "10,000+ values", "no rows"; undefined when the object did not exist yet. */
export function countText(target: Pick<DestructiveStatement, 'kind'>, count: LossCount): string | undefined {
  if (count === null) return undefined
  const unit = target.kind === 'drop-column' ? 'value' : 'row'
  if (count === 0) return `no ${unit}s`
  const n =
    count > DATA_LOSS_CAP ? `${DATA_LOSS_CAP.toLocaleString('en-US')}+` : count.toLocaleString('en-US')
  return `${n} ${unit}${count === 1 ? '' : 's'}`
}
