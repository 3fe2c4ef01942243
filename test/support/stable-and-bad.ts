// A config v2 project in git with a stable release and a bad one that adds many migrations:
//   v1 (tag):  author (one migration), metadata tracks author
//   HEAD:      + the given migrations, metadata tracks author and every table they create
// The workspace is a shallow clone of HEAD. Used by fault, race and secret tests with `ref: v1`.
import { stringify } from 'yaml'
import type { GitRepo } from './git-fixture.js'
import { cloneRepo, createRepo } from './git-fixture.js'
import type { MigrationSpec } from './hasura-project.js'
import { projectTree, threeMigrations } from './hasura-project.js'

export const PROJECT_DIR = 'hasura'
export const baseMigration = threeMigrations[0]!

const tracked = (name: string) => ({ table: { schema: 'public', name } })

function release(migrations: MigrationSpec[], tables: unknown[]): Record<string, string> {
  const files: Record<string, string> = {}
  for (const [path, content] of Object.entries(projectTree(migrations)))
    files[`${PROJECT_DIR}/${path}`] = content
  files[`${PROJECT_DIR}/metadata/tables.yaml`] = stringify(tables)
  return files
}

export interface StableAndBad {
  workspace: GitRepo
  stableSha: string
  /** Every migration of HEAD, the base one first. */
  allMigrations: MigrationSpec[]
  stableMetadata: { version: 2; tables: unknown[] }
  badMetadata: { version: 2; tables: unknown[] }
}

/** `added` must create tables named by `tables` (e.g. createTableMigrations and tableName). */
export async function stableAndBad(added: MigrationSpec[], tables: string[]): Promise<StableAndBad> {
  const stableTables = [tracked('author')]
  const badTables = [...stableTables, ...tables.map(tracked)]
  const origin = await createRepo(release([baseMigration], stableTables))
  const stableSha = await origin.git('rev-parse', 'HEAD')
  await origin.tag('v1')
  const allMigrations = [baseMigration, ...added]
  await origin.commit('bad release', release(allMigrations, badTables))
  const workspace = await cloneRepo(origin, { depth: 1 })
  return {
    workspace,
    stableSha,
    allMigrations,
    stableMetadata: { version: 2, tables: stableTables },
    badMetadata: { version: 2, tables: badTables },
  }
}
