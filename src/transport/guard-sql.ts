// The guard runs inside the rollback transaction, after the downs: every table, column and function
// the stable metadata references must exist, or the transaction fails (and rolls back) before any
// metadata is sent — so Hasura is never asked to track what the rollback dropped.
import type { RequiredObjects } from '../metadata/required-objects.js'
import { dollarQuote, sqlLiteral as literal } from '../sql/quote.js'
import { GUARD_MARKER } from './markers.js'

function valuesList(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => `(${r.map(literal).join(', ')})`).join(', ')
}

/** undefined when the metadata references nothing (no check needed). */
export function guardSql(required: RequiredObjects): string | undefined {
  const checks: string[] = []
  if (required.tables.length > 0) {
    checks.push(
      `SELECT 'table ' || s || '.' || n FROM (VALUES ${valuesList(required.tables.map((t) => [t.schema, t.name]))}) AS t(s, n)
       WHERE to_regclass(quote_ident(s) || '.' || quote_ident(n)) IS NULL`,
    )
  }
  if (required.columns.length > 0) {
    checks.push(
      `SELECT 'column ' || s || '.' || t || '.' || c FROM (VALUES ${valuesList(required.columns.map((c) => [c.schema, c.table, c.column]))}) AS x(s, t, c)
       WHERE NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = to_regclass(quote_ident(s) || '.' || quote_ident(t))
         AND a.attname = c AND a.attnum > 0 AND NOT a.attisdropped)`,
    )
  }
  if (required.functions.length > 0) {
    checks.push(
      `SELECT 'function ' || s || '.' || f FROM (VALUES ${valuesList(required.functions.map((f) => [f.schema, f.name]))}) AS x(s, f)
       WHERE NOT EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace ns ON ns.oid = p.pronamespace WHERE ns.nspname = s AND p.proname = f)`,
    )
  }
  if (checks.length === 0) return undefined
  const body = `
DECLARE missing text;
BEGIN
  SELECT string_agg(m, ', ') INTO missing FROM (${checks.join('\n  UNION ALL\n  ')}) AS found(m);
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION '${GUARD_MARKER} %', missing;
  END IF;
END`
  return `DO ${dollarQuote(body, 'guard')}`
}

/** The missing objects named by a guard failure message, or undefined when it is not one. */
export function parseGuardFailure(message: string): string | undefined {
  const at = message.indexOf(GUARD_MARKER)
  return at < 0 ? undefined : message.slice(at + GUARD_MARKER.length).trim()
}
