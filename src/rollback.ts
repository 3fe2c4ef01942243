// Orchestration of one run, one step after another: project → stable ref → state → plan → backup →
// one transaction → metadata. Always returns a result as data (never throws), so outputs and the
// summary render from one structure (result.ts).
import { RollbackError, errorMessage } from './errors.js'
import type { Git } from './git/git.js'
import type { RollbackRequest } from './inputs.js'
import { LAST_SUCCESSFUL_RUN } from './inputs.js'
import type { Log } from './log.js'
import type { MetadataApi, MetadataBackup } from './metadata/apply.js'
import {
  backupMetadata,
  describeInconsistency,
  inconsistentObjects,
  replaceMetadata,
} from './metadata/apply.js'
import type { MetadataChange } from './metadata/diff.js'
import { diffMetadata } from './metadata/diff.js'
import type { AppliedState, JournalRecord, Plan, Selection } from './plan.js'
import { planRollback, selectByRef, selectVersions } from './plan.js'
import type { ConfigOverrides, ProjectConfig } from './project/config.js'
import { loadProjectConfig } from './project/config.js'
import type { ProjectFiles } from './project/files.js'
import type { Migration } from './project/migrations.js'
import { readDowns, scanMigrations } from './project/migrations.js'
import type { StableRef } from './project/stable-ref.js'
import { formatDuration, versionList } from './report/markdown.js'
import type { Progress, RollbackResult } from './result.js'
import { afterCommit, metadataReport, noProgress, planReport, resultOf, withOutcomes } from './result.js'
import { guardSql } from './transport/guard-sql.js'
import { writeJournalSql } from './transport/state-sql.js'
import type { ExecutionFailure, Transport } from './transport/transport.js'
import { migrationLabel } from './transport/transport.js'

export interface RollbackDeps {
  /** The project directory in the workspace. */
  readonly files: ProjectFiles
  readonly env: Readonly<Record<string, string | undefined>>
  readonly connect: (config: ProjectConfig) => Promise<Transport>
  readonly metadataApi: (config: ProjectConfig) => MetadataApi
  readonly git: () => Promise<Git>
  /** For `ref: last-successful-run`: the head SHA of the last successful run of the workflow meant. */
  readonly lastSuccessfulRun: () => Promise<{ readonly sha: string; readonly runUrl: string }>
  readonly log: Log
  /** Where the metadata backup is written. */
  readonly backupDir: string
  /** This workflow run and step, the same on every attempt; undefined outside Actions. */
  readonly run: { readonly key: string; readonly attempt: number } | undefined
  readonly now: () => Date
}

/** The workspace project and the stable ref, as loaded before anything is asked of the database. */
interface Project {
  readonly config: ProjectConfig
  readonly migrations: readonly Migration[]
  readonly stable: StableRef | undefined
}

export async function rollback(request: RollbackRequest, deps: RollbackDeps): Promise<RollbackResult> {
  const progress = noProgress()
  try {
    return await run(request, deps, progress)
  } catch (error) {
    return resultOf(progress, 'failed', failureOf(error, progress))
  } finally {
    await progress.transport?.close()
  }
}

function failureOf(error: unknown, progress: Progress): ExecutionFailure {
  if (!(error instanceof RollbackError)) {
    return { message: afterCommit(progress, `Unexpected error: ${errorMessage(error)}`) }
  }
  return {
    message: afterCommit(progress, error.message),
    file: error.file,
    line: error.line,
    outcomeUnknown: error.outcomeUnknown && !progress.committed,
  }
}

async function run(
  request: RollbackRequest,
  deps: RollbackDeps,
  progress: Progress,
): Promise<RollbackResult> {
  const { log } = deps
  const project = await log.group('Load the project', () => loadProject(request, deps))
  const { config, stable } = project
  const transport = await deps.connect(config)
  progress.transport = transport
  const state = await log.group('Read migration state', async () => {
    const read = await transport.readState({ runKey: deps.run?.key })
    log.info(`${read.applied.length} applied version(s) on the database`)
    return read
  })
  const resumed = resumedAttempt(state)
  const selection = resumed ? resumedSelection(resumed) : select(request, state, stable)
  progress.alreadyReverted = resumed?.versions ?? []
  const plan = await preflight(request, deps, project, selection, state)
  progress.notes = plan.notes
  for (const note of plan.notes) log.notice(note)
  progress.steps = planReport(plan)
  if (plan.problems.length > 0) {
    progress.problems = plan.problems
    return resultOf(progress, 'failed')
  }
  const api = stable?.metadata ? deps.metadataApi(config) : undefined
  // Exported before any change: a Hasura that cannot answer stops the run while nothing is changed.
  const backup = api
    ? await log.group('Back up the current metadata', () => backupMetadata(api, deps.backupDir, deps.now()))
    : undefined
  const changes = backup && stable?.metadata ? diffMetadata(backup.metadata, stable.metadata) : []
  if (stable?.metadata) progress.metadata = metadataReport(stable, backup, changes, false, [])
  const guard = stable?.required && guardSql(stable.required)
  if (plan.steps.length === 0 && !guard && !api) {
    log.info('Nothing to roll back: no applied version is selected')
    return resultOf(progress, 'nothing-to-roll-back')
  }
  if (plan.steps.length > 0 || guard) {
    const failure = await execute(request, deps, transport, plan, { stable, guard }, progress)
    if (failure) return resultOf(progress, 'failed', failure)
  }
  if (request.dryRun) return resultOf(progress, 'dry-run')
  if (!api || !stable) return resultOf(progress, 'rolled-back')
  return applyMetadata(deps, api, stable, { backup, changes }, progress)
}

