// What the core needs from a database path: the migration state, and a plan run in one transaction.
import type { LossCount } from '../data-loss.js'
import type { PlannedStep } from '../plan.js'
import type { CountedObject } from './data-loss-sql.js'

/** Every step starts 'not-executed'; 'undone' ran but was rolled back with the whole transaction. */
export type StepStatus = 'not-executed' | 'reverted' | 'rehearsed' | 'failed' | 'undone'

export interface StepOutcome {
  readonly version: string
  status: StepStatus
  /** Milliseconds the down took; undefined when it did not run or the transport cannot tell. */
  durationMs: number | undefined
}

/** Where and why the transaction failed; nothing was committed. */
export interface ExecutionFailure {
  readonly message: string
  readonly version?: string
  /** Project-relative file and 1-based line, when known (annotation). */
  readonly file?: string
  readonly line?: number
  /** The rollback got no answer at COMMIT (or its one request got none): it may have been committed. */
  readonly outcomeUnknown?: boolean
}

export interface Execution {
  readonly steps: readonly StepOutcome[]
  /** What ExecuteOptions.dataLoss measured, target by target; undefined when nothing was measured. */
  readonly dataLoss?: readonly LossCount[]
  /** True once COMMIT succeeded; a dry run never commits. */
  readonly committed: boolean
  readonly failure: ExecutionFailure | undefined
}

/**
 * How the migration state of the planned versions changes inside the rollback transaction: config v2
 * rows of hdb_catalog.schema_migrations, or (config v3) the catalog state or the journal.
 */
export interface StateChange {
  /**
   * Run after the lock: locks the state of the planned versions and raises the NO_LONGER_APPLIED
   * marker (markers.ts) when one of them is no longer applied. '' when nothing is to lock.
   */
  readonly recheck: string
  /** What the re-check locks, for messages: "the rows of the planned versions in …". */
  readonly locks: string
  /** Run after each batch of downs: removes the versions of that batch from the state ('' if none). */
  readonly removeVersions: (versions: readonly string[]) => string
}

/** Nothing of the migration state is locked, checked or changed: a transaction for other SQL (the guard, the journal). */
export const NO_STATE_CHANGE: StateChange = { recheck: '', locks: '', removeVersions: () => '' }

export interface ExecuteOptions {
  /** Roll the transaction back at the end, whatever happened (rehearsal). */
  readonly dryRun: boolean
  readonly lockTimeoutSeconds: number
  readonly state: StateChange
  /**
   * SQL run in the same transaction after the downs: the metadata guard (raises an exception whose
   * message starts with GUARD_MARKER) and the journal record. A failure here rolls everything back.
   */
  readonly afterDowns?: string
  /**
   * Measured after the lock, before the first down: what these statements destroy. `refuse`: the
   * transaction fails, changing nothing, when any of them holds data.
   */
  readonly dataLoss?: { readonly targets: readonly CountedObject[]; readonly refuse: boolean }
}

/**
 * A database path: Postgres directly, or Hasura's run_sql. It reads the migration state and runs a
 * plan in one transaction — or changes nothing; the core calls nothing else, in no particular order.
 */
export interface Transport {
  readonly kind: 'postgres' | 'hasura'
  /** Runs the state query — one read-only SELECT answering one text cell — and gives that cell. */
  readState(query: string): Promise<string | undefined>
  execute(steps: readonly PlannedStep[], options: ExecuteOptions): Promise<Execution>
  close(): Promise<void>
}

export function notExecuted(steps: readonly PlannedStep[]): StepOutcome[] {
  return steps.map((s) => ({ version: s.version, status: 'not-executed', durationMs: undefined }))
}

/** After a rollback of the transaction, whatever ran is undone. */
export function markUndone(outcomes: StepOutcome[]): void {
  for (const o of outcomes) if (o.status === 'reverted' || o.status === 'rehearsed') o.status = 'undone'
}

/** After a rollback whose down at `index` failed: those before it ran and were undone, those after never ran. */
export function markFailedAt(outcomes: StepOutcome[], index: number): void {
  outcomes.forEach((o, i) => {
    o.status = i < index ? 'undone' : i === index ? 'failed' : 'not-executed'
    if (i >= index) o.durationMs = undefined
  })
}

export function migrationLabel(step: Pick<PlannedStep, 'version' | 'name'>): string {
  return step.name ? `${step.version}_${step.name}` : step.version
}
