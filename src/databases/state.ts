// The migration state of the databases a run rolls back, and how it changes. Config v2: rows of
// hdb_catalog.schema_migrations in the database itself. Config v3: the catalog state, one document for
// the whole Hasura instance — changed inside a database's rollback transaction when that database holds
// it, else written through Hasura right after COMMIT, behind a journal row that lets any later run
// finish a write that did not happen.
import type { CatalogState } from './catalog-state.js'
import {
  appliedIn,
  isStateCopyCompleted,
  migrationModeOf,
  parseCatalogState,
  withoutVersions,
} from './catalog-state.js'
import type { Database } from './select.js'
import { RollbackError, errorMessage } from '../errors.js'
import type { Log } from '../log.js'
import { compareVersions } from '../project/migrations.js'
import { versionList } from '../report/markdown.js'
import type { MetadataApi } from '../metadata/apply.js'
import type { AppliedState, Problem } from '../plan.js'
import type { JournalRow, SourceState } from '../transport/catalog-state-sql.js'
import {
  catalogStateChange,
  journalStateChange,
  markStateWrittenSql,
  parseSourceState,
  readSourceSql,
} from '../transport/catalog-state-sql.js'
import { parseStateCell, readStateSql, stateRowsChange } from '../transport/state-sql.js'
import type { StateChange, Transport } from '../transport/transport.js'
import { NO_STATE_CHANGE } from '../transport/transport.js'

/** Where a database's state lives, hence how a rollback changes it. */
export type StateStore =
  /** Config v2: its hdb_catalog.schema_migrations rows. */
  | { readonly kind: 'rows' }
  /** Config v3, this database holds the catalog state (hasura_uuid `id`): changed in the transaction. */
  | { readonly kind: 'catalog'; readonly id: string; readonly legacyRows: boolean }
  /** Config v3, the catalog state is elsewhere: written through Hasura after COMMIT. */
  | { readonly kind: 'journal'; readonly seen: readonly string[]; readonly legacyRows: boolean }

export interface DatabaseState {
  readonly database: Database
  readonly transport: Transport
  readonly state: AppliedState
  readonly store: StateStore
  /** This run's journal key for this database; undefined outside GitHub Actions. */
  readonly runKey: string | undefined
  /** What stops a rollback of this database before anything changes. */
  readonly problems: readonly Problem[]
  /**
   * Config v3: versions an earlier rollback reverted here whose catalog state write had not happened;
   * this run wrote it (a dry run only took it into account). Such a run reverts nothing more here.
   */
  readonly unwritten: readonly string[]
}

export interface CatalogAccess {
  readonly api: MetadataApi
  /** The server, for messages: "Hasura at https://…". */
  readonly where: string
  readonly log: Log
  readonly lockTimeoutSeconds: number
  /** A dry run writes nothing, not even a catalog state write an earlier rollback left undone. */
  readonly dryRun: boolean
}

/** Config v2: the one database's state rows (and this run's journal record). */
export async function readRowsState(
  database: Database,
  transport: Transport,
  runKey: string | undefined,
): Promise<DatabaseState> {
  const cell = await transport.readState(readStateSql(runKey))
  let state: AppliedState
  try {
    state = parseStateCell(cell)
  } catch (error) {
    throw new RollbackError(`The migration state query answered unexpectedly: ${errorMessage(error)}`)
  }
  return { database, transport, state, store: { kind: 'rows' }, runKey, problems: [], unwritten: [] }
}

/**
 * Config v3: what each database records (read first: a rollback it does not show committed after it),
 * then the catalog state once. A catalog state write an earlier rollback left undone is finished here,
 * before anything is planned on it.
 */
export async function readCatalogStates(
  databases: readonly { database: Database; transport: Transport; runKey: string | undefined }[],
  access: CatalogAccess,
): Promise<DatabaseState[]> {
  const sources: SourceState[] = []
  for (const { database, transport, runKey } of databases) {
    sources.push(parseSourceState(await transport.readState(readSourceSql(runKey)), database.name))
  }
  const pending = sources.map((s) => s.journalRows.filter((r) => r.statePending))
  const catalog = await finishPendingWrites(databases, pending, await readCatalog(access), access)
  return databases.map(({ database, transport, runKey }, i) => {
    const source = sources[i]!
    const state: AppliedState = {
      stateTableExists: true,
      applied: appliedIn(catalog, database.name),
      // Checked below, in the catalog state's words (plan.ts speaks of config v2's settings table).
      migrationMode: undefined,
      journal: source.journal,
    }
    // The CLI still copies config v2's rows into the catalog state once: reverted ones must go too.
    const legacyRows = !isStateCopyCompleted(catalog) && source.legacyApplied !== undefined
    const store: StateStore =
      source.metadataDbId === catalog.id
        ? { kind: 'catalog', id: catalog.id, legacyRows }
        : { kind: 'journal', seen: source.journalRows.map((r) => r.id), legacyRows }
    const problems = [...migrationsDisabled(catalog), ...uncopiedState(catalog, database.name, source)]
    const unwritten = pending[i]!.flatMap((r) => r.versions)
    return { database, transport, state, store, runKey, problems, unwritten }
  })
}

