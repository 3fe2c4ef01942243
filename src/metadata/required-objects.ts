// The database objects a metadata object refers to, so the guard that runs after the down migrations
// can say "metadata needs column public.author.name, which the rollback dropped" before the server
// rejects the metadata with a less precise inconsistency.
import { isRecord } from '../json.js'
import type { CustomTypes } from './actions-sdl.js'
import type { MetadataV2 } from './assemble.js'
import type { MetadataV3, SourceMetadata } from './assemble-v3.js'
import { formatName, qualifiedName, type QualifiedName } from './names.js'

export interface RequiredObjects {
  tables: { schema: string; name: string }[]
  columns: { schema: string; table: string; column: string }[]
  functions: { schema: string; name: string }[]
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
  for (const entry of metadata.tables ?? []) collectTable(found, entry)
  for (const relationship of actionRelationships(metadata.custom_types)) {
    found.joinTarget(relationship.remote_table, relationship.field_mapping)
  }
  collectFunctions(found, metadata.functions)
  return found.result()
}

/** What one tables.yaml entry refers to in its own database. */
function collectTable(found: Collector, entry: Record<string, unknown>): QualifiedName | undefined {
  const table = qualifiedName(entry.table)
  if (table === undefined) return undefined
  found.table(table)
  const fields = fieldNames(entry)
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
  return table
}

/** In filters, a key is a column unless it names a relationship or computed field of the table. */
function fieldNames(entry: Record<string, unknown>): Set<string> {
  return new Set(
    [...relationshipKeys, 'computed_fields'].flatMap((key) =>
      recordsIn(entry[key]).flatMap((r) => stringsIn(r.name)),
    ),
  )
}

/** Action output types may join to tables: `relationships: [{source?, remote_table, field_mapping}]`. */
function actionRelationships(customTypes: CustomTypes | undefined): Record<string, unknown>[] {
  return recordsIn(customTypes?.objects).flatMap((type) => recordsIn(type.relationships))
}

function collectFunctions(found: Collector, functions: unknown): void {
  for (const entry of recordsIn(functions)) {
    const fn = qualifiedName(entry.function)
    if (fn !== undefined) found.function(fn)
  }
}

/** What the guard checks in one database's transaction, and what it leaves to Hasura's consistency check. */
export interface SourceRequirements {
  /** The database's kind as metadata gives it: postgres, citus, mssql, … */
  readonly kind: string
  readonly required: RequiredObjects
  /** Objects the guard cannot judge there, each in a few words, e.g. "logical model quiz_answer". */
  readonly unjudged: readonly string[]
}

// The guard is PL/pgSQL sent with run_sql, which Hasura runs on sources of kind postgres only.
const guardedKinds = new Set(['postgres'])

/**
 * Config v3: per database name (in metadata order), what its tracked tables, functions and
 * relationships need there, as `requiredObjects` words it for config v2, plus the joins into it from
 * action types and remote schemas (`source`, default `default`); and what the guard cannot judge.
 */
export function requiredObjectsBySource(metadata: MetadataV3): Map<string, SourceRequirements> {
  const bySource = new Map<string, { kind: string; found: Collector; unjudged: string[] }>()
  for (const source of metadata.sources) {
    const entry = { kind: source.kind, found: new Collector(), unjudged: [] as string[] }
    bySource.set(source.name, entry)
    if (guardedKinds.has(source.kind)) collectSource(source, entry.found, entry.unjudged)
    else
      entry.unjudged.push(
        `database ${source.name} of kind ${source.kind} (the guard runs on kind postgres only)`,
      )
  }
  for (const join of joinsIntoSources(metadata)) {
    // A database the metadata does not list is left to Hasura, which names it as inconsistent.
    const target = bySource.get(join.source)
    if (target !== undefined && guardedKinds.has(target.kind))
      target.found.joinTarget(join.table, join.fieldMapping)
  }
  return new Map(
    [...bySource].map(([name, { kind, found, unjudged }]) => [
      name,
      { kind, required: found.result(), unjudged },
    ]),
  )
}

