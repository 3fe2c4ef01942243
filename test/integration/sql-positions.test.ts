// Error positions from a real PostgreSQL, mapped back to the file and line they came from.
import { readFileSync } from 'node:fs'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { joinScripts, locatePosition, splitStatements } from '../../src/sql/statements.js'
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

/** Runs the joined parts as one simple query and returns PostgreSQL's error code and position. */
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

describe('locatePosition on PostgreSQL errors', () => {
  it.each([
    {
      name: 'missing table after astral characters, a file ending in -- without newline, CRLF',
      parts: [
        "CREATE TABLE author (id int, name text);\n-- 😀😀😀 before the error\nINSERT INTO author VALUES (1, '🎉🎉')",
        '-- a comment with no newline after it: 💥',
        "SELECT '𝄞𝄞𝄞';\r\n\r\nSELECT * FROM missing_table;\r\n",
      ],
      code: '42P01',
      at: { part: 2, line: 3 },
    },
    {
      name: 'syntax error after a BEGIN ATOMIC function without final ; and a DO block',
      parts: [
        'CREATE FUNCTION add_one(i int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT i + 1;\nEND',
        'DO $$\nBEGIN\n  PERFORM 1; -- ;\nEND\n$$;\n/* /* nested */ ; */\nSELEC 1;',
      ],
      code: '42601',
      at: { part: 1, line: 7 },
    },
    {
      name: 'missing table inside a BEGIN ATOMIC body (checked when the procedure is created)',
      parts: [
        'CREATE TABLE author (id int);',
        '-- 🙂\nCREATE PROCEDURE p() LANGUAGE sql\nBEGIN ATOMIC\n  INSERT INTO author VALUES (1);\n  DELETE FROM nowhere;\nEND;',
      ],
      code: '42P01',
      at: { part: 1, line: 5 },
    },
    {
      name: "E'\\'' escapes and dollar tags before the error",
      parts: ['SELECT 1;', "SELECT E'\\';😀', $t$ $$ ; 🙃 $t$;\nSELECT 1 +;\n"],
      code: '42601',
      at: { part: 1, line: 2 },
    },
    {
      name: 'an unfinished last statement fails at the ; added after it',
      parts: ['SELECT 1;', 'SELECT 2;\nSELECT (1'],
      code: '42601',
      at: { part: 1, line: 2 },
    },
  ])('$name', async ({ parts, code, at }) => {
    const joined = joinScripts(parts)
    const error = await failure(joined.sql)
    expect(error.code).toBe(code)
    expect(locatePosition(joined, error.position, parts)).toEqual(at)
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
    const statements = splitStatements(script)
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

describe.skipIf(!hasTestdata)('a real down.sql joinScripts refuses (../shared/testdata)', () => {
  it('is rejected by PostgreSQL on its own too', async () => {
    await expect(db.query(readFileSync(brokenDown, 'utf8'))).rejects.toThrow('unterminated quoted identifier')
  })
})