async function readCatalog(access: CatalogAccess): Promise<CatalogState> {
  const answer = await access.api.metadata({ type: 'get_catalog_state', args: {} }, { lossless: true })
  return parseCatalogState(answer, access.where)
}

/** How a rollback of `versions` changes this database's state, inside its transaction. */
export function stateChangeOf(db: DatabaseState, versions: readonly string[]): StateChange {
  switch (db.store.kind) {
    case 'rows':
      return stateRowsChange(versions)
    case 'catalog':
      return catalogStateChange(db.store.id, db.database.name, versions, db.store.legacyRows)
    case 'journal':
      return journalStateChange(db.database.name, versions, db.store.seen, db.store.legacyRows)
  }
}

/**
 * After the COMMIT of a database whose catalog state is elsewhere: the state re-read just before it is
 * written, only this database's versions removed, then the journal row marked written.
 */
export async function writeCatalogState(
  db: DatabaseState,
  reverted: readonly string[],
  access: CatalogAccess,
): Promise<void> {
  const catalog = await readCatalog(access)
  const cliState = withoutVersions(catalog, db.database.name, reverted)
  await access.api.metadata({ type: 'set_catalog_state', args: { type: 'cli', state: cliState } })
  if (db.runKey) await markWritten(db.transport, [db.runKey], access)
}

/**
 * The catalog state writes earlier rollbacks committed their downs for but did not make (journal rows
 * still pending), made now — in a dry run only applied to the state this run plans on.
 */
async function finishPendingWrites(
  databases: readonly { database: Database; transport: Transport }[],
  pending: readonly (readonly JournalRow[])[],
  catalog: CatalogState,
  access: CatalogAccess,
): Promise<CatalogState> {
  let cliState = catalog.cliState
  const finished: { transport: Transport; runKeys: string[] }[] = []
  databases.forEach(({ database, transport }, i) => {
    const rows = pending[i]!
    if (rows.length === 0) return
    const versions = rows.flatMap((r) => r.versions)
    cliState = withoutVersions({ ...catalog, cliState }, database.name, versions)
    finished.push({ transport, runKeys: rows.map((r) => r.runKey) })
  })
  if (finished.length === 0) return catalog
  if (access.dryRun) return { ...catalog, cliState }
  await access.api.metadata({ type: 'set_catalog_state', args: { type: 'cli', state: cliState } })
  for (const { transport, runKeys } of finished) await markWritten(transport, runKeys, access)
  return { ...catalog, cliState }
}

/** The journal rows' catalog state writes are done (in a transaction of their own, under the lock). */
async function markWritten(
  transport: Transport,
  runKeys: readonly string[],
  access: CatalogAccess,
): Promise<void> {
  const marked = await transport.execute([], {
    dryRun: false,
    lockTimeoutSeconds: access.lockTimeoutSeconds,
    state: NO_STATE_CHANGE,
    afterDowns: markStateWrittenSql(runKeys),
  })
  if (marked.failure) throw new RollbackError(marked.failure.message)
}

/** settings.migration_mode other than "true": the CLI refuses every migration ("Migration mode is disabled"). */
function migrationsDisabled(catalog: CatalogState): Problem[] {
  const mode = migrationModeOf(catalog)
  if (mode === undefined || mode === 'true') return []
  return [
    {
      message: `Migrations are disabled: the catalog state's settings.migration_mode is '${mode}', and the Hasura CLI refuses to migrate too`,
    },
  ]
}

/**
 * isStateCopyCompleted is false: the CLI has not yet copied config v2's state rows of this database into
 * the catalog state. Refused while a row is missing from it; nothing is lost by going on otherwise.
 */
function uncopiedState(catalog: CatalogState, database: string, source: SourceState): Problem[] {
  if (isStateCopyCompleted(catalog) || !source.legacyApplied) return []
  const applied = new Set(appliedIn(catalog, database).map((a) => a.version))
  const missing = source.legacyApplied
    .map((a) => a.version)
    .filter((v) => !applied.has(v))
    .sort(compareVersions)
  if (missing.length === 0) return []
  return [
    {
      message: `its migration state is still in hdb_catalog.schema_migrations, not yet copied into the catalog state (isStateCopyCompleted is false; ${missing.length} version(s) missing there: ${versionList(missing)}): run 'hasura scripts update-project-v3 --move-state-only' (or any 'hasura migrate' command of a v2.x CLI), then run the rollback again`,
    },
  ]
}
