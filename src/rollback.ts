// Orchestration of one run: project → state → plan → one transaction. Always returns a result as
// data (never throws), so outputs and the summary render from one structure.
import { RollbackError, errorMessage } from './errors.js'
import type { RollbackRequest } from './inputs.js'
import type { Log } from './log.js'
import type { Plan, Problem } from './plan.js'
import { planRollback, selectVersions } from './plan.js'
import type { ProjectConfig } from './project/config.js'
import { loadProjectConfig } from './project/config.js'
import type { ProjectFiles } from './project/files.js'
import type { DownFile } from './project/migrations.js'
import { readDown, scanMigrations } from './project/migrations.js'
import type { ExecutionFailure, StepOutcome, Transport } from './transport/transport.js'
import { migrationLabel, notExecuted } from './transport/transport.js'

export type RollbackStatus = 'rolled-back' | 'nothing-to-roll-back' | 'dry-run' | 'failed'

export interface StepReport extends StepOutcome {
  readonly name: string
  /** Project-relative down file. */
  readonly downFile: string
  readonly sql: string
}

export interface RollbackResult {
  readonly status: RollbackStatus
  readonly transport: Transport['kind'] | undefined
  /** Planned steps with what happened to each, in plan order (highest version first). */
  readonly steps: readonly StepReport[]
  /** Pre-flight refusals; non-empty means nothing was attempted. */
  readonly problems: readonly Problem[]
  readonly notes: readonly string[]
  /** Why the run failed, when it did. */
  readonly failure: ExecutionFailure | undefined
  /** True once the schema change was committed. */
  readonly committed: boolean
}

export interface RollbackDeps {
  readonly files: ProjectFiles
  readonly env: Readonly<Record<string, string | undefined>>
  readonly connect: (config: ProjectConfig) => Promise<Transport>
  readonly log: Log
}

export async function rollback(request: RollbackRequest, deps: RollbackDeps): Promise<RollbackResult> {
  let transport: Transport | undefined
  try {
    if (request.applyMetadata) {
      throw new RollbackError(
        "Input 'apply-metadata' is true, but re-applying metadata is not available yet: set 'apply-metadata: false' to revert the schema only",
      )
    }
    if (!request.selector) {
      throw new RollbackError(
        "Rolling back to a 'ref' without 'version', 'count' or 'to-version' is not available yet",
      )
    }
    const selector = request.selector
    const { log, files } = deps
    const config = await loadProjectConfig(files, deps.env, {
      endpoint: request.endpoint,
      adminSecret: request.adminSecret,
    })
    const migrations = await scanMigrations(files, config.migrationsDirectory)
    transport = await deps.connect(config)
    const connected = transport
    const state = await log.group('Read migration state', async () => {
      const s = await connected.readState()
      log.info(
        `${s.applied.length} applied version(s) on the database; ${migrations.length} migration(s) in the workspace`,
      )
      return s
    })
    const selection = selectVersions(selector, state)
    const downs = new Map<string, DownFile>()
    const byVersion = new Map(migrations.map((m) => [m.version, m]))
    for (const version of selection.versions) {
      const migration = byVersion.get(version)
      if (migration) downs.set(version, await readDown(files, migration))
    }
    const plan = planRollback({
      selection,
      state,
      migrations,
      downs,
      allowDirty: request.allowDirty,
      migrationsDirectory: config.migrationsDirectory,
    })
    for (const note of plan.notes) log.notice(note)
    const steps = planReport(plan)
    if (plan.problems.length > 0) {
      return { ...empty(transport), status: 'failed', problems: plan.problems, notes: plan.notes }
    }
    if (steps.length === 0) {
      log.info('Nothing to roll back: no applied version is selected')
      return { ...empty(transport), status: 'nothing-to-roll-back', notes: plan.notes }
    }
    log.info(`Plan: revert ${steps.map((s) => s.version).join(', ')} (highest first)`)
    const execution = await log.group(request.dryRun ? 'Rehearse the downs' : 'Revert', () =>
      connected.execute(plan.steps, {
        dryRun: request.dryRun,
        lockTimeoutSeconds: request.lockTimeoutSeconds,
        onStep: (step, outcome) =>
          log.info(`${outcome.status} ${migrationLabel(step)} in ${Math.round(outcome.durationMs ?? 0)} ms`),
      }),
    )
    const reported = steps.map((s, i) => ({ ...s, ...execution.steps[i]! }))
    const status = execution.failure ? 'failed' : request.dryRun ? 'dry-run' : 'rolled-back'
    return {
      ...empty(transport),
      status,
      steps: reported,
      notes: plan.notes,
      failure: execution.failure,
      committed: execution.committed,
    }
  } catch (error) {
    const failure =
      error instanceof RollbackError
        ? { message: error.message, file: error.file, line: error.line }
        : { message: `Unexpected error: ${errorMessage(error)}` }
    return { ...empty(transport), status: 'failed', failure }
  } finally {
    await transport?.close()
  }
}

function empty(transport: Transport | undefined): Omit<RollbackResult, 'status'> {
  return {
    transport: transport?.kind,
    steps: [],
    problems: [],
    notes: [],
    failure: undefined,
    committed: false,
  }
}

function planReport(plan: Plan): StepReport[] {
  const outcomes = notExecuted(plan.steps)
  return plan.steps.map((step, i) => ({
    ...outcomes[i]!,
    name: step.name,
    downFile: step.down.path,
    sql: step.down.sql,
  }))
}