async function loadProject(request: RollbackRequest, deps: RollbackDeps): Promise<Project> {
  const overrides = { endpoint: request.endpoint, adminSecret: request.adminSecret }
  const config = await loadProjectConfig(deps.files, deps.env, overrides)
  const migrations = await scanMigrations(deps.files, config.migrationsDirectory)
  deps.log.info(`${migrations.length} migration(s) in ${config.migrationsDirectory}/ of the workspace`)
  const ref = request.ref === LAST_SUCCESSFUL_RUN ? await lastSuccessfulRef(deps) : request.ref
  const stable = ref ? await loadStable(request, deps, ref, overrides) : undefined
  if (stable) deps.log.info(`Stable ref '${stable.ref}' is ${stable.sha} (${stable.subject})`)
  return { config, migrations, stable }
}

/** The project at the stable ref, loaded with a ref only: its metadata assembly brings graphql (~150 KB). */
async function loadStable(
  request: RollbackRequest,
  deps: RollbackDeps,
  ref: string,
  overrides: ConfigOverrides,
): Promise<StableRef> {
  const { loadStableRef } = await import('./project/stable-ref.js')
  return loadStableRef(await deps.git(), {
    ref,
    projectDir: request.projectDir,
    withMetadata: request.applyMetadata,
    withMigrations: !request.selector,
    env: deps.env,
    overrides,
  })
}

async function lastSuccessfulRef(deps: RollbackDeps): Promise<string> {
  const found = await deps.lastSuccessfulRun()
  deps.log.info(`ref: ${LAST_SUCCESSFUL_RUN} is ${found.sha}, the head of ${found.runUrl}`)
  return found.sha
}

/**
 * An earlier attempt of this workflow run committed its downs ("Re-run jobs"): revert nothing more —
 * but only while every version it reverted is still reverted. A re-run that re-deployed them (the
 * deploy step runs again before the rollback) must roll back again.
 */
function resumedAttempt(state: AppliedState): JournalRecord | undefined {
  const applied = new Set(state.applied.map((a) => a.version))
  const journal = state.journal
  return journal && journal.versions.every((v) => !applied.has(v)) ? journal : undefined
}

function resumedSelection(journal: JournalRecord): Selection {
  const versions = journal.versions.join(', ') || 'no version'
  const by = journal.attempt
    ? `Attempt ${journal.attempt} of this workflow run`
    : 'An earlier attempt of this run'
  return {
    versions: [],
    problems: [],
    notes: [`${by} already reverted ${versions}: nothing more is reverted`],
  }
}

function select(request: RollbackRequest, state: AppliedState, stable: StableRef | undefined): Selection {
  if (request.selector) return selectVersions(request.selector, state)
  const refVersions = new Set((stable?.migrations ?? []).map((m) => m.version))
  return selectByRef(state, refVersions, request.ref)
}

async function preflight(
  request: RollbackRequest,
  deps: RollbackDeps,
  { config, migrations }: Project,
  selection: Selection,
  state: AppliedState,
): Promise<Plan> {
  const downs = await readDowns(deps.files, migrations, selection.versions)
  const { allowDirty } = request
  const { migrationsDirectory } = config
  return planRollback({ selection, state, migrations, downs, allowDirty, migrationsDirectory })
}

async function execute(
  request: RollbackRequest,
  deps: RollbackDeps,
  transport: Transport,
  plan: Plan,
  { stable, guard }: { stable: StableRef | undefined; guard: string | undefined },
  progress: Progress,
): Promise<ExecutionFailure | undefined> {
  const { log } = deps
  const versions = plan.steps.map((s) => s.version)
  const journal =
    deps.run && versions.length > 0 && !request.dryRun
      ? writeJournalSql({
          runKey: deps.run.key,
          attempt: deps.run.attempt,
          versions,
          metadataSha: stable?.sha,
        })
      : ''
  if (versions.length > 0) {
    log.info(`Plan: revert ${versions.length} migration(s), highest first: ${versionList(versions)}`)
  }
  const started = deps.now().getTime()
  const execution = await log.group(request.dryRun ? 'Rehearse the rollback' : 'Revert', async () => {
    const ran = await transport.execute(plan.steps, {
      dryRun: request.dryRun,
      lockTimeoutSeconds: request.lockTimeoutSeconds,
      afterDowns: [guard, journal].filter(Boolean).join(';\n') || undefined,
    })
    progress.steps = withOutcomes(progress.steps, ran.steps)
    for (const step of progress.steps) {
      const duration = step.durationMs === undefined ? '' : ` in ${formatDuration(step.durationMs)}`
      log.info(`${step.status} ${migrationLabel(step)}${duration}`)
    }
    return ran
  })
  progress.committed = execution.committed
  const done = execution.steps.filter((s) => s.status === 'reverted' || s.status === 'rehearsed').length
  const verb = request.dryRun ? 'rehearsed' : execution.committed ? 'reverted' : 'undone'
  log.info(
    `Total: ${done} of ${versions.length} migration(s) ${verb} in ${deps.now().getTime() - started} ms (one transaction)`,
  )
  return execution.failure
}

async function applyMetadata(
  deps: RollbackDeps,
  api: MetadataApi,
  stable: StableRef,
  { backup, changes }: { backup: MetadataBackup | undefined; changes: readonly MetadataChange[] },
  progress: Progress,
): Promise<RollbackResult> {
  const inconsistent = await deps.log.group(`Apply the metadata of ${stable.sha}`, async () => {
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
  if (inconsistent.length === 0) return resultOf(progress, 'rolled-back')
  const list = inconsistent.map(describeInconsistency).join('; ')
  return resultOf(progress, 'failed', {
    message: `Hasura reports ${inconsistent.length} inconsistent object(s) after applying the metadata of ${stable.sha}: ${list}. The previous metadata is in ${backup?.path}`,
  })
}
