// Checks stored metadata against the database, the way the server's schema cache build reports
// inconsistent objects: {type, name (v2.x only), definition, reason}.
import type pg from 'pg'
import { isJsonObject, type Json, type JsonObject } from './errors.js'
import {
  displayName,
  nameKey,
  qualifiedName,
  type QualifiedName,
  type StoredSource,
} from './metadata-store.js'
import { queryJson } from './sql.js'
import type { ServerGeneration } from './generation.js'

export interface CatalogTable {
  oid: string
  schema: string
  name: string
  columns: string[]
}

export interface Catalog {
  tables: Map<string, CatalogTable>
  functions: Set<string>
}

/** Tables, views and functions visible to the client's transaction (uncommitted DDL included). */
export async function loadCatalog(client: pg.Client): Promise<Catalog> {
  const tables = await queryJson<CatalogTable[]>(
    client,
    `SELECT coalesce(json_agg(t), '[]') AS value FROM (
       SELECT c.oid::text AS oid, n.nspname AS schema, c.relname AS name,
              coalesce(json_agg(a.attname ORDER BY a.attnum) FILTER (WHERE a.attnum > 0 AND NOT a.attisdropped), '[]')
                AS columns
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attribute a ON a.attrelid = c.oid
       WHERE c.relkind IN ('r', 'v', 'm', 'f', 'p')
       GROUP BY c.oid, n.nspname, c.relname) t`,
  )
  const functions = await queryJson<string[]>(
    client,
    `SELECT coalesce(json_agg(n.nspname || '.' || p.proname), '[]') AS value
     FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace`,
  )
  return { tables: new Map(tables.map((t) => [`${t.schema}.${t.name}`, t])), functions: new Set(functions) }
}

export interface InconsistentObject extends JsonObject {
  type: string
  definition: Json
  reason: string
}

const permissionKinds = ['insert', 'select', 'update', 'delete'] as const

/** Column names a permission's `columns` list names (`*` means all). */
export function permissionColumns(entry: Json): string[] {
  const permission = isJsonObject(entry) && isJsonObject(entry.permission) ? entry.permission : {}
  return Array.isArray(permission.columns)
    ? permission.columns.filter((c): c is string => typeof c === 'string')
    : []
}

/** Columns of this table and of a remote table that a relationship uses. */
export function relationshipColumns(entry: Json): {
  local: string[]
  remote?: { table: Json; columns: string[] }
} {
  const using = isJsonObject(entry) && isJsonObject(entry.using) ? entry.using : {}
  const fk = using.foreign_key_constraint_on
  if (typeof fk === 'string') return { local: [fk] }
  if (isJsonObject(fk)) {
    const columns = Array.isArray(fk.columns) ? fk.columns : [fk.column]
    return {
      local: [],
      remote: { table: fk.table, columns: columns.filter((c): c is string => typeof c === 'string') },
    }
  }
  const manual = isJsonObject(using.manual_configuration) ? using.manual_configuration : {}
  const mapping = isJsonObject(manual.column_mapping) ? manual.column_mapping : {}
  return {
    local: Object.keys(mapping),
    remote: {
      table: manual.remote_table,
      columns: Object.values(mapping).filter((c) => typeof c === 'string'),
    },
  }
}

interface Check {
  generation: ServerGeneration
  source: StoredSource
  catalog: Catalog
  report: (type: string, name: string, definition: Json, reason: string) => void
}

/** The first of `columns` the table does not have (`*` stands for all). */
function missingColumn(check: Check, table: QualifiedName, columns: string[]): string | undefined {
  const known = check.catalog.tables.get(nameKey(table))?.columns ?? []
  return columns.find((c) => c !== '*' && !known.includes(c))
}

/** A table-level object's definition as reported: the entry, its table and (v2.x) its source. */
function tableObject(check: Check, entry: Json, table: QualifiedName, withSource: boolean): Json {
  const definition = { ...(isJsonObject(entry) ? entry : {}), table: { ...table } }
  return withSource && check.generation === 'v2' ? { ...definition, source: check.source.name } : definition
}

const inTable = (table: QualifiedName, what: string, problem: string) =>
  `in table "${displayName(table)}": ${what}: ${problem}`

