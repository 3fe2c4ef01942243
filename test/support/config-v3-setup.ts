// A config v3 project behind the stand-in, for the end-to-end tests: each database its own Postgres
// database with its ups applied as the CLI applies them, the catalog state in the database of one of
// them or in a metadata database of its own, and the bundled action run against it through Hasura or
// (input database-url) straight on one database.
import { compareVersions } from '../../src/project/migrations.js'
import type { ActionRun } from './action-runner.js'
import { runAction } from './action-runner.js'
import type { DatabaseSpec } from './hasura-project-v3.js'
import { createTableMigrations, writeWorkspace } from './hasura-project.js'
import { applyUpsV3, projectTreeV3 } from './hasura-project-v3.js'
import type { HasuraStandIn } from './hasura-stand-in.js'
import { startHasuraStandIn } from './hasura-stand-in.js'
import type { SourceKind } from './hasura-stand-in/sources.js'
import type { TestDatabase } from './postgres.js'
import { createTestDatabase } from './postgres.js'
import { cleanUp } from './cleanup.js'

export const V3_SECRET = 'v3-admin-secret-5b1f'

/** A GitHub Actions run of the rollback step: the journal key is the same on every attempt. */
export const RUN_ENV = {
  GITHUB_RUN_ID: '9100',
  GITHUB_REPOSITORY: 'acme/app',
  GITHUB_JOB: 'rollback',
  GITHUB_ACTION: 'hasura-rollback',
}

export interface V3Setup {
  readonly hasura: HasuraStandIn
  readonly dbs: Record<string, TestDatabase>
  /** The database holding hdb_catalog.hdb_version (one of `dbs`, or its own). */
  readonly metadataDb: TestDatabase
  readonly workspace: string
  /** The action through Hasura (apply-metadata false unless the inputs say otherwise). */
  run(inputs: Record<string, string>, env?: Record<string, string>): Promise<ActionRun>
  /** The action with input database-url set to the database of `database`. */
  runOn(database: string, inputs: Record<string, string>, env?: Record<string, string>): Promise<ActionRun>
}

export interface V3Options {
  /** The source whose database holds the catalog state; undefined: a metadata database of its own. */
  readonly metadataIn?: string
  /** Kinds the stand-in gives sources (default postgres); their ups are not applied. */
  readonly kinds?: Readonly<Record<string, SourceKind>>
  /** The workspace (a git clone, say) holding the project at its root; default: the project written afresh. */
  readonly workspace?: string
  /** Registers what to undo; default: when the test ends. */
  readonly cleanup?: (undo: () => Promise<unknown>) => void
}

export async function setUpV3(databases: readonly DatabaseSpec[], options: V3Options = {}): Promise<V3Setup> {
  const { cleanup = cleanUp, kinds = {} } = options
  const dbs: Record<string, TestDatabase> = {}
  for (const spec of databases) {
    const db = await createTestDatabase()
    cleanup(() => db.drop())
    dbs[spec.name] = db
  }
  const metadataDb = options.metadataIn ? dbs[options.metadataIn]! : await createTestDatabase()
  if (!options.metadataIn) cleanup(() => metadataDb.drop())
  const hasura = await startV3StandIn(dbs, metadataDb, kinds)
  cleanup(() => hasura.close())
  for (const spec of databases) {
    if (kinds[spec.name] !== undefined) continue
    await applyUpsV3({ url: hasura.url, adminSecret: V3_SECRET }, spec.name, spec.migrations ?? [])
  }
  hasura.requests.length = 0
  const workspace = options.workspace ?? (await writeWorkspace(projectTreeV3(databases)))
  const action = (inputs: Record<string, string>, env: Record<string, string> = {}) =>
    runAction({ workspace, inputs: { ...throughHasura(hasura), ...inputs }, env })
  return {
    hasura,
    dbs,
    metadataDb,
    workspace,
    run: action,
    runOn: (database, inputs, env) => action({ 'database-url': dbs[database]!.url, ...inputs }, env),
  }
}

/**
 * A v2.x server whose sources are `dbs` (kind postgres unless `kinds` says otherwise), the catalog
 * state in `metadataDb`, V3_SECRET its admin secret.
 */
export function startV3StandIn(
  dbs: Readonly<Record<string, TestDatabase>>,
  metadataDb: TestDatabase,
  kinds: Readonly<Record<string, SourceKind>> = {},
): Promise<HasuraStandIn> {
  return startHasuraStandIn({
    generation: 'v2',
    adminSecret: V3_SECRET,
    sources: Object.entries(dbs).map(([name, db]) => ({ name, databaseUrl: db.url, kind: kinds[name] })),
    metadataDatabaseUrl: metadataDb.url,
  })
}

/** The inputs of a run through `hasura` (apply-metadata false unless a test's inputs say otherwise). */
export const throughHasura = (hasura: HasuraStandIn): Record<string, string> => ({
  'apply-metadata': 'false',
  endpoint: hasura.url,
  'admin-secret': V3_SECRET,
})

/** Two databases neither named default, each with its own migrations. */
export const intuition = {
  name: 'intuition',
  migrations: createTableMigrations(3, { firstVersion: 1720000000001n }),
}
export const cache = { name: 'cache', migrations: createTableMigrations(2, { firstVersion: 1730000000001n }) }

/** The versions of `database` in the catalog state, ascending, read with SQL (digits kept exactly). */
export async function catalogVersions(metadataDb: TestDatabase, database: string): Promise<string[]> {
  const rows = await metadataDb.query<{ v: string }>(
    `SELECT jsonb_object_keys(cli_state->'migrations'->$1) AS v FROM hdb_catalog.hdb_version`,
    [database],
  )
  return rows.map((r) => r.v).sort(compareVersions)
}

/** The whole catalog state as jsonb prints it: compared before and after, byte for byte. */
export async function catalogText(metadataDb: TestDatabase): Promise<string> {
  const [row] = await metadataDb.query<{ s: string }>(
    'SELECT cli_state::text AS s FROM hdb_catalog.hdb_version',
  )
  return row!.s
}

/** The error annotations of a run, one message each. */
export const errorsOf = (run: ActionRun): string[] =>
  run.annotations.filter((a) => a.level === 'error').map((a) => a.message)

/** The versions of `migrations`, in order. */
export const versionsOf = (migrations: readonly { version: string }[]): string[] =>
  migrations.map((m) => m.version)
