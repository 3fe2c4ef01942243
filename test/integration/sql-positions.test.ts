// Error positions from a real PostgreSQL, mapped back to the file and line they came from.
import { readFileSync } from 'node:fs'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { scanStatements } from '../../src/sql/scan.js'
import { lineAtPosition, splitStatements } from '../../src/sql/statements.js'
import { createTestDatabase, type TestDatabase } from '../support/postgres.js'
import { hasTestdata, testdataPath } from '../support/testdata.js'

let db: TestDatabase
beforeAll(async () => {
  db = await createTestDatabase()
})
afterAll(() => db.drop())

async function inRolledBackTransaction<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: db.url })
  await client.connect()
  try {
    await client.query('BEGIN')
    return await work(client)
  } finally {
    await client.query('ROLLBACK')
    await client.end()
  }
}

/** Runs `sql` as one simple query and returns PostgreSQL's error code and position. */
async function failure(sql: string): Promise<{ code: string; position: number }> {
  return inRolledBackTransaction(async (client) => {
    try {
      await client.query(sql)
    } catch (error) {
      if (error instanceof pg.DatabaseError && error.position !== undefined) {
        return { code: error.code ?? '', position: Number(error.position) }
      }
      throw error
    }
    throw new Error('the script ran without error')
  })
}

describe('lineAtPosition on PostgreSQL errors of a down run alone', () => {
  it.each([
    {
      name: 'missing table after astral characters, CRLF',
      sql: "CREATE TABLE author (id int, name text);\n-- 😀😀😀 before the error\nINSERT INTO author VALUES (1, '🎉🎉');\nSELECT '𝄞𝄞𝄞';\r\n\r\nSELECT * FROM missing_table;\r\n",
      code: '42P01',
      line: 6,
    },
    {
      name: 'syntax error after a BEGIN ATOMIC function, a DO block and a nested comment',
      sql: 'CREATE FUNCTION add_one(i int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT i + 1;\nEND;\nDO $$\nBEGIN\n  PERFORM 1; -- ;\nEND\n$$;\n/* /* nested */ ; */\nSELEC 1;',
      code: '42601',
      line: 11,
    },
    {
      name: 'missing table inside a BEGIN ATOMIC body (checked when the procedure is created)',
      sql: 'CREATE TABLE author (id int);\n-- 🙂\nCREATE PROCEDURE p() LANGUAGE sql\nBEGIN ATOMIC\n  INSERT INTO author VALUES (1);\n  DELETE FROM nowhere;\nEND;',
      code: '42P01',
      line: 6,
    },
    {
      name: "E'\\'' escapes and dollar tags before the error",
      sql: "SELECT 1;\nSELECT E'\\';😀', $t$ $$ ; 🙃 $t$;\nSELECT 1 +;\n",
      code: '42601',
      line: 3,
    },
    {
      name: 'an unfinished last statement',
      sql: 'SELECT 1;\nSELECT 2;\nSELECT (1',
      code: '42601',
      line: 3,
    },
  ])('$name', async ({ sql, code, line }) => {
    const error = await failure(sql)
    expect(error.code).toBe(code)
    expect(lineAtPosition(sql, error.position)).toBe(line)
  })
})

describe('splitStatements agrees with PostgreSQL', () => {
  it('gives statements that each run on their own and do what the whole script does', async () => {
    const script = [
      'CREATE TABLE note (id int, body text);',
      "INSERT INTO note VALUES (1, 'a;b'), (2, E'it\\'s;'), (3, $q$ $$; $q$) /* ; /* ; */ ; */;",
      'CREATE FUNCTION note_count() RETURNS bigint LANGUAGE sql',
      'BEGIN ATOMIC',
      '  SELECT CASE WHEN true THEN count(*) END FROM note;',
      'END;',
      'DO $$ BEGIN INSERT INTO note VALUES (4, $x$;$x$); END $$',
    ].join('\r\n')
    const statements = splitStatements(scanStatements(script))
    expect(statements).toHaveLength(4)
    const rows = await inRolledBackTransaction(async (client) => {
      for (const statement of statements) await client.query(statement.text)
      return (
        await client.query("SELECT note_count() AS n, string_agg(body, '|' ORDER BY id) AS bodies FROM note")
      ).rows
    })
    expect(rows).toEqual([{ n: '4', bodies: "a;b|it's;| $$; |;" }])
  })
})

const brokenDown = testdataPath(
  'hasura-projects/anticoronavirus__volunteer-backend__hasura/migrations/1588187507487_alter_table_public_period_alter_column_profession/down.sql',
)

describe.skipIf(!hasTestdata)('a real down.sql scriptEnding refuses (../shared/testdata)', () => {
  it('is rejected by PostgreSQL on its own too', async () => {
    await expect(db.query(readFileSync(brokenDown, 'utf8'))).rejects.toThrow('unterminated quoted identifier')
  })
})
