// A config v2 Hasura project on disk plus its database, prepared the way `hasura migrate apply` leaves
// them: ups run in version order, one hdb_catalog.schema_migrations row per applied version.
import { compareVersions } from '../../src/project/migrations.js'
import { makeTempTree, removeAfterFile } from './fs-tree.js'
import type { TestDatabase } from './postgres.js'

export interface MigrationSpec {
  version: string
  name: string
  up: string
  /** Content of down.sql; null writes no down file. */
  down: string | null
}

/** File tree of a config v2 project holding these migrations (directory form). */
export function projectTree(
  migrations: readonly MigrationSpec[],
  config = 'version: 2\n',
): Record<string, string> {
  const tree: Record<string, string> = { 'config.yaml': config, 'metadata/version.yaml': 'version: 2\n' }
  for (const m of migrations) {
    tree[`migrations/${m.version}_${m.name}/up.sql`] = m.up
    if (m.down !== null) tree[`migrations/${m.version}_${m.name}/down.sql`] = m.down
  }
  return tree
}

/** A temp workspace holding the project at its root. */
export function writeProject(
  migrations: readonly MigrationSpec[],
  extra: Record<string, string> = {},
): Promise<string> {
  return writeWorkspace({ ...projectTree(migrations), ...extra })
}

/** A temp workspace holding `tree` (path → text) at its root. */
export async function writeWorkspace(tree: Record<string, string>): Promise<string> {
  return removeAfterFile(await makeTempTree(tree, 'hasura-rollback-ws-'))
}

export const CREATE_STATE_TABLE =
  'CREATE SCHEMA IF NOT EXISTS hdb_catalog; CREATE TABLE IF NOT EXISTS hdb_catalog.schema_migrations (version bigint not null primary key, dirty boolean not null)'

/** Runs the ups in order and records each as applied, as the CLI does. */
export async function applyUps(db: TestDatabase, migrations: readonly MigrationSpec[]): Promise<void> {
  const ordered = [...migrations].sort((a, b) => compareVersions(a.version, b.version))
  const rows = ordered.map((m) => `(${m.version}, false)`).join(', ')
  // One session: a connection per statement made hundreds of migrations slow to set up.
  await db.session(async (client) => {
    await client.query(CREATE_STATE_TABLE)
    for (const m of ordered) await client.query(m.up)
    if (rows) await client.query(`INSERT INTO hdb_catalog.schema_migrations (version, dirty) VALUES ${rows}`)
  })
}

export async function appliedVersions(db: TestDatabase): Promise<string[]> {
  const rows = await db.query<{ version: string }>(
    'SELECT version::text AS version FROM hdb_catalog.schema_migrations ORDER BY version',
  )
  return rows.map((r) => r.version)
}

/** Three releases: two tables and a column; every down is the exact inverse of its up. */
export const threeMigrations: MigrationSpec[] = [
  {
    version: '1700000000001',
    name: 'create_author',
    up: 'CREATE TABLE author (id serial PRIMARY KEY, name text NOT NULL);',
    down: 'DROP TABLE author;',
  },
  {
    version: '1700000000002',
    name: 'create_article',
    up: 'CREATE TABLE article (id serial PRIMARY KEY, author_id int REFERENCES author(id), title text);',
    down: 'DROP TABLE article;',
  },
  {
    version: '1700000000003',
    name: 'add_author_email',
    up: 'ALTER TABLE author ADD COLUMN email text;',
    down: '-- drop the column added by the up\nALTER TABLE author DROP COLUMN email;\n',
  },
]

/** The versions of threeMigrations, in order. */
export const threeVersions = threeMigrations.map((m) => m.version) as [string, string, string]

/** The tables threeMigrations leave once all three are applied, as schemaSnapshot gives them. */
export const threeTables = { article: ['id', 'author_id', 'title'], author: ['id', 'name', 'email'] }

export interface CreateTableMigrationsOptions {
  /** First version; the others follow one apart. */
  firstVersion?: bigint
  /** Each down first takes `pg_advisory_xact_lock(blockerKeyBase + i)` (i = 1-based index): a test
   * holding that key makes exactly that down wait, so a fault can strike while it runs. */
  blockerKeyBase?: number
  /** Seconds each down sleeps first: widens the window in which two runs overlap. */
  downSleepSeconds?: number
}

/** `n` create-table migrations (t01, t02, …), each down the exact inverse of its up. */
export function createTableMigrations(
  n: number,
  options: CreateTableMigrationsOptions = {},
): MigrationSpec[] {
  const first = options.firstVersion ?? 1710000000001n
  return Array.from({ length: n }, (_, i) => {
    const table = tableName(i + 1)
    const prefix = [
      options.blockerKeyBase === undefined
        ? ''
        : `SELECT pg_advisory_xact_lock(${options.blockerKeyBase + i + 1});\n`,
      options.downSleepSeconds ? `SELECT pg_sleep(${options.downSleepSeconds});\n` : '',
    ].join('')
    return {
      version: String(first + BigInt(i)),
      name: `create_${table}`,
      up: `CREATE TABLE ${table} (id int PRIMARY KEY, note text);`,
      down: `${prefix}DROP TABLE ${table};\n`,
    }
  })
}

/** Name of the table the i-th (1-based) migration of createTableMigrations creates. */
export function tableName(i: number): string {
  return `t${String(i).padStart(2, '0')}`
}
