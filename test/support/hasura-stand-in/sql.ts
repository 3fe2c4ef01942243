// run_sql on the real Postgres: the whole string as one simple query, last statement's result,
// every cell as Postgres text output (the server reads results with libpq in text format).
import pg from 'pg'
import { hasuraError, type HasuraError, type Json } from './errors.js'

export type RunSqlResult =
  { result_type: 'CommandOk'; result: null } | { result_type: 'TuplesOk'; result: string[][] }

/** A pg client whose results stay raw text, as libpq gives them. */
export async function connectRaw(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: databaseUrl,
    types: { getTypeParser: () => (value: string) => value },
  })
  // A session the server ends (pg_terminate_backend in fault tests) fails the query; the client's
  // later 'error' event must not crash the test process.
  client.on('error', () => {})
  await client.connect()
  return client
}

/** Runs `fn` on a fresh raw connection to `databaseUrl`, closed afterwards. */
export async function withConnection<T>(
  databaseUrl: string,
  fn: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = await connectRaw(databaseUrl)
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

function toRunSqlResult(results: pg.QueryResult | pg.QueryResult[]): RunSqlResult {
  const last = Array.isArray(results) ? results[results.length - 1] : results
  if (!last || (last.fields.length === 0 && last.command !== 'SELECT')) {
    return { result_type: 'CommandOk', result: null }
  }
  const header = last.fields.map((field) => field.name)
  const rows = (last.rows as unknown[][]).map((row) =>
    row.map((cell) => (cell === null ? 'NULL' : String(cell))),
  )
  return { result_type: 'TuplesOk', result: [header, ...rows] }
}

interface PgDriverError {
  code?: string
  message: string
  detail?: string
  hint?: string
}

function isPgDriverError(error: unknown): error is PgDriverError {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string'
}

/** The body the server answers with when Postgres rejects a run_sql (no position is reported). */
export function postgresError(path: string, statement: string, error: unknown): HasuraError {
  if (!isPgDriverError(error)) throw error
  const detail: Json = {
    exec_status: 'FatalError',
    status_code: error.code ?? null,
    message: error.message,
    description: error.detail ?? null,
    hint: error.hint ?? null,
  }
  return hasuraError(400, path, 'postgres-error', 'query execution failed', {
    statement,
    prepared: false,
    arguments: [],
    error: detail,
  })
}

/** Runs one run_sql's SQL on an open client (transaction handled by the caller). */
export async function executeSql(client: pg.Client, sql: string, errorPath: string): Promise<RunSqlResult> {
  try {
    // No values: pg uses the simple query protocol, so several statements are allowed.
    return toRunSqlResult(await client.query({ text: sql, rowMode: 'array' }))
  } catch (error) {
    throw postgresError(errorPath, sql, error)
  }
}

/** One JSON text cell from a catalog query (json_agg keeps arrays out of text parsing). */
export async function queryJson<T>(client: pg.Client, sql: string): Promise<T> {
  const result = await client.query<{ value: string }>(sql)
  return JSON.parse(result.rows[0]?.value ?? 'null') as T
}
