// The databases of one run, from their state to their transactions: opened and read (config v2's one
// database, or config v3's sources), planned each on its own, then rolled back each in its own
// transaction — every one rehearsed before the first commits when there are several.
import { randomUUID } from 'node:crypto'
import { lossTargetsOf } from '../data-loss.js'
import type { Database, Source } from './select.js'
import { sourcesOf, v2Database, v3Databases } from './select.js'
import type { CatalogAccess, DatabaseState } from './state.js'
import { readCatalogStates, readRowsState, stateChangeOf, writeCatalogState } from './state.js'
import { errorMessage } from '../errors.js'
import type { RollbackRequest } from '../inputs.js'
import type { AppliedState, JournalRecord, Plan, Selection } from '../plan.js'
import { planRollback, selectByRef, selectVersions } from '../plan.js'
import type { ProjectConfig } from '../project/config.js'
import type { Migration } from '../project/migrations.js'
import { readDowns } from '../project/migrations.js'
import type { StableRef } from '../project/stable-ref.js'
import { formatDuration, versionList } from '../report/markdown.js'
import type { DatabaseOutcome, Progress } from '../result.js'
import { planReport, withOutcomes } from '../result.js'
import { guardSql } from '../transport/guard-sql.js'
import { writeJournalSql } from '../transport/journal-sql.js'
import type { ExecutionFailure } from '../transport/transport.js'
import { migrationLabel } from '../transport/transport.js'
import type { RollbackDeps } from '../deps.js'

/** The workspace project and the stable ref, as loaded before anything is asked of a database. */
export interface Project {
  readonly config: ProjectConfig
  /** Config v2: its migrations folder; config v3: each database folder's migrations. */
  readonly migrations: readonly Migration[] | ReadonlyMap<string, readonly Migration[]>
  readonly stable: StableRef | undefined
}

export interface DatabasePlan {
  readonly db: DatabaseState
  readonly plan: Plan
}

/** The databases of a run, and (config v3) every source the server has: the stable metadata names them. */
export interface OpenedDatabases {
  readonly databases: DatabaseState[]
  readonly sources: readonly Source[]
}

/** Connects to each database of the run and reads its state; config v3 asks the server for its sources. */
export async function openDatabases(
  request: RollbackRequest,
  deps: RollbackDeps,
  project: Project,
  progress: Progress,
): Promise<OpenedDatabases> {
  const { config } = project
  const connect = async (database: Database) => {
    const transport = await deps.connect(config, config.version === 3 ? database.name : undefined)
    progress.transports.push(transport)
    return transport
  }
  if (!(project.migrations instanceof Map)) {
    const database = v2Database(request, config.migrationsDirectory, project.migrations as Migration[])
    return { databases: [await readRowsState(database, await connect(database), deps.run?.key)], sources: [] }
  }
  const access = catalogAccess(request, deps, config)
  const exported = await access.api.metadata({ type: 'export_metadata', args: {} })
  const sources = sourcesOf(exported, access.where)
  const databases = v3Databases(request, sources, config.migrationsDirectory, project.migrations)
  // Config v3 always keeps a journal row: without one, a catalog state write cut short could not be finished.
  const runKey = deps.run?.key ?? `local/${randomUUID()}`
  const opened = []
  for (const database of databases) {
    opened.push({ database, transport: await connect(database), runKey: `${runKey}#${database.name}` })
  }
  return { databases: await readCatalogStates(opened, access), sources }
}

export function catalogAccess(
  request: RollbackRequest,
  deps: RollbackDeps,
  config: ProjectConfig,
): CatalogAccess {
  return {
    api: deps.metadataApi(config),
    where: `Hasura at ${config.endpoint}`,
    log: deps.log,
    lockTimeoutSeconds: request.lockTimeoutSeconds,
    dryRun: request.dryRun,
  }
}

