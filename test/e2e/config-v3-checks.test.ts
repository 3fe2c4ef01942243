// Config v3 through the bundled action: the dry run, and what stops a rollback before anything
// changes — migrations disabled, a v1.x server, a database without a migrations folder or of another
// kind, and config v2 state rows the catalog state does not have yet (isStateCopyCompleted false).
import { describe, expect, it } from 'vitest'
import { cleanUp } from '../support/cleanup.js'
import { runAction } from '../support/action-runner.js'
import type { V3Setup } from '../support/config-v3-setup.js'
import {
  V3_SECRET,
  cache,
  catalogText,
  catalogVersions,
  errorsOf,
  intuition,
  setUpV3,
  versionsOf,
} from '../support/config-v3-setup.js'
import { CREATE_STATE_TABLE, appliedVersions, writeWorkspace } from '../support/hasura-project.js'
import { projectTreeV3 } from '../support/hasura-project-v3.js'
import { requestTypes, startHasuraStandIn } from '../support/hasura-stand-in.js'
import type { TestDatabase } from '../support/postgres.js'
import { createTestDatabase, schemaSnapshot } from '../support/postgres.js'

const [i1, i2, i3] = versionsOf(intuition.migrations) as [string, string, string]
const [c1, c2] = versionsOf(cache.migrations) as [string, string]

const journalExists = async (db: TestDatabase) =>
  (
    await db.query<{ t: string | null }>(
      `SELECT to_regclass('hdb_catalog.hasura_rollback_journal')::text AS t`,
    )
  )[0]!.t !== null

/** Everything a refused or rehearsed run must leave as it was. */
async function snapshot(s: V3Setup) {
  const schemas: Record<string, unknown> = {}
  for (const [name, db] of Object.entries(s.dbs)) schemas[name] = await schemaSnapshot(db)
  return { catalog: await catalogText(s.metadataDb), schemas }
}

describe('config v3 dry run', () => {
  it('reports the plan of each database and changes nothing, the catalog state held by one of them', async () => {
    const s = await setUpV3([intuition, cache], { metadataIn: 'intuition' })
    const before = await snapshot(s)
    const result = await s.run({ count: '2', 'database-name': 'all', 'dry-run': 'true' })
    expect(result.exitCode, result.stdout).toBe(0)
    expect(result.outputs).toMatchObject({
      status: 'dry-run',
      'rolled-back-versions': JSON.stringify([i3, i2, c2, c1]),
      'rolled-back-by-database': JSON.stringify({ intuition: [i3, i2], cache: [c2, c1] }),
      'rolled-back-count': '4',
    })
    expect(result.summary).toMatch(
      /Dry run passed: 4 migration\(s\) would be rolled back; nothing was changed/,
    )
    expect(result.summary).toContain(`| rehearsed (rolled back) | intuition | ${i3} |`)
    expect(result.summary).toContain(`| rehearsed (rolled back) | cache | ${c2} |`)
    for (const name of ['intuition', 'cache']) {
      expect(result.summary).toContain(
        `- **Database ${name}:** rehearsed (dry run): the downs of 2 migration(s) ran and were rolled back.`,
      )
    }
    expect(await snapshot(s)).toEqual(before)
    expect(await journalExists(s.dbs.intuition!)).toBe(false)
    expect(await journalExists(s.dbs.cache!)).toBe(false)
    expect(requestTypes(s.hasura.requests)).not.toContain('set_catalog_state')
  })

  it('over database-url too', async () => {
    const s = await setUpV3([cache])
    const before = await snapshot(s)
    const result = await s.runOn('cache', { count: '1', 'dry-run': 'true' })
    expect(result.exitCode, result.stdout).toBe(0)
    expect(result.outputs['rolled-back-by-database']).toBe(JSON.stringify({ cache: [c2] }))
    expect(await snapshot(s)).toEqual(before)
  })
})