function collectSource(source: SourceMetadata, found: Collector, unjudged: string[]): void {
  for (const entry of recordsIn(source.tables)) {
    const table = collectTable(found, entry)
    if (table !== undefined) collectRemoteRelationships(found, unjudged, source.name, table, entry)
  }
  collectFunctions(found, source.functions)
  for (const model of recordsIn(source.logical_models)) unjudged.push(`logical model ${String(model.name)}`)
  for (const query of recordsIn(source.native_queries)) {
    unjudged.push(`native query ${String(query.root_field_name)}`)
  }
  for (const procedure of recordsIn(source.stored_procedures)) {
    unjudged.push(`stored procedure ${formatName(procedure.stored_procedure)}`)
  }
}

/**
 * A remote relationship's own columns are checked here (`field_mapping` keys, `lhs_fields`, legacy
 * `hasura_fields`); its target only when it is a table of the same database.
 */
function collectRemoteRelationships(
  found: Collector,
  unjudged: string[],
  sourceName: string,
  table: QualifiedName,
  entry: Record<string, unknown>,
): void {
  const computedFields = new Set(recordsIn(entry.computed_fields).flatMap((field) => stringsIn(field.name)))
  for (const relationship of recordsIn(entry.remote_relationships)) {
    const definition = isRecord(relationship.definition) ? relationship.definition : {}
    const toSource = isRecord(definition.to_source) ? definition.to_source : undefined
    const toSchema = isRecord(definition.to_remote_schema) ? definition.to_remote_schema : definition
    const mapping = isRecord(toSource?.field_mapping) ? toSource.field_mapping : {}
    const ownFields = [
      ...Object.keys(mapping),
      ...stringsIn(toSchema.lhs_fields),
      ...stringsIn(toSchema.hasura_fields),
    ]
    found.columns(
      table,
      ownFields.filter((field) => !computedFields.has(field)),
    )
    const label = `remote relationship ${String(relationship.name)} on ${table.schema}.${table.name}`
    if (toSource?.source === sourceName) found.joinTarget(toSource.table, mapping)
    else if (toSource !== undefined) unjudged.push(`${label} (to database ${String(toSource.source)})`)
    else unjudged.push(`${label} (to remote schema ${String(toSchema.remote_schema)})`)
  }
}

interface JoinIntoSource {
  source: string
  table: unknown
  fieldMapping: unknown
}

/** Joins from outside any database into a table: action types' relationships, remote schemas' `to_source`. */
function joinsIntoSources(metadata: MetadataV3): JoinIntoSource[] {
  const sourceOf = (value: unknown): string => (typeof value === 'string' ? value : 'default')
  const fromActions = actionRelationships(metadata.custom_types).map((relationship) => ({
    source: sourceOf(relationship.source),
    table: relationship.remote_table,
    fieldMapping: relationship.field_mapping,
  }))
  const fromRemoteSchemas = recordsIn(metadata.remote_schemas)
    .flatMap((schema) => recordsIn(schema.remote_relationships))
    .flatMap((byType) => recordsIn(byType.relationships))
    .flatMap((relationship) => {
      const definition = isRecord(relationship.definition) ? relationship.definition : {}
      const toSource = isRecord(definition.to_source) ? definition.to_source : undefined
      if (toSource === undefined) return []
      return [
        { source: sourceOf(toSource.source), table: toSource.table, fieldMapping: toSource.field_mapping },
      ]
    })
  return [...fromActions, ...fromRemoteSchemas]
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

  /** A join to `table` from elsewhere (an action type, a remote schema, a table): the values of `fieldMapping` are its columns. */
  joinTarget(table: unknown, fieldMapping: unknown): void {
    const remote = qualifiedName(table)
    if (remote === undefined) return
    this.table(remote)
    this.columns(remote, stringsIn(Object.values(isRecord(fieldMapping) ? fieldMapping : {})))
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
