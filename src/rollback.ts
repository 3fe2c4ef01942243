// Orchestration of one run: project → stable ref → state → plan → backup → one transaction →
// metadata. Always returns a result as data (never throws), so outputs and the summary render from
// one structure.
import { RollbackError, errorMessage } from './errors.js'
import type { Git } from './git.js'
import { guardSql } from './guard.js'
import type { RollbackRequest } from './inputs.js'
import { LAST_SUCCESSFUL_RUN } from './inputs.js'
import type { Log } from './log.js'
import type { MetadataApi, MetadataBackup } from './metadata-apply.js'
import {
  backupMetadata,
  describeInconsistency,
  inconsistentObjects,
  replaceMetadata,
} from './metadata-apply.js'
import type { MetadataChange } from './metadata-diff.js'
import { diffMetadata } from './metadata-diff.js'
import type { AppliedState, Plan, PlannedStep, Problem, Selection } from './plan.js'
import { likelySelected, planRollback, selectByRef, selectVersions } from './plan.js'
import type { ProjectConfig } from './project/config.js'
import { loadProjectConfig } from './project/config.js'
import type { ProjectFiles } from './project/files.js'
import type { DownFile, Migration } from './project/migrations.js'
import { readDowns, readDownsUntil, scanMigrations } from './project/migrations.js'
import type { StableRef } from './stable-ref.js'
import type { StepText } from './report.js'
import { formatDuration, versionList } from './report.js'
import { loadStableRef } from './stable-ref.js'
import { writeJournalSql } from './state.js'
import type { ExecutionFailure, StepOutcome, Transport } from './transport/transport.js'
import { migrationLabel, notExecuted } from './transport/transport.js'

export type RollbackStatus = 'rolled-back' | 'nothing-to-roll-back' | 'dry-run' | 'failed'

export interface StepReport extends StepOutcome {
  readonly name: string
  /** Project-relative down file. */
  readonly downFile: string
  readonly sql: string
}

export interface MetadataReport {
  readonly ref: string
  readonly sha: string
  readonly subject: string
  /** JSON file holding the server's metadata as it was before this run. */
  readonly backupPath: string | undefined
  /** What the stable metadata changes against the server's current metadata. */
  readonly changes: readonly MetadataChange[]
  readonly applied: boolean
  /** Undefined when the server's consistency check could not be read (or did not run). */
  readonly inconsistentObjects: readonly unknown[] | undefined
  /** replace_metadata got no answer (timeout, lost connection): Hasura may have applied it. */
  readonly outcomeUnknown?: boolean
}

export interface RollbackResult {
  readonly status: RollbackStatus
  readonly transport: Transport['kind'] | undefined
  /** Planned steps with what happened to each, in plan order (highest version first). */
  readonly steps: readonly StepReport[]
  /** Versions an earlier attempt of this run already reverted (journal); this run reverted none. */
  readonly alreadyReverted: readonly string[]
  /** Pre-flight refusals; non-empty means nothing was attempted. */
  readonly problems: readonly Problem[]
  readonly notes: readonly string[]
  /** Why the run failed, when it did. */
  readonly failure: ExecutionFailure | undefined
  /** True once the schema change was committed. */
  readonly committed: boolean
  readonly metadata: MetadataReport | undefined
}

export interface RollbackDeps {
  /** The project directory in the workspace. */
  readonly files: ProjectFiles
  readonly env: Readonly<Record<string, string | undefined>>
  readonly connect: (config: ProjectConfig) => Promise<Transport>
  readonly metadataApi: (config: ProjectConfig) => MetadataApi
  readonly git: () => Promise<Git>
  /** For `ref: last-successful-run`: the head SHA of this workflow's last successful run. */
  readonly lastSuccessfulRun: () => Promise<{ readonly sha: string; readonly runUrl: string }>
  readonly log: Log
  /** Where the metadata backup is written (RUNNER_TEMP). */
  readonly backupDir: string
  /** Identifies this workflow run across re-runs of its attempts; undefined outside Actions. */
  readonly runKey: string | undefined
  readonly now: () => Date
  /**
   * Called as each down runs (or is rehearsed). main.ts renders the step's part of the summary here,
   * while the database runs the next batch, instead of after COMMIT.
   */
  readonly stepRan?: (step: StepText) => void
  /**
   * Called while the transaction's last command is in flight, when nothing follows it, with the
   * result the run returns (the same object) if that command succeeds: main.ts builds the report
   * meanwhile instead of after COMMIT.
   */
  readonly expectResult?: (result: RollbackResult) => void
}

