// Pure planning: which applied versions a selector reverts, in what order, and every reason the
// rollback cannot proceed — all decided before anything changes (the CLI finds a missing down file
// only when it reaches it, half way through).
import type { Selector } from './inputs.js'
import type { DownFile, DownVerdict, Migration } from './project/migrations.js'
import { compareVersions } from './project/migrations.js'
import { scriptEnding, splitStatements } from './sql/statements.js'

export interface AppliedVersion {
  readonly version: string
  readonly dirty: boolean
}

/** Migration state as read from the database (hdb_catalog). */
export interface AppliedState {
  /** False when hdb_catalog.schema_migrations does not exist: nothing was ever applied. */
  readonly stateTableExists: boolean
  /** Applied versions, any order. */
  readonly applied: readonly AppliedVersion[]
  /** hdb_catalog.migration_settings 'migration_mode'; undefined when the row (or table) is missing. */
  readonly migrationMode: string | undefined
  /** This run's journal record (transport/state-sql.ts): an earlier attempt committed these downs. */
  readonly journal?: JournalRecord
}

/** What an earlier attempt of this workflow run recorded in the rollback transaction it committed. */
export interface JournalRecord {
  /** Versions it reverted, in the order reverted. */
  readonly versions: readonly string[]
  /** The commit whose metadata was to follow; '' when none. */
  readonly metadataSha: string
  /** GITHUB_RUN_ATTEMPT of that attempt; undefined in records of older releases. */
  readonly attempt: number | undefined
}

/** One reason the rollback cannot proceed; `file` (project-relative) places the annotation. */
export interface Problem {
  readonly message: string
  readonly version?: string
  readonly file?: string
}

export interface PlannedStep {
  readonly version: string
  readonly name: string
  readonly down: DownFile
}

export interface Plan {
  /** Highest version first, the order the downs run in. */
  readonly steps: readonly PlannedStep[]
  readonly problems: readonly Problem[]
  /** Said in the log and summary when nothing is selected (e.g. no state table). */
  readonly notes: readonly string[]
}

export interface Selection {
  /** Versions to revert, highest first. */
  readonly versions: readonly string[]
  readonly problems: readonly Problem[]
  readonly notes: readonly string[]
}

const NO_STATE_TABLE =
  'hdb_catalog.schema_migrations does not exist: no migration is applied on this database'

export function selectVersions(selector: Selector, state: AppliedState): Selection {
  const appliedDesc = state.applied.map((a) => a.version).sort((a, b) => compareVersions(b, a))
  const notes = state.stateTableExists ? [] : [NO_STATE_TABLE]
  switch (selector.kind) {
    case 'version': {
      if (appliedDesc.includes(selector.version)) return { versions: [selector.version], problems: [], notes }
      const why = state.stateTableExists ? '' : ` (${NO_STATE_TABLE})`
      const message = `Version ${selector.version} (input 'version') is not applied on the database${why}`
      return { versions: [], problems: [{ message, version: selector.version }], notes }
    }
    case 'count': {
      const { count } = selector
      if (count !== 'all' && appliedDesc.length > 0 && count > appliedDesc.length) {
        const message = `Input 'count' is ${count} but only ${appliedDesc.length} version(s) are applied: nothing was reverted`
        return { versions: [], problems: [{ message }], notes }
      }
      return { versions: count === 'all' ? appliedDesc : appliedDesc.slice(0, count), problems: [], notes }
    }
    case 'to-version': {
      if (!appliedDesc.includes(selector.version)) {
        const message = `Version ${selector.version} (input 'to-version') is not applied on the database, so it cannot stay as the newest applied version`
        return { versions: [], problems: [{ message, version: selector.version }], notes }
      }
      const above = appliedDesc.filter((v) => compareVersions(v, selector.version) > 0)
      return { versions: above, problems: [], notes }
    }
  }
}

/**
 * Rollback to a stable ref: every applied version whose migration the ref lacks, highest first. The
 * ref's versions missing from the database are reported, not touched (applying is not our job).
 */