function checkPermissions(check: Check, entry: JsonObject, table: QualifiedName) {
  for (const kind of permissionKinds) {
    for (const permission of (entry[`${kind}_permissions`] as Json[] | undefined) ?? []) {
      const role = isJsonObject(permission) ? String(permission.role) : ''
      const column = missingColumn(check, table, permissionColumns(permission))
      if (column === undefined) continue
      check.report(
        `${kind}_permission`,
        `${kind}_permission ${role} in table ${displayName(table)}`,
        tableObject(check, permission, table, true),
        inTable(table, `in permission for role "${role}"`, `"${column}" does not exist`),
      )
    }
  }
}

/** What is wrong with a relationship's columns or remote table, if anything. */
function relationshipProblem(check: Check, relationship: Json, table: QualifiedName): string | undefined {
  const columns = relationshipColumns(relationship)
  const remoteTable = columns.remote?.table === undefined ? undefined : qualifiedName(columns.remote.table)
  if (remoteTable && !check.catalog.tables.has(nameKey(remoteTable))) {
    return `table "${displayName(remoteTable)}" does not exist`
  }
  const missing =
    missingColumn(check, table, columns.local) ??
    (remoteTable && missingColumn(check, remoteTable, columns.remote?.columns ?? []))
  return missing === undefined ? undefined : `"${missing}" does not exist`
}

function checkRelationships(check: Check, entry: JsonObject, table: QualifiedName) {
  for (const kind of ['object', 'array'] as const) {
    for (const relationship of (entry[`${kind}_relationships`] as Json[] | undefined) ?? []) {
      const name = isJsonObject(relationship) ? String(relationship.name) : ''
      const problem = relationshipProblem(check, relationship, table)
      if (problem === undefined) continue
      check.report(
        `${kind}_relation`,
        `${kind}_relation ${name} in table ${displayName(table)}`,
        tableObject(check, relationship, table, true),
        inTable(table, `in relationship "${name}"`, problem),
      )
    }
  }
}

function checkComputedFields(check: Check, entry: JsonObject, table: QualifiedName) {
  for (const field of (entry.computed_fields as Json[] | undefined) ?? []) {
    const name = isJsonObject(field) ? String(field.name) : ''
    const definition = isJsonObject(field) && isJsonObject(field.definition) ? field.definition : {}
    const fn = qualifiedName(definition.function)
    if (check.catalog.functions.has(nameKey(fn))) continue
    check.report(
      'computed_field',
      `computed_field ${name} in table ${displayName(table)}`,
      tableObject(check, field, table, false),
      inTable(table, `in computed field "${name}"`, `no such function exists: "${displayName(fn)}"`),
    )
  }
}

/** The inconsistent objects of one source whose database is reachable. */
export function checkConsistency(
  generation: ServerGeneration,
  source: StoredSource,
  catalog: Catalog,
): InconsistentObject[] {
  const found: InconsistentObject[] = []
  const inSource = generation === 'v2' ? ` in source ${source.name}` : ''
  const report = (type: string, name: string, definition: Json, reason: string) => {
    // v2.x names each object and prefixes the reason; v1.x has neither.
    found.push(
      generation === 'v2'
        ? { type, name: `${name}${inSource}`, definition, reason: `Inconsistent object: ${reason}` }
        : { type, definition, reason },
    )
  }
  const check: Check = { generation, source, catalog, report }
  for (const entry of source.tables) {
    const table = qualifiedName(entry.table)
    const shown = displayName(table)
    if (!catalog.tables.has(nameKey(table))) {
      const where = generation === 'v2' ? 'source' : 'postgres'
      report('table', `table ${shown}`, { ...table }, `no such table/view exists in ${where}: "${shown}"`)
      continue
    }
    checkPermissions(check, entry, table)
    checkRelationships(check, entry, table)
    checkComputedFields(check, entry, table)
  }
  for (const entry of source.functions) {
    const fn = qualifiedName(entry.function)
    if (catalog.functions.has(nameKey(fn))) continue
    const where = generation === 'v2' ? '' : ' in postgres '
    report(
      'function',
      `function ${displayName(fn)}`,
      entry,
      `no such function exists${where}: "${displayName(fn)}"`,
    )
  }
  return found
}
