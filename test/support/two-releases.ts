// A config v2 project in a git repository with two releases, the second one bad:
//   v1 (tag, stable): author table tracked, select permission on id, name
//   HEAD (bad):       + article table with a relationship to author, + author.email in the permission
// The workspace is a shallow clone of HEAD, as actions/checkout makes it.
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

export interface TwoReleases {
  origin: GitRepo
  workspace: GitRepo
  stableSha: string
  badSha: string
  /** The stable release's migrations (the first one) and the bad release's (all three). */
  stableMigrations: MigrationSpec[]
  allMigrations: MigrationSpec[]
}

export async function twoReleases(options: { depth?: number } = { depth: 1 }): Promise<TwoReleases> {
  const stableMigrations = threeMigrations.slice(0, 1)
  const origin = await createRepo(release(stableMigrations, stableTables))
  const stableSha = await origin.git('rev-parse', 'HEAD')
  await origin.tag('v1')
  await origin.git('branch', 'stable')
  const badSha = await origin.commit(
    'release 2: articles and author emails',
    release(threeMigrations, badTables),
  )
  const workspace = await cloneRepo(origin, options)
  return { origin, workspace, stableSha, badSha, stableMigrations, allMigrations: threeMigrations }
}
