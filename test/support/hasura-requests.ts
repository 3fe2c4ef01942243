// Requests to a Hasura server (the stand-in) from tests and their helpers, as a plain HTTP client
// sends them: JSON bodies POSTed, the admin secret in its header, the answer as it came.

/** Where and how to reach a Hasura server (the stand-in's `url`). */
export interface HasuraServer {
  url: string
  adminSecret?: string
}

/**
 * POSTs `body` to `path`: a string as the JSON text to send (the exact digits of a number, say),
 * anything else as JSON. The server's admin secret, when it has one, goes in its header.
 */
export async function postText(
  server: HasuraServer,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string }> {
  const secret: Record<string, string> =
    server.adminSecret === undefined ? {} : { 'X-Hasura-Admin-Secret': server.adminSecret }
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...secret, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: res.status, text: await res.text() }
}

/** postText with the answer's JSON parsed. */
export async function post(
  ...request: Parameters<typeof postText>
): Promise<{ status: number; body: unknown }> {
  const { status, text } = await postText(...request)
  return { status, body: JSON.parse(text) as unknown }
}

/** A run_sql query, without the metadata check unless `extra` asks for it. */
export const runSql = (sql: string, extra: Record<string, unknown> = {}) => ({
  type: 'run_sql',
  args: { sql, check_metadata_consistency: false, ...extra },
})
