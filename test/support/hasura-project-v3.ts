// A config v3 Hasura project on disk plus its server, prepared the way `hasura migrate apply
// --database-name DB` leaves them: each database's ups run in version order through run_sql on that
// source, each recorded in the catalog state (migrations[DB][version] = false) read and written whole
// through get_catalog_state / set_catalog_state, as the CLI does.
import { stringify } from 'yaml'
import { compareVersions } from '../../src/project/migrations.js'
import { scanStatements } from '../../src/sql/scan.js'
import { scriptEnding } from '../../src/sql/statements.js'
import type { HasuraServer } from './hasura-requests.js'
import { post, runSql } from './hasura-requests.js'
import type { MigrationSpec } from './hasura-project.js'
import type { CatalogState } from './hasura-stand-in.js'
import { sourceConfiguration } from './hasura-stand-in/sources.js'

export interface DatabaseSpec {
  /** The source's name (`migrations/<name>/`, `metadata/databases/<name>/`). */
  name: string
  /** Default 'postgres'. */
  kind?: string
  /** Default: the stand-in's configuration for a source of that name (database URL from the environment). */
  configuration?: Record<string, unknown>
  migrations?: readonly MigrationSpec[]
  /** Table entries of the source's metadata ({table: {schema, name}, …}). */
  tables?: readonly Record<string, unknown>[]
  functions?: readonly Record<string, unknown>[]
}

type QualifiedName = { schema?: string; name: string } | string

const tableFile = (table: QualifiedName) =>
  typeof table === 'string' ? `public_${table}.yaml` : `${table.schema ?? 'public'}_${table.name}.yaml`

/** One source as metadata version 3 has it (tables and functions inline). */
function sourceMetadata(db: DatabaseSpec): Record<string, unknown> {
  return {
    name: db.name,
    kind: db.kind ?? 'postgres',
    tables: db.tables ?? [],
    ...(db.functions?.length ? { functions: db.functions } : {}),
    configuration: db.configuration ?? sourceConfiguration(db.name),
  }
}

/** The version-3 metadata object the project's metadata directory holds. */
export function metadataV3(databases: readonly DatabaseSpec[]): Record<string, unknown> {
  return { version: 3, sources: databases.map(sourceMetadata) }
}

/** metadata/databases/ as `hasura metadata export` writes it: one file per table, joined by !include. */
function databasesTree(databases: readonly DatabaseSpec[]): Record<string, string> {
  const tree: Record<string, string> = {}
  const entries = databases.map((db) => {
    const folder = `metadata/databases/${db.name}`
    const tables = db.tables ?? []
    const files = tables.map((t) => tableFile(t.table as QualifiedName))
    tables.forEach((t, i) => (tree[`${folder}/tables/${files[i]}`] = stringify(t)))
    tree[`${folder}/tables/tables.yaml`] = stringify(files.map((f) => `!include ${f}`))
    const entry: Record<string, unknown> = {
      ...sourceMetadata(db),
      tables: `!include ${db.name}/tables/tables.yaml`,
    }
    if (db.functions?.length) {
      tree[`${folder}/functions/functions.yaml`] = stringify(db.functions)
      entry.functions = `!include ${db.name}/functions/functions.yaml`
    }
    return entry
  })
  tree['metadata/databases/databases.yaml'] = stringify(entries)
  return tree
}

/** File tree of a config v3 project: migrations per database (directory form) and its metadata. */
export function projectTreeV3(
  databases: readonly DatabaseSpec[],
  config = 'version: 3\n',
): Record<string, string> {
  const tree: Record<string, string> = {
    'config.yaml': config,
    'metadata/version.yaml': 'version: 3\n',
    ...databasesTree(databases),
  }
  for (const db of databases) {
    for (const m of db.migrations ?? []) {
      const folder = `migrations/${db.name}/${m.version}_${m.name}`
      tree[`${folder}/up.sql`] = m.up
      if (m.down !== null) tree[`${folder}/down.sql`] = m.down
    }
  }
  return tree
}

/** The answer of a query that must succeed. */
async function answer(server: HasuraServer, path: string, body: unknown): Promise<unknown> {
  const { status, body: answered } = await post(server, path, body)
  if (status !== 200) throw new Error(`${path} answered ${status}: ${JSON.stringify(answered)}`)
  return answered
}

export async function getCatalogState(server: HasuraServer): Promise<CatalogState> {
  return (await answer(server, '/v1/metadata', { type: 'get_catalog_state', args: {} })) as CatalogState
}

export async function setCliState(server: HasuraServer, state: unknown): Promise<void> {
  await answer(server, '/v1/metadata', { type: 'set_catalog_state', args: { type: 'cli', state } })
}

/** Versions recorded as applied for `database` in a cli_state document, in numeric order. */
export function appliedVersionsV3(cliState: unknown, database: string): string[] {
  const migrations = (cliState as { migrations?: Record<string, Record<string, boolean>> }).migrations
  return Object.keys(migrations?.[database] ?? {}).sort(compareVersions)
}

/**
 * Runs the ups in version order on source `database` and records each as applied, leaving what the
 * CLI leaves: the whole cli_state read, changed and written back (keeping every other key). Its
 * requests are recorded by the stand-in like any other.
 */
export async function applyUpsV3(
  server: HasuraServer,
  database: string,
  migrations: readonly MigrationSpec[],
): Promise<void> {
  const ordered = [...migrations].sort((a, b) => compareVersions(a.version, b.version))
  if (ordered.length === 0) return
  // The end state the CLI leaves, reached in two requests instead of three per version: every up in
  // one run_sql, then every version recorded in one read and write of the catalog state.
  const upFile = (m: MigrationSpec) => `migrations/${database}/${m.version}_${m.name}/up.sql`
  const sql = ordered.map((m) => m.up + scriptEnding(scanStatements(m.up), upFile(m))).join('')
  await answer(server, '/v2/query', runSql(sql, { source: database }))
  const state = (await getCatalogState(server)).cli_state as Record<string, unknown>
  const migrationsByDb = (state.migrations ?? {}) as Record<string, Record<string, boolean>>
  const settings = (state.settings ?? {}) as Record<string, unknown>
  const added = Object.fromEntries(ordered.map((m) => [m.version, false]))
  await setCliState(server, {
    ...state,
    migrations: { ...migrationsByDb, [database]: { ...migrationsByDb[database], ...added } },
    settings: { migration_mode: 'true', ...settings },
    isStateCopyCompleted: true,
  })
}
