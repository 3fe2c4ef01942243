// What the core needs from a database path (Postgres directly, or Hasura's run_sql): read the
// migration state, and run a plan in one transaction — or change nothing.
import type { AppliedState, PlannedStep } from '../plan.js'

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
  /** True once COMMIT succeeded; a dry run never commits. */
  readonly committed: boolean
  readonly failure: ExecutionFailure | undefined
}

export interface ExecuteOptions {
  /** Roll the transaction back at the end, whatever happened (rehearsal). */
  readonly dryRun: boolean
  readonly lockTimeoutSeconds: number
  /** Called after each down ran, for progress lines. */
  readonly onStep?: (step: PlannedStep, outcome: StepOutcome) => void
  /**
   * SQL run in the same transaction after the downs: the metadata guard (raises an exception whose
   * message starts with GUARD_MARKER) and the journal record. A failure here rolls everything back.
   */
  readonly guardSql?: string
  /**
   * Called once every down has run and the transaction's last command (COMMIT, or a rehearsal's
   * ROLLBACK) is on its way, with the outcomes that stand if it succeeds: work that only waits for
   * the answer (the report) is done meanwhile. What it throws is ignored: the answer decides.
   */
  readonly whileEnding?: (outcomes: readonly StepOutcome[]) => void
}

export interface Transport {
  readonly kind: 'postgres' | 'hasura'
  /** `runKey` also reads this run's journal record, when there is one. */
  readState(options?: { readonly runKey?: string }): Promise<AppliedState>
  /**
   * Takes the lock and opens the transaction for `versions` now, while the caller's pre-flight runs
   * (a round trip or two saved). Then execute() gets steps of exactly these versions, or the
   * transport is closed, which releases everything; nothing is changed before execute().
   */
  prepare?(versions: readonly string[], lockTimeoutSeconds: number): void
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

export function migrationLabel(step: Pick<PlannedStep, 'version' | 'name'>): string {
  return step.name ? `${step.version}_${step.name}` : step.version
}
