// The database objects a metadata object refers to, so the guard that runs after the down migrations
// can say "metadata needs column public.author.name, which the rollback dropped" before the server
// rejects the metadata with a less precise inconsistency.
import { isRecord } from './yaml-file.js'
import type { MetadataV2 } from './assemble.js'

export interface RequiredObjects {
  tables: { schema: string; name: string }[]
  columns: { schema: string; table: string; column: string }[]
  functions: { schema: string; name: string }[]
}

interface QualifiedName {
  schema: string
  name: string
}

const permissionKeys = ['insert_permissions', 'select_permissions', 'update_permissions'] as const
const eventOperations = ['insert', 'update', 'delete'] as const
const relationshipKeys = ['object_relationships', 'array_relationships', 'remote_relationships'] as const

/**
 * Columns of the table itself that a boolean expression (permission `filter`/`check`) compares:
 * `_and`/`_or`/`_not` are walked; a relationship or computed field key and `_exists` point elsewhere.
 */
function filterColumns(expression: unknown, fields: ReadonlySet<string>): string[] {
  if (Array.isArray(expression)) return expression.flatMap((e) => filterColumns(e, fields))
  if (!isRecord(expression)) return []
  return Object.entries(expression).flatMap(([key, value]) => {
    if (key === '_and' || key === '_or' || key === '_not') return filterColumns(value, fields)
    if (key === '_exists' || fields.has(key)) return []
    return [key]
  })
}

/**
 * Tables/views (tracked ones and relationship targets, including action custom types' relationships),
 * columns (permission column lists except '*', relationship columns on either side, event trigger
 * columns when listed) and functions (functions.yaml and computed fields). Deduplicated and sorted.
 */
export function requiredObjects(metadata: MetadataV2): RequiredObjects {
  const found = new Collector()
  for (const entry of metadata.tables ?? []) {
    const table = qualifiedName(entry.table)
    if (table === undefined) continue
    found.table(table)
    // In filters, a key is a column unless it names a relationship or computed field of the table.
    const fields = new Set(
      [...relationshipKeys, 'computed_fields'].flatMap((key) =>
        recordsIn(entry[key]).flatMap((r) => stringsIn(r.name)),
      ),
    )
    for (const key of [...permissionKeys, 'delete_permissions'] as const) {
      for (const record of recordsIn(entry[key])) {
        const permission = isRecord(record.permission) ? record.permission : {}
        found.columns(
          table,
          stringsIn(permission.columns).filter((column) => column !== '*'),
        )
        found.columns(table, [
          ...filterColumns(permission.filter, fields),
          ...filterColumns(permission.check, fields),
          ...Object.keys(isRecord(permission.set) ? permission.set : {}),
        ])
      }
    }
    const configuration = isRecord(entry.configuration) ? entry.configuration : {}
    for (const key of ['custom_column_names', 'column_config']) {
      const byColumn = configuration[key]
      if (isRecord(byColumn)) found.columns(table, Object.keys(byColumn))
    }
    for (const relationship of recordsIn(entry.object_relationships)) found.relationship(table, relationship)
    for (const relationship of recordsIn(entry.array_relationships)) found.relationship(table, relationship)
    for (const computed of recordsIn(entry.computed_fields)) {
      const definition = isRecord(computed.definition) ? computed.definition : {}
      const fn = qualifiedName(definition.function)
      if (fn !== undefined) found.function(fn)
    }
    for (const trigger of recordsIn(entry.event_triggers)) {
      const definition = isRecord(trigger.definition) ? trigger.definition : {}
      for (const operation of eventOperations) {
        const spec = definition[operation]
        if (isRecord(spec))
          found.columns(
            table,
            stringsIn(spec.columns).filter((column) => column !== '*'),
          )
      }
    }
  }
  // Action output types may join to tables: `relationships: [{remote_table, field_mapping}]`.
  for (const type of recordsIn(metadata.custom_types?.objects)) {
    for (const relationship of recordsIn(type.relationships)) {
      const remote = qualifiedName(relationship.remote_table)
      const mapping = isRecord(relationship.field_mapping) ? relationship.field_mapping : {}
      if (remote === undefined) continue
      found.table(remote)
      found.columns(remote, stringsIn(Object.values(mapping)))
    }
  }
  for (const entry of metadata.functions ?? []) {
    const fn = isRecord(entry) ? qualifiedName(entry.function) : undefined
    if (fn !== undefined) found.function(fn)
  }
  return found.result()
}

class Collector {
  readonly #tables = new Map<string, QualifiedName>()
  readonly #columns = new Map<string, { schema: string; table: string; column: string }>()
  readonly #functions = new Map<string, QualifiedName>()

  table(name: QualifiedName): void {
    this.#tables.set(JSON.stringify([name.schema, name.name]), name)
  }

  function(name: QualifiedName): void {
    this.#functions.set(JSON.stringify([name.schema, name.name]), name)
  }

  columns(table: QualifiedName, columns: string[]): void {
    for (const column of columns) {
      const entry = { schema: table.schema, table: table.name, column }
      this.#columns.set(JSON.stringify([table.schema, table.name, column]), entry)
    }
  }

  /** `using.foreign_key_constraint_on` (own columns, or `{table, column(s)}` on the remote table) or `manual_configuration`. */
  relationship(table: QualifiedName, relationship: Record<string, unknown>): void {
    const using = isRecord(relationship.using) ? relationship.using : {}
    const foreignKey = using.foreign_key_constraint_on
    if (isRecord(foreignKey)) {
      const remote = qualifiedName(foreignKey.table)
      if (remote !== undefined) {
        this.table(remote)
        this.columns(remote, [...stringsIn(foreignKey.column), ...stringsIn(foreignKey.columns)])
      }
    } else {
      this.columns(table, stringsIn(foreignKey))
    }
    const manual = using.manual_configuration
    if (isRecord(manual)) {
      const remote = qualifiedName(manual.remote_table)
      const mapping = isRecord(manual.column_mapping) ? manual.column_mapping : {}
      this.columns(table, Object.keys(mapping))
      if (remote !== undefined) {
        this.table(remote)
        this.columns(remote, stringsIn(Object.values(mapping)))
      }
    }
  }

  result(): RequiredObjects {
    return {
      tables: sorted(this.#tables),
      columns: sorted(this.#columns),
      functions: sorted(this.#functions),
    }
  }
}

function qualifiedName(value: unknown): QualifiedName | undefined {
  if (typeof value === 'string') return { schema: 'public', name: value }
  if (isRecord(value) && typeof value.name === 'string') {
    return { schema: typeof value.schema === 'string' ? value.schema : 'public', name: value.name }
  }
  return undefined
}

function recordsIn(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : []
}

/** A string or a list of strings, as metadata writes column references. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
}

function sorted<T>(byKey: Map<string, T>): T[] {
  return [...byKey.keys()].sort(compareKeys).map((key) => byKey.get(key) as T)
}

// Keys are JSON arrays of the name parts; comparing the parts keeps "a"."b" before "a_x"."b".
function compareKeys(left: string, right: string): number {
  const a = JSON.parse(left) as string[]
  const b = JSON.parse(right) as string[]
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? ''
    const y = b[i] ?? ''
    if (x !== y) return x < y ? -1 : 1
  }
  return 0
}
