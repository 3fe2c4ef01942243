// Data about to be lost, measured in the rollback transaction before the downs run: listed with its
// count (`data-loss: warn`, the default, and the dry run), or the run refused (`refuse`), on both
// transports.
import { describe, expect, it } from 'vitest'
import { cleanUp } from '../support/cleanup.js'
import { runAction } from '../support/action-runner.js'
import { errorsOf } from '../support/config-v3-setup.js'
import type { MigrationSpec } from '../support/hasura-project.js'
import { appliedVersions, applyUps, writeProject } from '../support/hasura-project.js'
import { startHasuraStandIn } from '../support/hasura-stand-in.js'
import type { TestDatabase } from '../support/postgres.js'
import { createTestDatabase, schemaSnapshot } from '../support/postgres.js'

const migrations: MigrationSpec[] = [
  {
    version: '1700000000001',
    name: 'create_author',
    up: 'CREATE TABLE author (id int PRIMARY KEY, name text);',
    down: 'DROP TABLE author;',
  },
  {
    version: '1700000000002',
    name: 'add_author_email',
    up: 'ALTER TABLE author ADD COLUMN email text;',
    down: 'ALTER TABLE author DROP COLUMN email;',
  },
  {
    version: '1700000000003',
    name: 'create_archive',
    up: 'CREATE SCHEMA archive; CREATE TABLE archive.logs (id int);',
    down: 'DROP SCHEMA archive CASCADE;',
  },
  {
    version: '1700000000004',
    name: 'create_big',
    up: 'CREATE TABLE "Big" (id int);',
    down: '-- empty it first\nTRUNCATE "Big";\nDROP TABLE "Big";\n',
  },
]
const versions = migrations.map((m) => m.version)

const ROWS = `INSERT INTO author VALUES (1, 'a', 'a@x'), (2, 'b', 'b@x'), (3, 'c', NULL);
  INSERT INTO archive.logs SELECT g FROM generate_series(1, 5) g;
  INSERT INTO "Big" SELECT g FROM generate_series(1, 12000) g`

type Transport = 'database-url' | 'hasura'

/** A project of `project` (the four migrations above by default), all applied, `rows` inserted. */
async function setUp(transport: Transport, project = { migrations, rows: ROWS }) {
  const db: TestDatabase = await createTestDatabase()
  cleanUp(() => db.drop())
  await applyUps(db, project.migrations)
  await db.query(project.rows)
  const workspace = await writeProject(project.migrations)
  let target: Record<string, string> = { 'database-url': db.url }
  if (transport === 'hasura') {
    const hasura = await startHasuraStandIn({ databaseUrl: db.url, generation: 'v2' })
    cleanUp(() => hasura.close())
    target = { endpoint: hasura.url }
  }
  const run = (inputs: Record<string, string>) =>
    runAction({ workspace, inputs: { 'apply-metadata': 'false', count: 'all', ...target, ...inputs } })
  return { db, run }
}

/** What the downs destroy, in the order they run: the migration, the statement's line in its down.sql. */
const losses = [
  { migration: migrations[3]!, line: 2, says: 'truncate "Big": 10,000+ rows' },
  { migration: migrations[3]!, line: 3, says: 'drop table "Big": 10,000+ rows' },
  { migration: migrations[2]!, line: 1, says: 'drop schema archive: 5 rows' },
  { migration: migrations[1]!, line: 1, says: 'drop column author.email: 2 values' },
  { migration: migrations[0]!, line: 1, says: 'drop table author: 3 rows' },
]
const expected = losses.map((l) => l.says)

describe.each<[Transport]>([['database-url'], ['hasura']])('data about to be lost, over %s', (transport) => {
  it('is counted and listed (warn, the default), each with its statement annotated', async () => {
    const { db, run } = await setUp(transport)
    const result = await run({})
    expect(result.exitCode, result.stdout).toBe(0)
    for (const line of expected) expect(result.summary).toContain(line)
    expect(result.annotations.filter((a) => a.level === 'notice')).toEqual(
      losses.map(({ migration: m, line, says }) => ({
        level: 'notice',
        file: `migrations/${m.version}_${m.name}/down.sql`,
        line,
        message: `Data loss: ${m.version} ${says}`,
      })),
    )
    expect(await appliedVersions(db)).toEqual([])
  })

  it('refuses the run with data-loss: refuse, naming each object and its count, changing nothing', async () => {
    const { db, run } = await setUp(transport)
    const before = await schemaSnapshot(db)
    const result = await run({ 'data-loss': 'refuse' })
    expect(result.exitCode).toBe(1)
    expect(errorsOf(result).join('\n')).toContain(
      `Input 'data-loss' is 'refuse' and the downs would destroy data: table "Big" (10,000+ rows), table "Big" (10,000+ rows), schema archive (5 rows), column author.email (2 values), table author (3 rows). Nothing was changed`,
    )
    expect(await appliedVersions(db)).toEqual(versions)
    expect(await schemaSnapshot(db)).toEqual(before)
  })

  it('lets data-loss: refuse go on when every object is empty, also once its rows were deleted', async () => {
    const { db, run } = await setUp(transport)
    // Deleted rows leave pages behind: the tables are counted, and found empty.
    await db.query('DELETE FROM author; DELETE FROM archive.logs; DELETE FROM "Big"')
    const result = await run({ 'data-loss': 'refuse' })
    expect(result.exitCode, result.stdout).toBe(0)
    expect(await appliedVersions(db)).toEqual([])
  })

  it('counts the rows of a partitioned table, which live in its partitions', async () => {
    const partitioned: MigrationSpec = {
      version: '1700000000005',
      name: 'create_events',
      up: `CREATE TABLE events (id int, at date) PARTITION BY RANGE (at);
        CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');`,
      down: 'DROP TABLE events;',
    }
    const { db, run } = await setUp(transport, {
      migrations: [partitioned],
      rows: `INSERT INTO events VALUES (1, '2026-03-01'), (2, '2026-04-01')`,
    })
    const result = await run({ count: '1', 'data-loss': 'refuse' })
    expect(result.exitCode).toBe(1)
    expect(errorsOf(result).join('\n')).toContain(
      `Input 'data-loss' is 'refuse' and the downs would destroy data: table events (2 rows). Nothing was changed`,
    )
    expect(await appliedVersions(db)).toEqual([partitioned.version])
  })

  it('is measured and listed by a dry run, which changes nothing', async () => {
    const { db, run } = await setUp(transport)
    const result = await run({ 'dry-run': 'true' })
    expect(result.exitCode, result.stdout).toBe(0)
    expect(result.summary).toContain('would drop or delete data')
    for (const line of expected) expect(result.summary).toContain(line)
    expect(await appliedVersions(db)).toEqual(versions)
  })
})
