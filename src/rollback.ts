// Orchestration of one run: project → stable ref → state → plan → backup → one transaction →
// metadata. Always returns a result as data (never throws), so outputs and the summary render from
// one structure (result.ts).
import { RollbackError, errorMessage } from './errors.js'
import type { Git } from './git/git.js'
import { guardSql } from './transport/guard-sql.js'
import type { RollbackRequest } from './inputs.js'
import { LAST_SUCCESSFUL_RUN } from './inputs.js'
import type { Log } from './log.js'
import type { MetadataApi } from './metadata/apply.js'
import {
  backupMetadata,
  describeInconsistency,
  inconsistentObjects,
  replaceMetadata,
} from './metadata/apply.js'
import { diffMetadata } from './metadata/diff.js'
import type { AppliedState, Plan, Selection } from './plan.js'
import { likelySelected, planRollback, selectByRef, selectVersions } from './plan.js'
import type { ConfigOverrides, ProjectConfig } from './project/config.js'
import { loadProjectConfig } from './project/config.js'
import type { ProjectFiles } from './project/files.js'
import type { DownFile, Migration } from './project/migrations.js'
import { readDowns, readDownsUntil, scanMigrations } from './project/migrations.js'
import type { StepText } from './report.js'
import { formatDuration, versionList } from './report.js'
import type { Progress, RollbackResult, RollbackStatus } from './result.js'
import {
  afterCommit,
  metadataReport,
  noProgress,
  planReport,
  resultOf,
  stepText,
  withOutcomes,
} from './result.js'
import type { StableRef } from './project/stable-ref.js'
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
      const stable = ref ? await loadStable(request, deps, ref, overrides) : undefined
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
  // The lock and the transaction open while pre-flight reads the downs. Nothing changes before
  // execute(); if pre-flight refuses, closing the session releases them. Not when a metadata export
  // (an HTTP request of unknown length) comes first: the session would sit idle in the transaction,
  // which an idle_in_transaction_session_timeout may end.
  if (!stable?.metadata && selection.versions.length > 0 && selection.problems.length === 0) {
    transport.prepare?.(selection.versions, request.lockTimeoutSeconds)
  }
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
