// Config v3 after COMMIT: a catalog state write that fails is finished by the next run, which reverts
// nothing more; a "Re-run jobs" attempt reverts nothing more (config v2 and v3, with or without
// metadata); and Hasura is asked a constant number of times, whatever the number of downs.
import { describe, expect, it } from 'vitest'
import { cleanUp } from '../support/cleanup.js'
import type { ActionRun } from '../support/action-runner.js'
import { runAction } from '../support/action-runner.js'
import type { V3Setup } from '../support/config-v3-setup.js'
import { RUN_ENV, catalogVersions, errorsOf, setUpV3, versionsOf } from '../support/config-v3-setup.js'
import { cloneRepo, createRepo } from '../support/git-fixture.js'
import type { MigrationSpec } from '../support/hasura-project.js'
import {
  appliedVersions,
  applyUps,
  createTableMigrations,
  tableName,
  writeProject,
} from '../support/hasura-project.js'
import { projectTreeV3 } from '../support/hasura-project-v3.js'
import type { RecordedRequest } from '../support/hasura-stand-in.js'
import { requestTypes, startHasuraStandIn } from '../support/hasura-stand-in.js'
import type { TestDatabase } from '../support/postgres.js'
import { createTestDatabase, schemaSnapshot } from '../support/postgres.js'

const migrations = createTableMigrations(3, { firstVersion: 1760000000001n })
const [v1, v2, v3] = versionsOf(migrations) as [string, string, string]
const tablesOf = async (db: TestDatabase) => Object.keys(await schemaSnapshot(db))
const attempt = (n: number) => ({ ...RUN_ENV, GITHUB_RUN_ATTEMPT: String(n) })
const notices = (run: ActionRun) => run.annotations.filter((a) => a.level === 'notice').map((a) => a.message)

const pendingRows = async (db: TestDatabase) =>
  (
    await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM hdb_catalog.hasura_rollback_journal WHERE state_pending',
    )
  )[0]!.n

type Via = 'hasura' | 'postgres'
const runVia = (s: V3Setup, via: Via, inputs: Record<string, string>, env?: Record<string, string>) =>
  via === 'hasura' ? s.run(inputs, env) : s.runOn('default', inputs, env)

describe.each<Via>(['hasura', 'postgres'])(
  'a catalog state write that fails after COMMIT (transport %s)',
  (via) => {
    it.each([
      ['a later run', {}],
      ['a re-run of the job', attempt(2)],
    ])('is finished by %s, which reverts nothing more', async (_, env) => {
      const s = await setUpV3([{ name: 'default', migrations }])
      s.hasura.injectFault('status-500', { match: (r) => r.body.type === 'set_catalog_state' })
      const first = await runVia(s, via, { count: '2' }, 'GITHUB_RUN_ATTEMPT' in env ? attempt(1) : {})
      expect(first.exitCode).toBe(1)
      expect(first.outputs.status).toBe('failed')
      expect(errorsOf(first)).toEqual([
        expect.stringMatching(
          new RegExp(
            `^The downs of database default were committed \\(reverted ${v3}, ${v2}\\), but writing the catalog state through Hasura failed: .*HTTP 500.*\\. Run the rollback again: it finishes the write and reverts nothing more$`,
          ),
        ),
      ])
      expect(first.summary).toContain(
        `- **Database default:** state write failed: the downs of ${v3}, ${v2} were committed, but writing the catalog state through Hasura failed`,
      )
      expect(await tablesOf(s.dbs.default!)).toEqual([tableName(1)])
      expect(await catalogVersions(s.metadataDb, 'default')).toEqual([v1, v2, v3])
      expect(await pendingRows(s.dbs.default!)).toBe(1)

      const second = await runVia(s, via, { count: '2' }, env)
      expect(second.exitCode, second.stdout).toBe(0)
      expect(second.outputs.status).toBe('nothing-to-roll-back')
      expect(notices(second)).toEqual([
        'GITHUB_RUN_ATTEMPT' in env
          ? `Database default: Attempt 1 of this workflow run already reverted ${v3}, ${v2}: nothing more is reverted`
          : `Database default: An earlier rollback reverted ${v3}, ${v2} but did not write the catalog state: this run wrote it and reverts nothing more; run the rollback again to revert more`,
      ])
      expect(await catalogVersions(s.metadataDb, 'default')).toEqual([v1])
      expect(await tablesOf(s.dbs.default!)).toEqual([tableName(1)])
      expect(await pendingRows(s.dbs.default!)).toBe(0)

      // Then rollbacks go on as usual.
      const third = await runVia(s, via, { count: '1' })
      expect(third.outputs['rolled-back-versions']).toBe(JSON.stringify([v1]))
      expect(await catalogVersions(s.metadataDb, 'default')).toEqual([])
    })
  },
)

it('a dry run after a failed catalog state write plans on the state as it should be and writes nothing', async () => {
  const s = await setUpV3([{ name: 'default', migrations }])
  s.hasura.injectFault('status-500', { match: (r) => r.body.type === 'set_catalog_state' })
  expect((await s.run({ count: '1' })).exitCode).toBe(1)
  const dry = await s.run({ count: '1', 'dry-run': 'true' })
  expect(dry.exitCode, dry.stdout).toBe(0)
  expect(notices(dry)).toEqual([
    `Database default: An earlier rollback reverted ${v3} but did not write the catalog state: a run that is not a dry run writes it and reverts nothing more; run the rollback again to revert more`,
  ])
  expect(await catalogVersions(s.metadataDb, 'default')).toEqual([v1, v2, v3])
  expect(await pendingRows(s.dbs.default!)).toBe(1)
  expect(await tablesOf(s.dbs.default!)).toEqual([tableName(1), tableName(2)])
})

