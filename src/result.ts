// What a run returns, as data: the result type, the progress it is made from while the run goes on,
// and the messages that depend on how far it got. rollback.ts fills it in; report/ renders it.
import type { LossCount, LossTarget } from './data-loss.js'
import type { MetadataBackup } from './metadata/apply.js'
import type { MetadataChange } from './metadata/diff.js'
import type { Plan, Problem } from './plan.js'
import type { DownFile } from './project/migrations.js'
import type { StableRef } from './project/stable-ref.js'
import type { ExecutionFailure, StepOutcome, Transport } from './transport/transport.js'
import { notExecuted } from './transport/transport.js'

export type RollbackStatus = 'rolled-back' | 'nothing-to-roll-back' | 'dry-run' | 'failed'

export interface StepReport extends StepOutcome {
  /** The database the version belongs to (config v2: its one database, 'default'). */
  readonly database: string
  readonly name: string
  readonly down: DownFile
}

/** A statement of a down that destroys data, and what it destroys: measured before the downs ran. */
export interface MeasuredLoss extends LossTarget {
  readonly database: string
  /** undefined when it could not be measured. */
  readonly count: LossCount | undefined
}

/** A version and the database it belongs to. */
export interface VersionOf {
  readonly database: string
  readonly version: string
}

/** What became of one database of the run. */
export interface DatabaseOutcome {
  readonly name: string
  /** Its rollback transaction committed. */
  readonly committed: boolean
  /** Config v3, catalog state held elsewhere: whether the write after COMMIT happened. */
  readonly stateWrite?: 'written' | 'failed'
}

export interface MetadataReport {
  readonly ref: string
  readonly sha: string
  readonly subject: string
  /** JSON file holding the server's metadata as it was before this run. */
  readonly backupPath: string | undefined
  /** A bash command that puts the backup back on the server (restoreMetadataCommand). */
  readonly restoreCommand?: string
  /** What the stable metadata changes against the server's current metadata. */
  readonly changes: readonly MetadataChange[]
  readonly applied: boolean
  /**
   * Applied: what Hasura's consistency check reports, undefined when it could not be read. Not
   * applied: the objects Hasura refused the metadata for ([] when it was not refused).
   */
  readonly inconsistentObjects: readonly unknown[] | undefined
  /** replace_metadata got no answer (timeout, lost connection): Hasura may have applied it. */
  readonly outcomeUnknown?: boolean
  /** What the metadata needs that the guard cannot check, per database: left to Hasura's consistency check. */
  readonly uncheckedByGuard: readonly { readonly database: string; readonly what: string }[]
}

export interface RollbackResult {
  readonly status: RollbackStatus
  /** Config version of the project; undefined when the run stopped before reading config.yaml. */
  readonly configVersion: 2 | 3 | undefined
  readonly transport: Transport['kind'] | undefined
  /** Each database the run rolled back (or would), in the order they ran. */
  readonly databases: readonly DatabaseOutcome[]
  /** Planned steps with what happened to each, in plan order (highest version first). */
  readonly steps: readonly StepReport[]
  /** Versions an earlier attempt of this run already reverted (journal); this run reverted none. */
  readonly alreadyReverted: readonly VersionOf[]
  /** Pre-flight refusals; non-empty means nothing was attempted. */
  readonly problems: readonly Problem[]
  readonly notes: readonly string[]
  /** Why the run failed, when it did. */
  readonly failure: ExecutionFailure | undefined
  /** True once the schema change was committed. */
  readonly committed: boolean
  readonly metadata: MetadataReport | undefined
  /** What the downs destroy (would destroy, in a dry run), measured in their transaction. */
  readonly dataLoss: readonly MeasuredLoss[]
}

/** Mutable scratch of one run; frozen into the result at the end. */
export interface Progress {
  configVersion?: 2 | 3
  /** Closed however the run ends. */
  transports: Transport[]
  databases: DatabaseOutcome[]
  steps: StepReport[]
  alreadyReverted: readonly VersionOf[]
  problems: readonly Problem[]
  notes: readonly string[]
  committed: boolean
  metadata?: MetadataReport
  dataLoss: MeasuredLoss[]
}