/** Mutable scratch of one run; frozen into the result at the end. */
interface Progress {
  /** Started as soon as the config is known; closed however the run ends. */
  connecting?: Promise<Transport>
  transport?: Transport
  steps: StepReport[]
  alreadyReverted: readonly string[]
  problems: readonly Problem[]
  notes: readonly string[]
  committed: boolean
  metadata?: MetadataReport
  /** What the run returns if the transaction's last command succeeds (see expectResult). */
  expected?: RollbackResult
}

const noProgress = (): Progress => ({
  steps: [],
  alreadyReverted: [],
  problems: [],
  notes: [],
  committed: false,
})

function resultOf(progress: Progress, status: RollbackStatus, failure?: ExecutionFailure): RollbackResult {
  return {
    status,
    transport: progress.transport?.kind,
    steps: progress.steps,
    alreadyReverted: progress.alreadyReverted,
    problems: progress.problems,
    notes: progress.notes,
    failure,
    committed: progress.committed,
    metadata: progress.metadata,
  }
}

export async function rollback(request: RollbackRequest, deps: RollbackDeps): Promise<RollbackResult> {
  const progress = noProgress()
  const finish = (status: RollbackStatus, failure?: ExecutionFailure) => resultOf(progress, status, failure)
  try {
    return await run(request, deps, progress, finish)
  } catch (error) {
    const failure =
      error instanceof RollbackError
        ? {
            message: afterCommit(progress, error.message),
            file: error.file,
            line: error.line,
            outcomeUnknown: error.outcomeUnknown && !progress.committed,
          }
        : { message: afterCommit(progress, `Unexpected error: ${errorMessage(error)}`) }
    return finish('failed', failure)
  } finally {
    // Not awaited: ending a session waits for the server (~3 ms), and the result is ready without it.
    // The process exits once the connection has closed.
    progress.connecting?.then((t) => t.close()).catch(() => {})
  }
}

/** The result of a run refused before it started (bad inputs): nothing was touched. */
export function refusedResult(message: string): RollbackResult {
  return resultOf(noProgress(), 'failed', { message })
}