describe("a 'Re-run jobs' attempt after a rollback that succeeded reverts nothing more, naming the attempt", () => {
  const saysAttempt1 = (run: ActionRun, prefix: string) => {
    expect(run.exitCode, run.stdout).toBe(0)
    expect(notices(run)).toEqual([
      `${prefix}Attempt 1 of this workflow run already reverted ${v3}, ${v2}: nothing more is reverted`,
    ])
  }

  it.each([
    ['holds the catalog state', 'default'],
    ['does not hold it', undefined],
  ])('config v3, the database %s', async (_, metadataIn) => {
    const s = await setUpV3([{ name: 'default', migrations }], { metadataIn })
    expect((await s.run({ count: '2' }, attempt(1))).outputs.status).toBe('rolled-back')
    const again = await s.run({ count: '2' }, attempt(2))
    saysAttempt1(again, 'Database default: ')
    expect(again.outputs.status).toBe('nothing-to-roll-back')
    expect(await catalogVersions(s.metadataDb, 'default')).toEqual([v1])
    expect(await tablesOf(s.dbs.default!)).toEqual([tableName(1)])
  })

  it.each<Via>(['hasura', 'postgres'])('config v2, transport %s', async (via) => {
    const db = await createTestDatabase()
    cleanUp(() => db.drop())
    await applyUps(db, migrations)
    const hasura = await startHasuraStandIn({ generation: 'v2', databaseUrl: db.url })
    cleanUp(() => hasura.close())
    const workspace = await writeProject(migrations)
    const inputs = {
      'apply-metadata': 'false',
      count: '2',
      ...(via === 'hasura' ? { endpoint: hasura.url } : { 'database-url': db.url }),
    }
    expect((await runAction({ workspace, inputs, env: attempt(1) })).outputs.status).toBe('rolled-back')
    const again = await runAction({ workspace, inputs, env: attempt(2) })
    saysAttempt1(again, '')
    expect(again.outputs.status).toBe('nothing-to-roll-back')
    expect(await appliedVersions(db)).toEqual([v1])
  })

  it('config v3 with metadata: nothing more reverted, the metadata of the ref applied again', async () => {
    const track = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ table: { schema: 'public', name: tableName(i + 1) } }))
    const release = (ms: MigrationSpec[]) =>
      projectTreeV3([{ name: 'default', migrations: ms, tables: track(ms.length) }])
    const origin = await createRepo(release(migrations.slice(0, 1)))
    await origin.tag('v1')
    await origin.commit('release 2', release(migrations))
    const workspace = await cloneRepo(origin, { depth: 1 })
    const s = await setUpV3([{ name: 'default', migrations, tables: track(3) }], {
      metadataIn: 'default',
      workspace: workspace.dir,
    })
    const inputs = { ref: 'v1', 'apply-metadata': 'true' }
    const first = await s.run(inputs, attempt(1))
    expect(first.exitCode, first.stdout).toBe(0)
    expect(first.outputs['rolled-back-versions']).toBe(JSON.stringify([v3, v2]))
    const again = await s.run(inputs, attempt(2))
    saysAttempt1(again, 'Database default: ')
    // Re-applying the metadata is what the re-run does: status rolled-back, nothing reverted by it.
    expect(again.outputs).toMatchObject({
      status: 'rolled-back',
      'rolled-back-versions': JSON.stringify([v3, v2]),
    })
    expect(again.outputs['metadata-ref']).toBe(await origin.git('rev-parse', 'v1'))
    expect(await catalogVersions(s.metadataDb, 'default')).toEqual([v1])
    expect(await tablesOf(s.dbs.default!)).toEqual([tableName(1)])
  })
})

describe('requests to Hasura: the same number for any number of downs', () => {
  // Which run_sql each is: the state read, the rollback, or the journal rows marked written.
  const kinds = (requests: readonly RecordedRequest[]) =>
    requestTypes(requests).map((type, i) => {
      if (type !== 'run_sql') return type
      const { sql, read_only } = (requests[i]!.body as { args: { sql: string; read_only?: boolean } }).args
      if (read_only) return 'run_sql read'
      return /state_pending = false/.test(sql) ? 'run_sql mark' : 'run_sql rollback'
    })
  const catalogStore = [
    'GET /v1/version',
    'export_metadata',
    'run_sql read',
    'get_catalog_state',
    'run_sql rollback',
  ]
  const journalStore = [...catalogStore, 'get_catalog_state', 'set_catalog_state', 'run_sql mark']

  it.each([
    [5, 'held by the database', 'default', catalogStore],
    [200, 'held by the database', 'default', catalogStore],
    [5, 'elsewhere', undefined, journalStore],
    [200, 'elsewhere', undefined, journalStore],
  ])('%i downs, the catalog state %s', async (n, _, metadataIn, expected) => {
    const many = createTableMigrations(n, { firstVersion: 1770000000001n })
    const s = await setUpV3([{ name: 'default', migrations: many }], { metadataIn })
    const result = await s.run({ count: 'all' })
    expect(result.exitCode, result.stdout).toBe(0)
    expect(JSON.parse(result.outputs['rolled-back-versions']!)).toHaveLength(n)
    expect(await tablesOf(s.dbs.default!)).toEqual([])
    expect(await catalogVersions(s.metadataDb, 'default')).toEqual([])
    expect(kinds(s.hasura.requests)).toEqual(expected)
  })
})
