import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { guardSql, parseGuardFailure } from '../../src/guard.js'
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
