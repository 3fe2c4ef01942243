// The databases one run rolls back: config v2's only one, or (config v3) the Hasura sources the inputs
// select, each with its folder of migrations. Pure: the server's sources and the workspace's folders
// in, the chosen databases or one clear refusal out.
import { RollbackError } from '../errors.js'
import type { RollbackRequest } from '../inputs.js'
import { ALL_DATABASES } from '../inputs.js'
import { isRecord } from '../json.js'
import type { Migration } from '../project/migrations.js'

/** Config v2's one database, as the state and reports name it. */
export const V2_DATABASE = 'default'

/** One database a run rolls back. */
export interface Database {
  /** The Hasura source (config v3); V2_DATABASE for config v2. */
  readonly name: string
  /** Project-relative folder of its migrations in the workspace. */
  readonly migrationsDirectory: string
  readonly migrations: readonly Migration[]
}

/** A source of the server's metadata: its name and kind. */
export interface Source {
  readonly name: string
  readonly kind: string
}

/** Only these run the SQL the rollback sends (run_sql on PostgreSQL). */
const SUPPORTED_KINDS = new Set(['postgres'])

/** The sources of an export_metadata answer (version 3, possibly inside {resource_version, metadata}). */
export function sourcesOf(exported: unknown, where: string): Source[] {
  const metadata = isRecord(exported) && isRecord(exported.metadata) ? exported.metadata : exported
  const sources = isRecord(metadata) ? metadata.sources : undefined
  if (!Array.isArray(sources)) {
    throw new RollbackError(
      `${where} answered export_metadata without a list of sources: a config v3 project needs a Hasura v2.x server`,
    )
  }
  return sources.filter(isRecord).map((s) => ({ name: String(s.name), kind: String(s.kind ?? 'postgres') }))
}

/** Config v2: the one database, whatever `database-name` says but another name. */
export function v2Database(
  request: RollbackRequest,
  directory: string,
  migrations: readonly Migration[],
): Database {
  if (request.databaseName !== '' && request.databaseName !== V2_DATABASE) {
    throw new RollbackError(
      `Input 'database-name' is '${request.databaseName}', but config.yaml is config v2, which has one database: leave 'database-name' empty (or 'default')`,
    )
  }
  return { name: V2_DATABASE, migrationsDirectory: directory, migrations }
}

/**
 * Config v3: the databases to roll back. `database-name` names one (it must be a source of the
 * server), or `all`; empty means every database with a `ref` and no selector, else the only database
 * with a migrations folder. Each must be of a kind whose SQL the rollback can run.
 */
export function v3Databases(
  request: RollbackRequest,
  sources: readonly Source[],
  directory: string,
  folders: ReadonlyMap<string, readonly Migration[]>,
): Database[] {
  const names = chosenNames(request, sources, folders, directory)
  if (request.databaseUrl && names.length > 1) {
    throw new RollbackError(
      `Input 'database-url' reaches one database, but this run would roll back ${names.length} (${names.join(', ')}): set 'database-name' to the database at that URL`,
    )
  }
  return names.map((name) => {
    const kind = sources.find((s) => s.name === name)?.kind ?? 'postgres'
    if (!SUPPORTED_KINDS.has(kind)) {
      throw new RollbackError(
        `Database '${name}' is of kind ${kind}: hasura-rollback runs down migrations on PostgreSQL databases only`,
      )
    }
    return { name, migrationsDirectory: `${directory}/${name}`, migrations: folders.get(name) ?? [] }
  })
}

function chosenNames(
  request: RollbackRequest,
  sources: readonly Source[],
  folders: ReadonlyMap<string, readonly Migration[]>,
  directory: string,
): string[] {
  const known = sources.map((s) => s.name)
  const listed = `the server's databases are ${known.map((n) => `'${n}'`).join(', ') || 'none'}`
  if (request.databaseName === ALL_DATABASES || (request.databaseName === '' && !request.selector)) {
    // Every database that has migrations here, and every one whose state can say what is applied.
    return sources.filter((s) => folders.has(s.name) || SUPPORTED_KINDS.has(s.kind)).map((s) => s.name)
  }
  if (request.databaseName !== '') {
    if (!known.includes(request.databaseName)) {
      throw new RollbackError(`Input 'database-name' is '${request.databaseName}', but ${listed}`)
    }
    if (!folders.has(request.databaseName)) {
      throw new RollbackError(
        `Database '${request.databaseName}' (input 'database-name') has no migrations folder ${directory}/${request.databaseName}/ in the workspace: nothing of it can be reverted`,
      )
    }
    return [request.databaseName]
  }
  const withFolder = known.filter((name) => folders.has(name))
  if (withFolder.length === 1) return withFolder
  if (known.length === 0) {
    throw new RollbackError(
      `The server has no databases (no sources in its metadata): nothing can be reverted`,
    )
  }
  const which =
    withFolder.length === 0 ? `none of ${known.join(', ')} has` : `${withFolder.join(', ')} each have`
  throw new RollbackError(
    `Set input 'database-name': ${which} a migrations folder in ${directory}/ (or 'all' to apply 'count' to each)`,
  )
}
