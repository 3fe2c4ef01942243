// The real config v3 projects of ../shared/testdata/hasura-projects-v3 behind the stand-in: each Hasura
// database its own Postgres database with the project's ups applied in version order (pgcrypto first,
// as Hasura does; 5stack's TimescaleDB call stubbed as its PROVENANCE.txt says) and the catalog state
// recorded as `hasura migrate apply` leaves it. Applied once into template databases; every case runs
// on clones (CREATE DATABASE … TEMPLATE), and the downs the action ran are checked against the same
// down files run by a plain Postgres client, one transaction each, highest version first.
import { join } from 'node:path'
import { workspaceFiles } from '../../src/project/files.js'
import type { Migration } from '../../src/project/migrations.js'
import { compareVersions, readDown, scanDatabaseMigrations } from '../../src/project/migrations.js'
import type { ActionRun } from './action-runner.js'
import { runAction } from './action-runner.js'
import { catalogText, startV3StandIn, throughHasura } from './config-v3-setup.js'
import { cleanUp } from './cleanup.js'
import type { HasuraStandIn } from './hasura-stand-in.js'
import { sqlCatalogState } from './hasura-stand-in/catalog-state.js'
import type { TestDatabase } from './postgres.js'
import { createTestDatabase } from './postgres.js'
import { testdataPath } from './testdata.js'

// hasura/tests/leagues/README.md of 5stackgg/api, as its PROVENANCE.txt quotes it.
const HYPERTABLE_STUB = `CREATE FUNCTION create_hypertable(rel text, time_col text, migrate_data boolean DEFAULT false)
  RETURNS text LANGUAGE sql AS $$ SELECT rel; $$`

export interface RealProject {
  readonly dir: string
  /** Each Hasura database's migrations, ascending. */
  readonly migrations: ReadonlyMap<string, readonly Migration[]>
  /** Template databases with every up applied, by Hasura database, and the one holding the catalog state. */
  readonly templates: Record<string, TestDatabase>
  readonly metadataTemplate: TestDatabase
  /** Drops the templates. */
  drop(): Promise<void>
}

/**
 * Loads `name` and applies its ups into template databases. The catalog state lives in the database of
 * `metadataIn`, or (undefined) in a metadata database of its own.
 */
export async function prepareRealProject(name: string, metadataIn: string | undefined): Promise<RealProject> {
  const dir = testdataPath(join('hasura-projects-v3', name))
  const files = workspaceFiles(dir)
  const migrations = await scanDatabaseMigrations(files, 'migrations')
  const templates: Record<string, TestDatabase> = {}
  const cliState: Record<string, Record<string, boolean>> = {}
  for (const [database, ms] of migrations) {
    const db = await createTestDatabase()
    templates[database] = db
    await db.session(async (client) => {
      if (name.startsWith('5stackgg')) await client.query(HYPERTABLE_STUB)
      for (const m of ms) {
        const up = m.upFile === undefined ? undefined : await files.readText(m.upFile)
        if (up?.trim()) await client.query(up)
      }
    })
    cliState[database] = Object.fromEntries(ms.map((m) => [m.version, false]))
  }
  const metadataTemplate = metadataIn ? templates[metadataIn]! : await createTestDatabase()
  await sqlCatalogState(metadataTemplate.url)
  const state = { migrations: cliState, settings: { migration_mode: 'true' }, isStateCopyCompleted: true }
  await metadataTemplate.query('UPDATE hdb_catalog.hdb_version SET cli_state = $1::jsonb', [
    JSON.stringify(state),
  ])
  const all = [...new Set([...Object.values(templates), metadataTemplate])]
  return {
    dir,
    migrations,
    templates,
    metadataTemplate,
    drop: async () => void (await Promise.all(all.map((d) => d.drop()))),
  }
}

/** A copy of `template` (no session may be connected to it meanwhile). */
export const cloneDatabase = (template: TestDatabase): Promise<TestDatabase> => createTestDatabase(template)

/** One case: clones of the project's databases behind a fresh stand-in, and the action run against it. */
export interface RealCase {
  readonly dbs: Record<string, TestDatabase>
  readonly metadataDb: TestDatabase
  readonly hasura: HasuraStandIn
  run(inputs: Record<string, string>): Promise<ActionRun>
}

