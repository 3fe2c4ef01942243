// Real config v3 projects (../shared/testdata/hasura-projects-v3), their ups applied behind the
// stand-in, rolled back by count through the bundled action: the schema afterwards is what the same
// down files leave when a plain Postgres client runs them; a count that reaches a down that is
// missing, a placeholder or failing is refused naming that version and file, changing nothing; the
// catalog state lists exactly the versions left. Which downs are which: each project's PROVENANCE.txt.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ActionRun } from '../support/action-runner.js'
import { catalogVersions, errorsOf } from '../support/config-v3-setup.js'
import type { RealProject } from '../support/real-projects-v3.js'
import {
  everything,
  fingerprint,
  newestFirst,
  prepareRealProject,
  realCase,
  reference,
} from '../support/real-projects-v3.js'
import { hasTestdata } from '../support/testdata.js'

/** Rolls back `inputs` in `database` and checks it against the reference run of the same downs. */
async function rolledBackLikePsql(
  project: RealProject,
  database: string,
  inputs: Record<string, string>,
  versions: string[],
  via: 'hasura' | 'postgres' = 'hasura',
) {
  const c = await realCase(project)
  const others = Object.keys(c.dbs).filter((name) => name !== database)
  const before = await Promise.all(others.map((name) => fingerprint(c.dbs[name]!)))
  const url: Record<string, string> = via === 'postgres' ? { 'database-url': c.dbs[database]!.url } : {}
  const result = await c.run({ 'database-name': database, ...url, ...inputs })
  expect(result.exitCode, result.stdout).toBe(0)
  expect(JSON.parse(result.outputs['rolled-back-by-database']!)).toEqual({ [database]: versions })
  expect(await fingerprint(c.dbs[database]!)).toEqual(await reference(project, database, versions))
  const all = newestFirst(project, database)
  expect(await catalogVersions(c.metadataDb, database)).toEqual(
    all.filter((v) => !versions.includes(v)).reverse(),
  )
  // The other databases, and what the catalog state says of them, are as they were.
  expect(await Promise.all(others.map((name) => fingerprint(c.dbs[name]!)))).toEqual(before)
  for (const name of others) {
    expect(await catalogVersions(c.metadataDb, name)).toEqual(newestFirst(project, name).reverse())
  }
}

/** The run is refused, naming `version` and `file` in one error annotation; nothing changed. */
async function refusedNaming(
  project: RealProject,
  inputs: Record<string, string>,
  message: RegExp,
  file: string,
) {
  const c = await realCase(project)
  const before = await everything(c)
  const result: ActionRun = await c.run(inputs)
  expect(result.exitCode).toBe(1)
  expect(result.outputs.status).toBe('failed')
  expect(errorsOf(result)).toContainEqual(expect.stringMatching(message))
  expect(result.annotations).toContainEqual(expect.objectContaining({ level: 'error', file }))
  expect(await everything(c)).toEqual(before)
}

function realProject(name: string, metadataIn: string | undefined): () => RealProject {
  let project: RealProject | undefined
  beforeAll(async () => {
    project = await prepareRealProject(name, metadataIn)
  }, 300_000)
  afterAll(async () => project?.drop())
  return () => project!
}

describe.skipIf(!hasTestdata)(
  'worldcoin developer-portal (default: 140; the catalog state in the database)',
  () => {
    const project = realProject('worldcoin__developer-portal__hasura', 'default')

    it.each(['hasura', 'postgres'] as const)(
      'count 16 (a comment-only down among them) leaves the schema psql leaves (transport %s)',
      async (via) => {
        const versions = newestFirst(project(), 'default').slice(0, 16)
        await rolledBackLikePsql(project(), 'default', { count: '16' }, versions, via)
      },
    )

    it('count 17 reaches a down that fails on Postgres 15: refused naming it, nothing changed', async () => {
      const file = 'migrations/default/1769474214880_add_deactivated_rp_status/down.sql'
      await refusedNaming(
        project(),
        { count: '17' },
        new RegExp(
          `^Down migration 1769474214880_add_deactivated_rp_status failed at ${file}:\\d+: default for column "status" cannot be cast automatically`,
        ),
        file,
      )
    })
  },
)

