// Per-test databases on the run's PostgreSQL (started in global-setup.ts).
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { inject } from 'vitest'
import { cleanUp } from './cleanup.js'

export interface TestDatabase {
  url: string
  name: string
  /** Runs SQL on this database (one connection per call). */
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<R[]>
  /** Runs `work` on one connection to this database. */
  session<T>(work: (client: pg.Client) => Promise<T>): Promise<T>
  drop(): Promise<void>
}

export function adminDatabaseUrl(): string {
  return inject('adminDatabaseUrl')
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

/** A fresh, empty database (pgcrypto installed, as Hasura does on start), or a copy of `template`. */
export async function createTestDatabase(template?: TestDatabase): Promise<TestDatabase> {
  const admin = adminDatabaseUrl()
  const name = `t_${randomBytes(6).toString('hex')}`
  const from = template ? ` TEMPLATE ${template.name}` : ''
  await withClient(admin, (c) => c.query(`CREATE DATABASE ${name}${from}`))
  const url = new URL(admin)
  url.pathname = `/${name}`
  const dbUrl = url.toString()
  if (!template) await withClient(dbUrl, (c) => c.query('CREATE EXTENSION IF NOT EXISTS pgcrypto'))
  return {
    url: dbUrl,
    name,
    query: (sql, params) => withClient(dbUrl, async (c) => (await c.query(sql, params)).rows),
    session: (work) => withClient(dbUrl, work),
    drop: () =>
      withClient(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  }
}

/** Another session on `db` (a concurrent run, a `hasura migrate`), ended after the test. */
export async function otherSession(db: TestDatabase): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: db.url })
  await client.connect()
  cleanUp(() => client.end())
  return client
}

/** Tables of a schema with their columns, for comparing database states. */
export async function schemaSnapshot(db: TestDatabase, schema = 'public'): Promise<Record<string, string[]>> {
  const rows = await db.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = $1
     ORDER BY table_name, ordinal_position`,
    [schema],
  )
  const tables: Record<string, string[]> = {}
  for (const row of rows) (tables[row.table_name] ??= []).push(row.column_name)
  return tables
}