/** A failure after the schema commit or the metadata replace must say what was changed, and how to finish. */
function afterCommit(progress: Progress, message: string): string {
  const metadata = progress.metadata
  if (!metadata || (!progress.committed && !metadata.applied && !metadata.outcomeUnknown)) return message
  const reverted = progress.steps.filter((s) => s.status === 'reverted').map((s) => s.version)
  const schema = `The schema rollback was committed (reverted ${reverted.join(', ') || 'nothing'})`
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

async function run(
  request: RollbackRequest,
  deps: RollbackDeps,
  progress: Progress,
  finish: (status: RollbackStatus, failure?: ExecutionFailure) => RollbackResult,
): Promise<RollbackResult> {
  const { log, files } = deps
  const overrides = { endpoint: request.endpoint, adminSecret: request.adminSecret }
  const { config, migrations, stable, connecting, reading } = await log.group(
    'Load the project',
    async () => {
      const config = await loadProjectConfig(files, deps.env, overrides)
      // Connecting and reading the state cost round trips (TCP, TLS, authentication, queries): started
      // now, they overlap the git work for the stable ref. Awaited below; until then a failure must not
      // go unhandled.
      const connecting = deps.connect(config)
      const reading = connecting.then((t) =>
        t.readState({ runKey: request.applyMetadata ? deps.runKey : undefined }),
      )
      for (const started of [connecting, reading]) started.catch(() => {})
      progress.connecting = connecting
      const migrations = await scanMigrations(files, config.migrationsDirectory)
      log.info(`${migrations.length} migration(s) in ${config.migrationsDirectory}/ of the workspace`)
      const ref = request.ref === LAST_SUCCESSFUL_RUN ? await lastSuccessfulRef(deps) : request.ref
      const stable = ref
        ? await loadStableRef(await deps.git(), {
            ref,
            projectDir: request.projectDir,
            withMetadata: request.applyMetadata,
            withMigrations: !request.selector,
            env: deps.env,
            overrides,
          })
        : undefined
      if (stable) log.info(`Stable ref '${stable.ref}' is ${stable.sha} (${stable.subject})`)
      return { config, migrations, stable, connecting, reading }
    },
  )
  const prefetched = await readDownsUntil(reading, files, likelySelected(request.selector, migrations))
  const transport = await connecting
  progress.transport = transport
  const state = await log.group('Read migration state', async () => {
    const s = await reading
    log.info(`${s.applied.length} applied version(s) on the database`)
    return s
  })
  // Resume only while every version the earlier attempt reverted is still reverted: a re-run that
  // re-deployed them (e.g. "Re-run failed jobs" repeats the deploy step) must roll back again.
  const applied = new Set(state.applied.map((a) => a.version))
  const resumed =
    stable &&
    state.journal?.metadataSha === stable.sha &&
    state.journal.versions.every((v) => !applied.has(v))
      ? state.journal
      : undefined
  const selection = resumed
    ? {
        versions: [],
        problems: [],
        notes: [
          `An earlier attempt of this run reverted ${resumed.versions.join(', ')}; only the metadata remains to apply`,
        ],
      }
    : select(request, state, stable)
  progress.alreadyReverted = resumed?.versions ?? []
  const plan = await preflight(request, deps, config, { migrations, prefetched }, selection, state)
  progress.notes = plan.notes
  for (const note of plan.notes) log.notice(note)
  progress.steps = planReport(plan)
  if (plan.problems.length > 0) {
    progress.problems = plan.problems
    return finish('failed')
  }
  const api = stable?.metadata ? deps.metadataApi(config) : undefined
  // Exported before any change: a Hasura that cannot answer stops the run while nothing is changed.
  const backup = api
    ? await log.group('Back up the current metadata', () => backupMetadata(api, deps.backupDir, deps.now()))
    : undefined
  const changes = backup && stable?.metadata ? diffMetadata(backup.metadata, stable.metadata) : []
  if (stable?.metadata) progress.metadata = metadataReport(stable, backup, changes, false, [])
  const guard = stable?.required && guardSql(stable.required)
  if (plan.steps.length === 0 && !guard) {
    if (!stable?.metadata) {
      log.info('Nothing to roll back: no applied version is selected')
      return finish('nothing-to-roll-back')
    }
  } else {
    const failure = await execute(request, deps, transport, plan, stable, guard, progress)
    if (failure) return finish('failed', failure)
  }
  if (request.dryRun) return progress.expected ?? finish('dry-run')
  if (!api || !stable?.metadata) return progress.expected ?? finish('rolled-back')
  const inconsistent = await log.group(`Apply the metadata of ${stable.sha}`, async () => {
    try {
      await replaceMetadata(api, stable.metadata!)
    } catch (error) {
      // A request that timed out or lost its answer may still have been carried out by Hasura.
      if (error instanceof RollbackError && error.outcomeUnknown) {
        progress.metadata = {
          ...metadataReport(stable, backup, changes, false, undefined),
          outcomeUnknown: true,
        }
      }
      throw error
    }
    progress.metadata = metadataReport(stable, backup, changes, true, undefined)
    return inconsistentObjects(api)
  })
  progress.metadata = metadataReport(stable, backup, changes, true, inconsistent)
  if (inconsistent.length > 0) {
    const list = inconsistent.map(describeInconsistency).join('; ')
    return finish('failed', {
      message: `Hasura reports ${inconsistent.length} inconsistent object(s) after applying the metadata of ${stable.sha}: ${list}. The previous metadata is in ${backup?.path}`,
    })
  }
  return finish('rolled-back')
}

async function lastSuccessfulRef(deps: RollbackDeps): Promise<string> {
  const found = await deps.lastSuccessfulRun()
  deps.log.info(`ref: ${LAST_SUCCESSFUL_RUN} is ${found.sha}, the head of ${found.runUrl}`)
  return found.sha
}

function select(request: RollbackRequest, state: AppliedState, stable: StableRef | undefined): Selection {
  if (request.selector) return selectVersions(request.selector, state)
  const refVersions = new Set((stable?.migrations ?? []).map((m) => m.version))
  return selectByRef(state, refVersions, request.ref)
}

async function preflight(
  request: RollbackRequest,
  deps: RollbackDeps,
  config: ProjectConfig,
  { migrations, prefetched }: { migrations: readonly Migration[]; prefetched: Map<string, DownFile> },
  selection: Selection,
  state: AppliedState,
): Promise<Plan> {
  const downs = await readDowns(deps.files, migrations, selection.versions, prefetched)
  const { allowDirty } = request
  const { migrationsDirectory } = config
  return planRollback({ selection, state, migrations, downs, allowDirty, migrationsDirectory })
}

async function execute(
  request: RollbackRequest,
  deps: RollbackDeps,
  transport: Transport,
  plan: Plan,
  stable: StableRef | undefined,
  guard: string | undefined,
  progress: Progress,
): Promise<ExecutionFailure | undefined> {
  const { log } = deps
  const versions = plan.steps.map((s) => s.version)
  const journal =
    stable?.metadata && deps.runKey && versions.length > 0 && !request.dryRun
      ? writeJournalSql(deps.runKey, versions, stable.sha)
      : ''
  const afterDowns = [guard, journal].filter(Boolean).join(';\n') || undefined
  if (versions.length > 0) {
    log.info(`Plan: revert ${versions.length} migration(s), highest first: ${versionList(versions)}`)
  }
  const started = deps.now().getTime()
  const execution = await log.group(request.dryRun ? 'Rehearse the rollback' : 'Revert', () =>
    transport.execute(plan.steps, {
      dryRun: request.dryRun,
      lockTimeoutSeconds: request.lockTimeoutSeconds,
      guardSql: afterDowns,
      // Nothing follows a rehearsal, nor a rollback without metadata: its result is known now.
      whileEnding:
        request.dryRun || !stable?.metadata
          ? (outcomes) => {
              const steps = withOutcomes(progress.steps, outcomes)
              const status = request.dryRun ? 'dry-run' : 'rolled-back'
              progress.expected = resultOf({ ...progress, steps, committed: !request.dryRun }, status)
              deps.expectResult?.(progress.expected)
            }
          : undefined,
      onStep: (step, outcome) => {
        log.info(
          `${outcome.status} ${migrationLabel(step)}` +
            (outcome.durationMs === undefined ? '' : ` in ${formatDuration(outcome.durationMs)}`),
        )
        deps.stepRan?.(stepText(step))
      },
    }),
  )
  progress.steps = withOutcomes(progress.steps, execution.steps)
  // A failed end leaves a result that differs from the one expected.
  if (execution.failure || execution.committed !== !request.dryRun) progress.expected = undefined
  const done = execution.steps.filter((s) => s.status === 'reverted' || s.status === 'rehearsed').length
  const verb = request.dryRun ? 'rehearsed' : execution.committed ? 'reverted' : 'undone'
  log.info(
    `Total: ${done} of ${versions.length} migration(s) ${verb} in ${deps.now().getTime() - started} ms (one transaction)`,
  )
  progress.committed = execution.committed
  return execution.failure
}

function metadataReport(
  stable: StableRef,
  backup: MetadataBackup | undefined,
  changes: readonly MetadataChange[],
  applied: boolean,
  inconsistentObjects: readonly unknown[] | undefined,
): MetadataReport {
  return {
    ref: stable.ref,
    sha: stable.sha,
    subject: stable.subject,
    backupPath: backup?.path,
    changes,
    applied,
    inconsistentObjects,
  }
}

function withOutcomes(steps: readonly StepReport[], outcomes: readonly StepOutcome[]): StepReport[] {
  return steps.map((s, i) => ({ ...s, ...outcomes[i]! }))
}

const stepText = (step: PlannedStep): StepText => ({
  version: step.version,
  name: step.name,
  downFile: step.down.path,
  sql: step.down.sql,
})

function planReport(plan: Plan): StepReport[] {
  return notExecuted(plan.steps).map((outcome, i) => ({ ...outcome, ...stepText(plan.steps[i]!) }))
}