describe.skipIf(!hasTestdata)('5stack api (default: 256; the catalog state elsewhere)', () => {
  const project = realProject('5stackgg__api__hasura', undefined)

  it('count 2 leaves the schema psql leaves', async () => {
    await rolledBackLikePsql(
      project(),
      'default',
      { count: '2' },
      newestFirst(project(), 'default').slice(0, 2),
    )
  })

  it('count 3 reaches a migration without a down: refused naming it, nothing changed', async () => {
    await refusedNaming(
      project(),
      { count: '3' },
      /^Database default: Migration 1879000002000_custom_modes_unranked_backfill has no down\.sql$/,
      'migrations/default/1879000002000_custom_modes_unranked_backfill/up.sql',
    )
  })
})

describe.skipIf(!hasTestdata)(
  'intuition-rs (intuition: 11, cache: 1; the catalog state in intuition)',
  () => {
    const project = realProject('0xIntuition__intuition-rs__hasura', 'intuition')
    const failing = 'migrations/intuition/1739457611336_new_triggers_and_migrate/down.sql'
    const emptyDown = 'migrations/cache/1738779627_init/down.sql'

    it('count 1 in intuition reaches a failing down: refused naming it, nothing changed', async () => {
      await refusedNaming(
        project(),
        { count: '1', 'database-name': 'intuition' },
        new RegExp(
          `^Down migration 1739457611336_new_triggers_and_migrate failed at ${failing}:\\d+: cannot drop function`,
        ),
        failing,
      )
    })

    it.each([{ 'database-name': 'cache' }, { 'database-name': 'all' }])(
      'count 1 with %j reaches the empty down of cache: refused naming it, nothing changed in either',
      async (inputs) => {
        await refusedNaming(
          project(),
          { count: '1', ...inputs },
          /^Database cache: Migration 1738779627_init has an empty down\.sql$/,
          emptyDown,
        )
      },
    )

    it('version 1733405637001 (a middle one) leaves the schema psql leaves, the state of cache untouched', async () => {
      await rolledBackLikePsql(project(), 'intuition', { version: '1733405637001' }, ['1733405637001'])
    })
  },
)

describe.skipIf(!hasTestdata)('soklaki (default: 157; the catalog state in the database)', () => {
  const project = realProject('kreako__soklaki__hasura', 'default')

  it('count 1 reaches a Console placeholder down: refused naming it, nothing changed', async () => {
    await refusedNaming(
      project(),
      { count: '1' },
      /^Database default: Migration 1648325432389_default_current_date has a down\.sql holding only comments \(the Console placeholder\)/,
      'migrations/default/1648325432389_default_current_date/down.sql',
    )
  })

  it('version 1648324780989 (the second newest) leaves the schema psql leaves', async () => {
    await rolledBackLikePsql(project(), 'default', { version: '1648324780989' }, ['1648324780989'])
  })
})

describe.skipIf(!hasTestdata)('sequentech step (backend-db: 283; the catalog state elsewhere)', () => {
  const project = realProject('sequentech__step__hasura', undefined)

  it('count 1 reaches the newest migration, which has no down: refused naming it, nothing changed', async () => {
    const name = '1748425581311_alter_table_sequent_backend_tally_session_execution_add_column_documents'
    await refusedNaming(
      project(),
      { count: '1' },
      new RegExp(`^Database backend-db: Migration ${name} has no down\\.sql$`),
      `migrations/backend-db/${name}/up.sql`,
    )
  })

  it.each(['hasura', 'postgres'] as const)(
    'version 1747315642775 in a database named with a hyphen leaves the schema psql leaves (transport %s)',
    async (via) => {
      await rolledBackLikePsql(project(), 'backend-db', { version: '1747315642775' }, ['1747315642775'], via)
    },
  )
})