export const noProgress = (): Progress => ({
  transports: [],
  databases: [],
  dataLoss: [],
  steps: [],
  alreadyReverted: [],
  problems: [],
  notes: [],
  committed: false,
})

export function resultOf(
  progress: Progress,
  status: RollbackStatus,
  failure?: ExecutionFailure,
): RollbackResult {
  return {
    status,
    configVersion: progress.configVersion,
    transport: progress.transports[0]?.kind,
    databases: progress.databases,
    steps: progress.steps,
    alreadyReverted: progress.alreadyReverted,
    problems: progress.problems,
    notes: progress.notes,
    failure,
    committed: progress.committed,
    metadata: progress.metadata,
    dataLoss: progress.dataLoss,
  }
}

/** The result of a run refused before it started (bad inputs): nothing was touched. */
export function refusedResult(message: string): RollbackResult {
  return resultOf(noProgress(), 'failed', { message })
}

/** A failure after the schema commit or the metadata replace must say what was changed, and how to finish. */
export function afterCommit(progress: Progress, message: string): string {
  const metadata = progress.metadata
  if (!metadata || (!progress.committed && !metadata.applied && !metadata.outcomeUnknown)) return message
  const schema = committedSchema(progress)
  if (!metadata.applied) {
    const failed = metadata.outcomeUnknown
      ? 'got no answer, so the metadata may or may not have been replaced'
      : 'failed'
    return (
      `${schema}, but applying the metadata of ${metadata.sha} ${failed}: ${message}. ` +
      'Re-run this job to finish: it reverts nothing more and applies the metadata'
    )
  }
  const applied = progress.committed
    ? `${schema} and the metadata of ${metadata.sha} was applied`
    : `The metadata of ${metadata.sha} was applied`
  return (
    `${applied}, but Hasura's consistency check (get_inconsistent_metadata) could not be read: ${message}. ` +
    'Re-run this job to check again (it reverts nothing more and re-applies the same metadata), or look for inconsistent objects in the Hasura console (Settings > Metadata Status)'
  )
}

function committedSchema(progress: Progress): string {
  const reverted = progress.steps.filter((s) => s.status === 'reverted').map((s) => s.version)
  return `The schema rollback was committed (reverted ${reverted.join(', ') || 'nothing'})`
}

/** Hasura refused the stable metadata as inconsistent: it serves what it served, whatever committed. */
export function metadataRefused(progress: Progress, sha: string, objects: string): string {
  const refused = `Hasura refused the metadata of ${sha} as inconsistent and keeps serving the metadata it had, ${objects}`
  return progress.committed
    ? `${committedSchema(progress)}, but ${refused}`
    : `${refused}. Nothing was changed`
}

/** The metadata backup, with the command that restores it once the server's generation is known. */
export interface ReportedBackup extends MetadataBackup {
  readonly restoreCommand?: string
}

export function metadataReport(
  stable: StableRef,
  backup: ReportedBackup | undefined,
  changes: readonly MetadataChange[],
  applied: boolean,
  inconsistentObjects: readonly unknown[] | undefined,
): MetadataReport {
  return {
    ref: stable.ref,
    sha: stable.sha,
    subject: stable.subject,
    backupPath: backup?.path,
    restoreCommand: backup?.restoreCommand,
    changes,
    applied,
    inconsistentObjects,
    uncheckedByGuard: [...(stable.required ?? [])].flatMap(([database, r]) =>
      r.unjudged.map((what) => ({ database, what })),
    ),
  }
}

export function withOutcomes(steps: readonly StepReport[], outcomes: readonly StepOutcome[]): StepReport[] {
  return steps.map((s, i) => ({ ...s, ...outcomes[i]! }))
}

export function planReport(plan: Plan, database: string): StepReport[] {
  return notExecuted(plan.steps).map((outcome, i) => ({
    ...outcome,
    database,
    name: plan.steps[i]!.name,
    down: plan.steps[i]!.down,
  }))
}
