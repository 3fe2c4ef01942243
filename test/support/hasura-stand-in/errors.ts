// Error bodies in the shape every Hasura endpoint answers with: {path, error, code, internal?}.
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
export type JsonObject = { [key: string]: Json }

export interface HasuraErrorBody {
  path: string
  error: string
  code: string
  internal?: Json
}

/** A failure that becomes one HTTP answer. */
export class HasuraError extends Error {
  constructor(
    readonly status: number,
    readonly body: HasuraErrorBody,
  ) {
    super(body.error)
  }
}

export function hasuraError(status: number, path: string, code: string, error: string, internal?: Json) {
  return new HasuraError(
    status,
    internal === undefined ? { path, error, code } : { path, error, code, internal },
  )
}

export const parseFailed = (path: string, error: string) => hasuraError(400, path, 'parse-failed', error)

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
