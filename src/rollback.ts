// Orchestration of one run, one step after another: project → stable ref → state → plan → backup →
// one transaction → metadata. Always returns a result as data (never throws), so outputs and the
// summary render from one structure (result.ts).
import type { DatabasePlan, Project } from './databases/run.js'
import { checkDatabasesNotRolledBack } from './databases/guard-elsewhere.js'
import { catalogAccess, executeDatabases, guardOf, openDatabases, planDatabases } from './databases/run.js'
import { RollbackError, errorMessage } from './errors.js'
import type { RollbackRequest } from './inputs.js'
import { LAST_SUCCESSFUL_RUN } from './inputs.js'
import type { MetadataApi, MetadataBackup } from './metadata/apply.js'
import {
  backupMetadata,
  describeInconsistency,
  inconsistentObjects,
  refusedAsInconsistent,
  replaceMetadata,
} from './metadata/apply.js'
import type { MetadataChange } from './metadata/diff.js'
import { diffMetadata, diffMetadataV3 } from './metadata/diff.js'
import { restoreMetadataCommand } from './metadata/restore.js'
import type { ConfigOverrides, ProjectConfig } from './project/config.js'
import { loadProjectConfig } from './project/config.js'
import { scanDatabaseMigrations, scanMigrations } from './project/migrations.js'
import type { StableRef } from './project/stable-ref.js'
import { firstFew } from './report/markdown.js'
import type { Progress, ReportedBackup, RollbackResult, VersionOf } from './result.js'
import { afterCommit, metadataRefused, metadataReport, noProgress, planReport, resultOf } from './result.js'
import type { ExecutionFailure } from './transport/transport.js'
import type { RollbackDeps } from './deps.js'

export async function rollback(request: RollbackRequest, deps: RollbackDeps): Promise<RollbackResult> {
  const progress = noProgress()
  try {
    return await run(request, deps, progress)
  } catch (error) {
    return resultOf(progress, 'failed', failureOf(error, progress))
  } finally {
    for (const transport of progress.transports) await transport.close()
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
  progress.configVersion = config.version
  const databases = await log.group('Read migration state', async () => {
    const opened = await openDatabases(request, deps, project, progress)
    for (const db of opened.databases) {
      const where = config.version === 3 ? ` in database ${db.database.name}` : ' on the database'
      log.info(`${db.state.applied.length} applied version(s)${where}`)
    }
    return opened
  })
  const plans = await planDatabases(request, deps, databases.databases, stable, config.version)
  progress.notes = plans.flatMap((p) => p.plan.notes)
  for (const note of progress.notes) log.notice(note)
  progress.steps = plans.flatMap((p) => planReport(p.plan, p.db.database.name))
  progress.alreadyReverted = plans.flatMap((p) => resumedVersions(p))
  const problems = plans.flatMap((p) => p.plan.problems)
  if (problems.length > 0) {
    progress.problems = problems
    return resultOf(progress, 'failed')
  }
  const metadata = await prepareMetadata(deps, config, stable, progress)
  const hasWork = plans.some((p) => p.plan.steps.length > 0 || guardOf(stable, p.db.database.name))
  if (!hasWork && !metadata) {
    log.info('Nothing to roll back: no applied version is selected')
    return resultOf(progress, 'nothing-to-roll-back')
  }
  if (metadata && stable) {
    const rolledBack = plans.map((p) => p.db.database.name)
    const elsewhere = { config, stable, sources: databases.sources, rolledBack }
    const failure = await checkDatabasesNotRolledBack(request, deps, elsewhere, progress)
    if (failure) return resultOf(progress, 'failed', failure)
  }
  const access = config.version === 3 ? catalogAccess(request, deps, config) : undefined
  const failure = await executeDatabases(request, deps, { plans, stable, access }, progress)
  if (failure) return resultOf(progress, 'failed', failure)
  if (request.dryRun) return resultOf(progress, 'dry-run')
  if (!metadata || !stable) return resultOf(progress, 'rolled-back')
  return applyMetadata(deps, metadata, stable, progress)
}

/** Versions an earlier attempt of this run reverted, when this run reverts nothing more because of it. */
function resumedVersions({ db, plan }: DatabasePlan): VersionOf[] {
  const journal = db.state.journal
  const applied = new Set(db.state.applied.map((a) => a.version))
  if (!journal || plan.steps.length > 0 || journal.versions.some((v) => applied.has(v))) return []
  return journal.versions.map((version) => ({ database: db.database.name, version }))
}

/** The metadata to apply: the server's exported as a backup before any change, and the changes. */
async function prepareMetadata(
  deps: RollbackDeps,
  config: ProjectConfig,
  stable: StableRef | undefined,
  progress: Progress,
): Promise<MetadataStep | undefined> {
  if (!stable?.metadata) return undefined
  const api = deps.metadataApi(config)
  // Exported before any change: a Hasura that cannot answer stops the run while nothing is changed.
  const exported = await deps.log.group('Back up the current metadata', () =>
    backupMetadata(api, deps.backupDir, deps.now()),
  )
  // The export asked the server's generation first: the client answers this from what it has.
  const { generation } = await api.serverVersion()
  const restoreCommand = restoreMetadataCommand(exported.path, generation)
  const backup: ReportedBackup = { ...exported, restoreCommand }
  const changes =
    stable.metadata.version === 3
      ? diffMetadataV3(backup.metadata, stable.metadata.metadata)
      : diffMetadata(backup.metadata, stable.metadata.metadata)
  progress.metadata = metadataReport(stable, backup, changes, false, [])
  return { api, backup, changes }
}

interface MetadataStep {
  readonly api: MetadataApi
  readonly backup: MetadataBackup
  readonly changes: readonly MetadataChange[]
}

async function loadProject(request: RollbackRequest, deps: RollbackDeps): Promise<Project> {
  const overrides = { endpoint: request.endpoint, adminSecret: request.adminSecret }
  const config = await loadProjectConfig(deps.files, deps.env, overrides)
  const directory = config.migrationsDirectory
  const migrations =
    config.version === 3
      ? await scanDatabaseMigrations(deps.files, directory)
      : await scanMigrations(deps.files, directory)
  const count = migrations instanceof Map ? [...migrations.values()].flat().length : migrations.length
  deps.log.info(`${count} migration(s) in ${directory}/ of the workspace`)
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

async function applyMetadata(
  deps: RollbackDeps,
  { api, backup, changes }: MetadataStep,
  stable: StableRef,
  progress: Progress,
): Promise<RollbackResult> {
  const outcome = await deps.log.group(`Apply the metadata of ${stable.sha}`, async () => {
    try {
      await replaceMetadata(api, stable.metadata!)
    } catch (error) {
      // Hasura refused it as inconsistent and keeps serving its own: nothing of the metadata changed.
      const refused = refusedAsInconsistent(error)
      if (refused) return { applied: false, inconsistent: refused }
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
    return { applied: true, inconsistent: await inconsistentObjects(api) }
  })
  const { applied, inconsistent } = outcome
  progress.metadata = metadataReport(stable, backup, changes, applied, inconsistent)
  if (inconsistent.length === 0) return resultOf(progress, 'rolled-back')
  const listed = firstFew(inconsistent.map(describeInconsistency), 'listed under Metadata in the job summary')
  const objects = `${inconsistent.length} inconsistent object(s): ${listed}`
  if (!applied)
    return resultOf(progress, 'failed', { message: metadataRefused(progress, stable.sha, objects) })
  return resultOf(progress, 'failed', {
    message: `Hasura reports ${objects} after applying the metadata of ${stable.sha}. The previous metadata is in ${backup.path}`,
  })
}
