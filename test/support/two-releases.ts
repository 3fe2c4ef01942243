// A config v2 project in a git repository with two releases, the second one bad:
//   v1 (tag, stable): author table tracked, select permission on id, name
//   HEAD (bad):       + article table with a relationship to author, + author.email in the permission
// The workspace is a shallow clone of HEAD, as actions/checkout makes it. With `added`, HEAD instead adds
// those migrations to the stable one and tracks every table they create (fault tests: many migrations).
import { stringify } from 'yaml'
import type { GitRepo } from './git-fixture.js'
import { cloneRepo, createRepo } from './git-fixture.js'
import type { MigrationSpec } from './hasura-project.js'
import { projectTree, threeMigrations } from './hasura-project.js'

export const PROJECT_DIR = 'hasura'

const author = (columns: string[]) => ({
  table: { schema: 'public', name: 'author' },
  select_permissions: [{ role: 'user', permission: { columns, filter: {} } }],
})

export const stableTables = [author(['id', 'name'])]
export const badTables = [
  {
    ...author(['id', 'name', 'email']),
    array_relationships: [
      {
        name: 'articles',
        using: {
          foreign_key_constraint_on: { table: { schema: 'public', name: 'article' }, column: 'author_id' },
        },
      },
    ],
  },
  {
    table: { schema: 'public', name: 'article' },
    object_relationships: [{ name: 'author', using: { foreign_key_constraint_on: 'author_id' } }],
  },
]

/** The metadata a v1.x server (or a v2.x export with version 2) holds after the bad release. */
export const badMetadata = { version: 2, tables: badTables }

function release(migrations: MigrationSpec[], tables: unknown[]): Record<string, string> {
  const files: Record<string, string> = {}
  for (const [path, content] of Object.entries(projectTree(migrations)))
    files[`${PROJECT_DIR}/${path}`] = content
  files[`${PROJECT_DIR}/metadata/tables.yaml`] = stringify(tables)
  return files
}

const tracked = (name: string) => ({ table: { schema: 'public', name } })

export interface TwoReleasesOptions {
  /** Clone depth of the workspace; default 1. */
  depth?: number
  /** The bad release's changes instead of the default ones: `tables` names every table `migrations` create. */
  added?: { migrations: MigrationSpec[]; tables: string[] }
}

export interface TwoReleases {
  origin: GitRepo
  workspace: GitRepo
  stableSha: string
  badSha: string
  /** The stable release's migrations (the first one) and the bad release's (all of them). */
  stableMigrations: MigrationSpec[]
  allMigrations: MigrationSpec[]
  stableMetadata: { version: 2; tables: unknown[] }
  /** What the server holds after the bad release was applied. */
  badMetadata: { version: 2; tables: unknown[] }
}

export async function twoReleases(options: TwoReleasesOptions = {}): Promise<TwoReleases> {
  const stableMigrations = threeMigrations.slice(0, 1)
  const { added } = options
  const allMigrations = added ? [...stableMigrations, ...added.migrations] : threeMigrations
  const releaseTables = added ? [...stableTables, ...added.tables.map(tracked)] : badTables
  const origin = await createRepo(release(stableMigrations, stableTables))
  const stableSha = await origin.git('rev-parse', 'HEAD')
  await origin.tag('v1')
  await origin.git('branch', 'stable')
  const badSha = await origin.commit(
    added ? 'bad release: more tables' : 'release 2: articles and author emails',
    release(allMigrations, releaseTables),
  )
  const workspace = await cloneRepo(origin, { depth: options.depth ?? 1 })
  return {
    origin,
    workspace,
    stableSha,
    badSha,
    stableMigrations,
    allMigrations,
    stableMetadata: { version: 2, tables: stableTables },
    badMetadata: { version: 2, tables: releaseTables },
  }
}
