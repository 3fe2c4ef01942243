import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pg from 'pg'
import { guardSql, parseGuardFailure } from '../../src/transport/guard-sql.js'
import { JOURNAL_TABLE, writeJournalSql } from '../../src/transport/journal-sql.js'
import { guardFailure } from '../../src/transport/failures.js'
import type { TestDatabase } from '../support/postgres.js'
import { createTestDatabase } from '../support/postgres.js'

let db: TestDatabase
beforeAll(async () => {
  db = await createTestDatabase()
  await db.query(`CREATE SCHEMA "we'ird"; CREATE TABLE "we'ird"."Author" (id int, "Name" text);
    CREATE VIEW public.v AS SELECT 1 AS one; CREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS 'SELECT 1'`)
})
afterAll(() => db.drop())

async function guardError(sql: string | undefined): Promise<string | undefined> {
  try {
    await db.query(sql!)
    return undefined
  } catch (error) {
    return parseGuardFailure((error as Error).message)
  }
}

describe('guard', () => {
  it('passes when every referenced object exists, quoting odd names', async () => {
    const sql = guardSql({
      tables: [
        { schema: "we'ird", name: 'Author' },
        { schema: 'public', name: 'v' },
      ],
      columns: [
        { schema: "we'ird", table: 'Author', column: 'Name' },
        { schema: 'public', table: 'v', column: 'one' },
      ],
      functions: [{ schema: 'public', name: 'f' }],
    })
    expect(await guardError(sql)).toBeUndefined()
  })

  it('names every missing table, column and function', async () => {
    const sql = guardSql({
      tables: [
        { schema: 'public', name: 'gone' },
        { schema: 'public', name: 'v' },
      ],
      columns: [
        { schema: "we'ird", table: 'Author', column: 'email' },
        { schema: 'public', table: 'gone', column: 'id' },
      ],
      functions: [{ schema: 'public', name: 'nope' }],
    })
    expect(await guardError(sql)).toBe(
      "table public.gone, column we'ird.Author.email, column public.gone.id, function public.nope",
    )
  })

  it('needs no SQL when nothing is referenced', () => {
    expect(guardSql({ tables: [], columns: [], functions: [] })).toBeUndefined()
  })

  it('survives a name holding its own dollar-quote tag', async () => {
    const sql = guardSql({ tables: [{ schema: 'public', name: 'x$guard$y' }], columns: [], functions: [] })
    expect(await guardError(sql)).toBe('table public.x$guard$y')
  })
})

describe('journal', () => {
  it('fails with its own wording when the role cannot create its table in hdb_catalog', async () => {
    const role = `r_${Date.now()}`
    await db.query(`CREATE SCHEMA IF NOT EXISTS hdb_catalog; CREATE ROLE ${role} LOGIN PASSWORD 'pw'`)
    const url = new URL(db.url)
    url.username = role
    url.password = 'pw'
    const client = new pg.Client({ connectionString: url.toString() })
    await client.connect()
    try {
      const error = await client
        .query(
          writeJournalSql({
            runKey: 'acme/app/1/deploy',
            attempt: 1,
            versions: ['2', '1'],
            metadataSha: 'a'.repeat(40),
          }),
        )
        .then(
          () => undefined,
          (e: Error) => e,
        )
      expect(error).toBeDefined()
      expect(guardFailure({ message: error!.message }).message).toMatch(
        /^Could not write the re-run record hdb_catalog.hasura_rollback_journal \(permission denied for schema hdb_catalog\): this role needs CREATE on schema hdb_catalog/,
      )
    } finally {
      await client.end()
      await db.query(`DROP OWNED BY ${role}; DROP ROLE ${role}`)
    }
  })

  const journalRows = () =>
    db.query(`SELECT run_key, versions, metadata_sha, attempt FROM ${JOURNAL_TABLE} ORDER BY run_key`)

  it('records the run and updates it on a second attempt, with or without metadata', async () => {
    await db.query(
      writeJournalSql({ runKey: "key'1", attempt: 1, versions: ['3'], metadataSha: 'b'.repeat(40) }),
    )
    await db.query(
      writeJournalSql({ runKey: "key'1", attempt: 2, versions: ['3', '2'], metadataSha: undefined }),
    )
    expect(await journalRows()).toContainEqual({
      run_key: "key'1",
      versions: '3,2',
      metadata_sha: '',
      attempt: 2,
    })
  })

  it('adds the attempt column to a table made by an earlier release, keeping its rows', async () => {
    await db.query(`DROP TABLE IF EXISTS ${JOURNAL_TABLE}; CREATE TABLE ${JOURNAL_TABLE} (run_key text PRIMARY KEY,
      versions text NOT NULL, metadata_sha text NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now());
      INSERT INTO ${JOURNAL_TABLE} (run_key, versions, metadata_sha) VALUES ('old', '5', 'd')`)
    await db.query(writeJournalSql({ runKey: 'new', attempt: 3, versions: ['7'], metadataSha: undefined }))
    expect(await journalRows()).toEqual([
      { run_key: 'new', versions: '7', metadata_sha: '', attempt: 3 },
      { run_key: 'old', versions: '5', metadata_sha: 'd', attempt: null },
    ])
  })
})