export function selectByRef(state: AppliedState, refVersions: ReadonlySet<string>, ref: string): Selection {
  const applied = new Set(state.applied.map((a) => a.version))
  const versions = [...applied].filter((v) => !refVersions.has(v)).sort((a, b) => compareVersions(b, a))
  const notApplied = [...refVersions].filter((v) => !applied.has(v)).sort(compareVersions)
  const notes = state.stateTableExists ? [] : [NO_STATE_TABLE]
  if (notApplied.length > 0) {
    notes.push(
      `Ref '${ref}' has ${notApplied.length} migration(s) not applied on the database (left as they are): ${notApplied.join(', ')}`,
    )
  }
  return { versions, problems: [], notes }
}

export interface PlanInput {
  readonly selection: Selection
  readonly state: AppliedState
  /** Workspace migrations (from scanMigrations). */
  readonly migrations: readonly Migration[]
  /** Down files of the selected versions that have a migration in the workspace. */
  readonly downs: ReadonlyMap<string, DownFile>
  readonly allowDirty: boolean
  /** Workspace-relative migrations directory, for messages. */
  readonly migrationsDirectory: string
  /** Where the migration state lives, for messages: 'hdb_catalog.schema_migrations' or 'the catalog state'. */
  readonly stateName: string
}

const DOWN_VERDICT_PROBLEM: Readonly<Record<DownVerdict, string | undefined>> = {
  runnable: undefined,
  'no-op': undefined,
  missing: 'has no down.sql',
  empty: 'has an empty down.sql',
  placeholder: 'has a down.sql holding only comments (the Console placeholder): write the down migration',
}

/** Pre-flight of every selected version; the plan has steps only when there is no problem. */
export function planRollback(input: PlanInput): Plan {
  const { selection, state } = input
  const problems: Problem[] = [...selection.problems]
  if (state.migrationMode !== undefined && state.migrationMode !== 'true') {
    problems.push({
      message: `Migrations are disabled on this database (hdb_catalog.migration_settings migration_mode is '${state.migrationMode}'), as the Hasura CLI would refuse`,
    })
  }
  const byVersion = new Map(input.migrations.map((m) => [m.version, m]))
  const dirty = new Set(state.applied.filter((a) => a.dirty).map((a) => a.version))
  const steps: PlannedStep[] = []
  for (const version of selection.versions) {
    const migration = byVersion.get(version)
    if (!migration) {
      problems.push({
        version,
        message: `Version ${version} is applied but has no migration in ${input.migrationsDirectory}/ of the workspace: its down SQL is unknown`,
      })
      continue
    }
    const label = `Migration ${version}${migration.name ? `_${migration.name}` : ''}`
    if (dirty.has(version) && !input.allowDirty) {
      problems.push({
        version,
        message: `${label} is marked dirty in ${input.stateName}: fix the database, or set 'allow-dirty: true' to revert it anyway`,
      })
    }
    const down = input.downs.get(version)
    const downProblem = DOWN_VERDICT_PROBLEM[down?.verdict ?? 'missing']
    if (!down || downProblem) {
      const file = down?.path || migration.downFile || migration.upFile
      problems.push({ version, file, message: `${label} ${downProblem ?? DOWN_VERDICT_PROBLEM.missing}` })
      continue
    }
    const unsafe = transactionProblem(down)
    if (unsafe) {
      problems.push({ version, file: down.path, message: `${label}: ${unsafe}` })
      continue
    }
    if (down.noTransaction) {
      problems.push({
        version,
        file: down.path,
        message: `${label}: ${down.path} is marked '-- hasura:no-transaction' and cannot run inside the rollback transaction`,
      })
      continue
    }
    steps.push({ version, name: migration.name, down })
  }
  return { steps: problems.length > 0 ? [] : steps, problems, notes: selection.notes }
}

const TRANSACTION_CONTROL = /^(begin|commit|rollback|end|abort|start\s+transaction|prepare\s+transaction)\b/i

/**
 * A down that controls the transaction itself (COMMIT, BEGIN…) would end the one rollback
 * transaction half way; one that ends inside a quote or comment would swallow the next file.
 */
function transactionProblem(down: DownFile): string | undefined {
  try {
    scriptEnding(down.scan, down.path)
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
  const control = splitStatements(down.scan).find((s) => TRANSACTION_CONTROL.test(s.text.trim()))
  if (!control) return undefined
  const word = control.text.trim().split(/\s+/)[0]!.toUpperCase()
  return `${down.path}:${control.startLine} has ${word}, which would end the rollback transaction half way: remove it (the rollback runs in one transaction)`
}