/** A case on fresh clones, dropped when the test ends. */
export async function realCase(project: RealProject): Promise<RealCase> {
  const dbs: Record<string, TestDatabase> = {}
  let metadataDb: TestDatabase | undefined
  for (const [database, template] of Object.entries(project.templates)) {
    const db = await cloneDatabase(template)
    cleanUp(() => db.drop())
    dbs[database] = db
    if (template === project.metadataTemplate) metadataDb = db
  }
  if (metadataDb === undefined) {
    const own = await cloneDatabase(project.metadataTemplate)
    cleanUp(() => own.drop())
    metadataDb = own
  }
  const hasura = await startV3StandIn(dbs, metadataDb)
  cleanUp(() => hasura.close())
  return {
    dbs,
    metadataDb,
    hasura,
    run: (inputs) =>
      runAction({
        workspace: project.dir,
        inputs: { ...throughHasura(hasura), ...inputs },
        timeoutMs: 120_000,
      }),
  }
}

/**
 * What psql would leave: the down files of `versions` (highest first) run on a clone of the template,
 * each in a transaction of its own. Returns the clone's schema fingerprint.
 */
export async function reference(
  project: RealProject,
  database: string,
  versions: readonly string[],
): Promise<string[]> {
  const clone = await cloneDatabase(project.templates[database]!)
  try {
    const files = workspaceFiles(project.dir)
    const byVersion = new Map(project.migrations.get(database)!.map((m) => [m.version, m]))
    await clone.session(async (client) => {
      for (const version of [...versions].sort((a, b) => compareVersions(b, a))) {
        const down = await readDown(files, byVersion.get(version)!)
        await client.query('BEGIN')
        await client.query(down.sql)
        await client.query('COMMIT')
      }
    })
    return await fingerprint(clone)
  } finally {
    await clone.drop()
  }
}

/** The versions of `database`, highest first. */
export const newestFirst = (project: RealProject, database: string): string[] =>
  project.migrations
    .get(database)!
    .map((m) => m.version)
    .sort((a, b) => compareVersions(b, a))

/** Everything a refused run must leave as it was: each database's schema and the catalog state. */
export async function everything(c: RealCase): Promise<Record<string, unknown>> {
  const state: Record<string, unknown> = { catalog: await catalogText(c.metadataDb) }
  for (const [name, db] of Object.entries(c.dbs)) state[name] = await fingerprint(db)
  return state
}

// Every object of the user's schemas, as Postgres describes it (hdb_catalog is Hasura's and ours).
const FINGERPRINT_SQL = `
WITH s AS (SELECT oid, nspname FROM pg_namespace
           WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'hdb_catalog', 'pg_toast') AND nspname NOT LIKE 'pg_temp%' AND nspname NOT LIKE 'pg_toast_temp%')
SELECT 'schema ' || nspname FROM s
UNION ALL SELECT 'relation ' || s.nspname || '.' || c.relname || ' ' || c.relkind::text FROM pg_class c JOIN s ON s.oid = c.relnamespace
UNION ALL SELECT 'column ' || s.nspname || '.' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
    || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END || COALESCE(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN s ON s.oid = c.relnamespace
  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
  WHERE a.attnum > 0 AND NOT a.attisdropped
UNION ALL SELECT 'constraint ' || s.nspname || '.' || co.conname || ' on ' || co.conrelid::regclass::text || ' ' || pg_get_constraintdef(co.oid)
  FROM pg_constraint co JOIN s ON s.oid = co.connamespace
UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname IN (SELECT nspname FROM s)
UNION ALL SELECT 'view ' || s.nspname || '.' || c.relname || ' ' || pg_get_viewdef(c.oid) FROM pg_class c JOIN s ON s.oid = c.relnamespace WHERE c.relkind IN ('v', 'm')
UNION ALL SELECT 'function ' || s.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') ' || md5(p.prosrc)
  FROM pg_proc p JOIN s ON s.oid = p.pronamespace
UNION ALL SELECT 'trigger ' || pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN s ON s.oid = c.relnamespace WHERE NOT t.tgisinternal
UNION ALL SELECT 'type ' || s.nspname || '.' || t.typname || ' ' || t.typtype::text || COALESCE(' ' || (SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid), '')
  FROM pg_type t JOIN s ON s.oid = t.typnamespace
UNION ALL SELECT 'extension ' || extname FROM pg_extension`

/** The database's schema, one line per object, sorted: equal fingerprints, equal schemas. */
export async function fingerprint(db: TestDatabase): Promise<string[]> {
  const rows = await db.query<Record<string, string>>(FINGERPRINT_SQL)
  return rows.map((r) => Object.values(r)[0]!).sort()
}