/** Each database's selection and pre-flight; a v3 database's problems name it. */
export async function planDatabases(
  request: RollbackRequest,
  deps: RollbackDeps,
  databases: readonly DatabaseState[],
  stable: StableRef | undefined,
  configVersion: 2 | 3,
): Promise<DatabasePlan[]> {
  const plans: DatabasePlan[] = []
  for (const db of databases) {
    const resumed = resumedAttempt(db.state)
    const selection = resumed
      ? resumedSelection(resumed)
      : db.unwritten.length > 0
        ? unwrittenSelection(db.unwritten, request.dryRun)
        : select(request, db, stable)
    const { migrations, migrationsDirectory } = db.database
    const downs = await readDowns(deps.files, migrations, selection.versions)
    const { allowDirty } = request
    const plan = planRollback({
      selection,
      state: db.state,
      migrations,
      downs,
      allowDirty,
      migrationsDirectory,
      stateName: configVersion === 3 ? 'the catalog state' : 'hdb_catalog.schema_migrations',
    })
    const named = (message: string) =>
      configVersion === 3 ? `Database ${db.database.name}: ${message}` : message
    const problems = [...db.problems, ...plan.problems].map((p) => ({ ...p, message: named(p.message) }))
    plans.push({
      db,
      plan: { ...plan, problems, notes: plan.notes.map(named), steps: problems.length ? [] : plan.steps },
    })
  }
  return plans
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

/**
 * An earlier rollback committed the downs of `versions` but not their catalog state write: the run that
 * finds it writes it and reverts nothing more, so running again after such a failure never reverts
 * more than was asked for then.
 */
function unwrittenSelection(versions: readonly string[], dryRun: boolean): Selection {
  const written = dryRun ? 'a run that is not a dry run writes it' : 'this run wrote it'
  return {
    versions: [],
    problems: [],
    notes: [
      `An earlier rollback reverted ${versionList(versions)} but did not write the catalog state: ${written} and reverts nothing more; run the rollback again to revert more`,
    ],
  }
}

function select(request: RollbackRequest, db: DatabaseState, stable: StableRef | undefined): Selection {
  if (request.selector) return selectVersions(request.selector, db.state)
  const atRef = stable?.migrations?.get(db.database.name) ?? []
  return selectByRef(db.state, new Set(atRef.map((m) => m.version)), request.ref)
}

/** The guard of a database: what the stable metadata needs there, checked in its transaction. */
export function guardOf(stable: StableRef | undefined, database: string): string | undefined {
  const required = stable?.required?.get(database)?.required
  return required && guardSql(required)
}

/**
 * Rolls back each database that has downs to run or a guard to check: one transaction each. With
 * several, every transaction is first rehearsed (run and rolled back), so none commits unless all can.
 */
export async function executeDatabases(
  request: RollbackRequest,
  deps: RollbackDeps,
  run: { plans: readonly DatabasePlan[]; stable: StableRef | undefined; access: CatalogAccess | undefined },
  progress: Progress,
): Promise<ExecutionFailure | undefined> {
  const { stable } = run
  const work = run.plans.filter((p) => p.plan.steps.length > 0 || guardOf(stable, p.db.database.name))
  if (work.length > 1 && !request.dryRun) {
    for (const p of work) {
      const { failure } = await executeDatabase(request, deps, p, run, progress, true)
      if (failure) return failure
    }
    // Rehearsed, not yet run: each step starts again from not executed.
    progress.steps = run.plans.flatMap((p) => planReport(p.plan, p.db.database.name))
  }
  const committed: string[] = []
  for (const [i, p] of work.entries()) {
    const { failure, committed: done } = await executeDatabase(
      request,
      deps,
      p,
      run,
      progress,
      request.dryRun,
    )
    if (done) committed.push(p.db.database.name)
    if (failure && work.length === 1) return failure
    if (failure) return partlyRolledBack(committed, work.slice(i + (done ? 1 : 0)), failure)
  }
  return undefined
}

/** One database's transaction (a rehearsal when `dryRun`), then its catalog state write if it is elsewhere. */
async function executeDatabase(
  request: RollbackRequest,
  deps: RollbackDeps,
  { db, plan }: DatabasePlan,
  { stable, access }: { stable: StableRef | undefined; access: CatalogAccess | undefined },
  progress: Progress,
  dryRun: boolean,
): Promise<{ failure: ExecutionFailure | undefined; committed: boolean }> {
  const { log } = deps
  const name = db.database.name
  const versions = plan.steps.map((s) => s.version)
  const label = progress.configVersion === 3 ? ` database ${name}` : ''
  if (versions.length > 0)
    log.info(`Plan${label}: revert ${versions.length} migration(s), highest first: ${versionList(versions)}`)
  const started = deps.now().getTime()
  const execution = await log.group(`${dryRun ? 'Rehearse the rollback' : 'Revert'}${label}`, async () => {
    const targets = lossTargetsOf(plan.steps)
    const ran = await db.transport.execute(plan.steps, {
      dryRun,
      lockTimeoutSeconds: request.lockTimeoutSeconds,
      state: stateChangeOf(db, versions),
      afterDowns: afterDownsSql(deps, db, versions, stable, dryRun),
      dataLoss: { targets, refuse: request.dataLoss === 'refuse' },
    })
    const measured = targets.map((t, i) => ({ ...t, database: name, count: ran.dataLoss?.[i] }))
    progress.dataLoss = [...progress.dataLoss.filter((d) => d.database !== name), ...measured]
    const others = progress.steps.filter((s) => s.database !== name)
    progress.steps = [...others, ...withOutcomes(planReport(plan, name), ran.steps)]
    for (const s of progress.steps.filter((s) => s.database === name)) {
      log.info(
        `${s.status} ${migrationLabel(s)}${s.durationMs === undefined ? '' : ` in ${formatDuration(s.durationMs)}`}`,
      )
    }
    return ran
  })
  const verb = dryRun ? 'rehearsed' : execution.committed ? 'reverted' : 'undone'
  const done = execution.steps.filter((s) => s.status === 'reverted' || s.status === 'rehearsed').length
  const took = deps.now().getTime() - started
  log.info(`Total: ${done} of ${versions.length} migration(s) ${verb} in ${took} ms (one transaction)`)
  if (execution.committed) progress.committed = true
  const outcome = await writeStateAfterCommit(db, versions, execution.committed, access)
  progress.databases = [...progress.databases.filter((d) => d.name !== name), outcome.database]
  return { failure: execution.failure ?? outcome.failure, committed: execution.committed }
}

function afterDownsSql(
  deps: RollbackDeps,
  db: DatabaseState,
  versions: readonly string[],
  stable: StableRef | undefined,
  dryRun: boolean,
): string | undefined {
  const journal =
    db.runKey && versions.length > 0 && !dryRun
      ? writeJournalSql({
          runKey: db.runKey,
          attempt: deps.run?.attempt ?? 1,
          versions,
          metadataSha: stable?.metadata ? stable.sha : undefined,
          database: db.store.kind === 'rows' ? undefined : db.database.name,
          statePending: db.store.kind === 'journal',
        })
      : ''
  return [guardOf(stable, db.database.name), journal].filter(Boolean).join(';\n') || undefined
}

/** The catalog state write after COMMIT of a database whose state is held elsewhere. */
async function writeStateAfterCommit(
  db: DatabaseState,
  versions: readonly string[],
  committed: boolean,
  access: CatalogAccess | undefined,
): Promise<{ database: DatabaseOutcome; failure?: ExecutionFailure }> {
  const name = db.database.name
  if (!committed || db.store.kind !== 'journal' || versions.length === 0 || !access) {
    return { database: { name, committed } }
  }
  try {
    await writeCatalogState(db, versions, access)
    return { database: { name, committed, stateWrite: 'written' } }
  } catch (error) {
    const message = `The downs of database ${name} were committed (reverted ${versionList(versions)}), but writing the catalog state through Hasura failed: ${errorMessage(error)}. Run the rollback again: it finishes the write and reverts nothing more`
    return { database: { name, committed, stateWrite: 'failed' }, failure: { message } }
  }
}

/** A database's rollback failed among several: say exactly which were rolled back and which were not. */
function partlyRolledBack(
  committed: readonly string[],
  notRolledBack: readonly DatabasePlan[],
  failure: ExecutionFailure,
): ExecutionFailure {
  const rolledBack =
    committed.length > 0 ? `Rolled back database(s) ${committed.join(', ')}` : 'Rolled back no database'
  const rest = notRolledBack.map((p) => p.db.database.name)
  const notYet = rest.length > 0 ? `; not rolled back: ${rest.join(', ')}` : ''
  const again =
    rest.length > 0 ? 'Run the rollback again to roll back the rest: what is rolled back stays so' : ''
  return { ...failure, message: `${rolledBack}${notYet}. ${failure.message}${again ? `. ${again}` : ''}` }
}
