// Table and function names as metadata writes them: a bare name (schema public), `{schema, name}`,
// BigQuery's `{dataset, name}` or a data connector's list of name parts.
import { isRecord } from '../json.js'

export interface QualifiedName {
  schema: string
  name: string
}

/** A PostgreSQL-style name (bare or `{schema, name}`), or undefined when `value` is not one. */
export function qualifiedName(value: unknown): QualifiedName | undefined {
  if (typeof value === 'string') return { schema: 'public', name: value }
  if (isRecord(value) && typeof value.name === 'string') {
    return { schema: typeof value.schema === 'string' ? value.schema : 'public', name: value.name }
  }
  return undefined
}

/** `schema.name` for messages and summaries, whatever form the name takes. */
export function formatName(value: unknown): string {
  const name = qualifiedName(value)
  if (isRecord(value) && typeof value.dataset === 'string' && name !== undefined)
    return `${value.dataset}.${name.name}`
  if (name !== undefined) return `${name.schema}.${name.name}`
  if (Array.isArray(value) && value.every((part) => typeof part === 'string')) return value.join('.')
  return JSON.stringify(value)
}