describe('config v3 refusals: one line, nothing changed', () => {
  it('refuses when the catalog state\'s migration_mode is not "true", as the CLI does', async () => {
    const s = await setUpV3([intuition], { metadataIn: 'intuition' })
    await s.metadataDb.query(
      `UPDATE hdb_catalog.hdb_version SET cli_state = jsonb_set(cli_state, '{settings,migration_mode}', '"false"')`,
    )
    const before = await snapshot(s)
    const result = await s.run({ count: '1' })
    expect(result.exitCode).toBe(1)
    expect(errorsOf(result)).toEqual([
      "Database intuition: Migrations are disabled: the catalog state's settings.migration_mode is 'false', and the Hasura CLI refuses to migrate too",
    ])
    expect(await snapshot(s)).toEqual(before)
  })

  it('refuses a config v3 project against a v1.x server', async () => {
    const db = await createTestDatabase()
    cleanUp(() => db.drop())
    const hasura = await startHasuraStandIn({ generation: 'v1', databaseUrl: db.url, adminSecret: V3_SECRET })
    cleanUp(() => hasura.close())
    const workspace = await writeWorkspace(
      projectTreeV3([{ name: 'default', migrations: intuition.migrations }]),
    )
    const inputs = { 'apply-metadata': 'false', endpoint: hasura.url, 'admin-secret': V3_SECRET, count: '1' }
    const result = await runAction({ workspace, inputs })
    expect(result.exitCode).toBe(1)
    expect(errorsOf(result)).toEqual([
      `Hasura at ${hasura.url} answered export_metadata without a list of sources: a config v3 project needs a Hasura v2.x server`,
    ])
    expect(result.summary).toContain('## ❌ Rollback failed: nothing was changed')
  })

  it('refuses a database-name whose migrations folder is missing', async () => {
    const s = await setUpV3([intuition, { name: 'events' }], { metadataIn: 'intuition' })
    const result = await s.run({ count: '1', 'database-name': 'events' })
    expect(result.exitCode).toBe(1)
    expect(errorsOf(result)).toEqual([
      "Database 'events' (input 'database-name') has no migrations folder migrations/events/ in the workspace: nothing of it can be reverted",
    ])
    expect(await catalogVersions(s.metadataDb, 'intuition')).toEqual([i1, i2, i3])
  })

  it.each([{ 'database-name': 'warehouse' }, { 'database-name': 'all' }])(
    'refuses %j when a database of another kind than postgres has migrations, naming it and its kind',
    async (inputs) => {
      const s = await setUpV3([intuition, { name: 'warehouse', migrations: cache.migrations }], {
        metadataIn: 'intuition',
        kinds: { warehouse: 'citus' },
      })
      const before = await snapshot(s)
      const result = await s.run({ count: '1', ...inputs })
      expect(result.exitCode).toBe(1)
      expect(errorsOf(result)).toEqual([
        "Database 'warehouse' is of kind citus: hasura-rollback runs down migrations on PostgreSQL databases only",
      ])
      expect(await snapshot(s)).toEqual(before)
    },
  )
})

describe('config v3 with isStateCopyCompleted false (a project upgraded from config v2)', () => {
  /** The catalog state not yet marked copied, and config v2 state rows of these versions in the database. */
  async function upgraded(s: V3Setup, legacy: string[]) {
    await s.metadataDb.query(
      `UPDATE hdb_catalog.hdb_version SET cli_state = jsonb_set(cli_state, '{isStateCopyCompleted}', 'false')`,
    )
    const rows = legacy.map((v) => `(${v}, false)`).join(', ')
    await s.dbs.intuition!.query(
      `${CREATE_STATE_TABLE}; INSERT INTO hdb_catalog.schema_migrations VALUES ${rows}`,
    )
  }

  it('refuses while hdb_catalog.schema_migrations has versions the catalog state lacks', async () => {
    const s = await setUpV3([intuition])
    await upgraded(s, ['1710000000000', i1, i2, i3])
    const before = await snapshot(s)
    const result = await s.run({ count: '1' })
    expect(result.exitCode).toBe(1)
    expect(errorsOf(result)).toEqual([
      "Database intuition: its migration state is still in hdb_catalog.schema_migrations, not yet copied into the catalog state (isStateCopyCompleted is false; 1 version(s) missing there: 1710000000000): run 'hasura scripts update-project-v3 --move-state-only' (or any 'hasura migrate' command of a v2.x CLI), then run the rollback again",
    ])
    expect(await snapshot(s)).toEqual(before)
  })

  it.each([
    ['holds the catalog state', 'intuition'],
    ['does not hold it', undefined],
  ])(
    'proceeds when every row is in the catalog state (the database %s), and removes the reverted rows too',
    async (_, metadataIn) => {
      const s = await setUpV3([intuition], { metadataIn })
      await upgraded(s, [i1, i2, i3])
      const result = await s.run({ count: '1' })
      expect(result.exitCode, result.stdout).toBe(0)
      expect(await catalogVersions(s.metadataDb, 'intuition')).toEqual([i1, i2])
      // The CLI's next command copies every remaining row into the catalog state: i3 must not come back.
      expect(await appliedVersions(s.dbs.intuition!)).toEqual([i1, i2])
    },
  )
})
