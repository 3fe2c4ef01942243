// The stand-in keeps metadata as its sources (each with its tables and functions) plus the other
// top-level sections, and renders it per server generation on export. A v1.x server has exactly
// one source, `default`.
import { hasuraError, isJsonObject, parseFailed, type Json, type JsonObject } from './errors.js'
import type { ServerGeneration } from './generation.js'

export interface QualifiedName {
  schema: string
  name: string
}

export interface StoredSource {
  name: string
  kind: string
  tables: JsonObject[]
  functions: JsonObject[]
  /** configuration and every other key of the source, kept as given. */
  rest: JsonObject
}

export interface StoredMetadata {
  sources: StoredSource[]
  /** Every other section (remote_schemas, actions, …), kept as given. */
  sections: JsonObject
}

/** A source with nothing tracked. */
export const emptySource = (name: string, kind: string, configuration: JsonObject): StoredSource => ({
  name,
  kind,
  tables: [],
  functions: [],
  rest: { configuration },
})

const tableKeys = new Set([
  'table',
  'is_enum',
  'configuration',
  'object_relationships',
  'array_relationships',
  'computed_fields',
  'remote_relationships',
  'insert_permissions',
  'select_permissions',
  'update_permissions',
  'delete_permissions',
  'event_triggers',
])
const v2OnlyTableKeys = new Set(['apollo_federation_config'])

export function qualifiedName(value: Json | undefined): QualifiedName {
  if (typeof value === 'string') return { schema: 'public', name: value }
  if (isJsonObject(value) && typeof value.name === 'string') {
    return { schema: typeof value.schema === 'string' ? value.schema : 'public', name: value.name }
  }
  throw parseFailed('$.args', 'expecting a table or function name')
}

/** How the server prints a name in messages: the schema is left out when it is `public`. */
export const displayName = (q: QualifiedName) => (q.schema === 'public' ? q.name : `${q.schema}.${q.name}`)
export const nameKey = (q: QualifiedName) => `${q.schema}.${q.name}`

function isEmpty(value: Json | undefined): boolean {
  if (value === undefined || value === null || value === false) return true
  if (Array.isArray(value)) return value.length === 0
  return isJsonObject(value) && Object.keys(value).length === 0
}

/** Drops empty keys, as exports leave them out. */
function withoutEmpty(object: JsonObject, keep: string[] = []): JsonObject {
  return Object.fromEntries(Object.entries(object).filter(([k, v]) => keep.includes(k) || !isEmpty(v)))
}

function parseTable(generation: ServerGeneration, entry: Json, path: string): JsonObject {
  if (!isJsonObject(entry)) throw parseFailed(path, 'expected Object')
  const unexpected = Object.keys(entry).filter(
    (key) => !tableKeys.has(key) && !(generation === 'v2' && v2OnlyTableKeys.has(key)),
  )
  if (unexpected.length > 0) {
    // Haskell `show` of the key list; v1.x put a space before the colon.
    const separator = generation === 'v1' ? ' : ' : ': '
    throw parseFailed(
      path,
      `unexpected keys when parsing TableMetadata${separator}${JSON.stringify(unexpected)}`,
    )
  }
  if (entry.table === undefined) throw parseFailed(path, 'key "table" not found')
  const table = qualifiedName(entry.table)
  return withoutEmpty({ ...entry, table: { schema: table.schema, name: table.name } })
}

function parseFunction(entry: Json): JsonObject {
  if (typeof entry === 'string' || (isJsonObject(entry) && entry.function === undefined)) {
    const name = qualifiedName(entry)
    return { function: { schema: name.schema, name: name.name } }
  }
  if (!isJsonObject(entry)) throw parseFailed('$.args.functions', 'expected Object')
  const name = qualifiedName(entry.function)
  return withoutEmpty({ ...entry, function: { schema: name.schema, name: name.name } })
}

function listOf(value: Json | undefined, path: string): Json[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) throw parseFailed(path, 'expected Array')
  return value
}

function parseTables(generation: ServerGeneration, value: Json | undefined, path: string) {
  return listOf(value, `${path}.tables`).map((t, i) => parseTable(generation, t, `${path}.tables[${i}]`))
}

function parseSource(generation: ServerGeneration, entry: Json, path: string): StoredSource {
  if (!isJsonObject(entry)) throw parseFailed(path, 'expected Object')
  const { name, kind, tables, functions, ...rest } = entry
  for (const [key, value] of Object.entries({ name, kind, tables, configuration: rest.configuration })) {
    if (value === undefined) throw parseFailed(path, `key "${key}" not found`)
  }
  if (typeof name !== 'string' || typeof kind !== 'string') throw parseFailed(path, 'expected String')
  return {
    name,
    kind,
    tables: parseTables(generation, tables, path),
    functions: listOf(functions, `${path}.functions`).map(parseFunction),
    rest,
  }
}

/** A version-1/2 payload on a v2.x server: its tables and functions become the `default` source, the
 * only one left (the server keeps that source's kind and configuration and drops every other source). */
function defaultSourceOf(
  generation: ServerGeneration,
  current: StoredMetadata,
  input: { tables: Json | undefined; functions: Json | undefined },
  path: string,
): StoredSource {
  const existing = current.sources.find((s) => s.name === 'default')
  if (generation === 'v2' && !existing) {
    throw hasuraError(
      400,
      '$.args',
      'not-supported',
      'cannot import metadata without sources since no default source is defined',
    )
  }
  const base = existing ?? emptySource('default', 'postgres', {})
  return {
    ...base,
    tables: parseTables(generation, input.tables, path),
    functions: listOf(input.functions, `${path}.functions`).map(parseFunction),
  }
}

/** Reads a metadata object of version 1/2 (both generations) or 3 (v2 only), replacing `current`. */
export function parseMetadata(
  generation: ServerGeneration,
  input: Json,
  current: StoredMetadata,
  path = '$.args',
): StoredMetadata {
  if (!isJsonObject(input)) throw parseFailed(path, 'expected Object')
  const { version = 1, tables, functions, sources, ...rest } = input
  if (version === 3 && generation === 'v2') {
    const parsed = listOf(sources, `${path}.sources`).map((s, i) =>
      parseSource(generation, s, `${path}.sources[${i}]`),
    )
    return { sources: parsed, sections: withoutEmpty(rest) }
  }
  if (version !== 1 && version !== 2) {
    throw parseFailed(path, `unexpected metadata version: ${JSON.stringify(version)}`)
  }
  if (generation === 'v1' && tables === undefined) throw parseFailed(path, 'key "tables" not found')
  const source = defaultSourceOf(generation, current, { tables, functions }, path)
  return { sources: [source], sections: withoutEmpty(rest) }
}

/** What clear_metadata leaves: the `default` source, if there was one, with nothing tracked. */
export function clearedMetadata(current: StoredMetadata): StoredMetadata {
  const existing = current.sources.find((s) => s.name === 'default')
  const configuration = isJsonObject(existing?.rest.configuration) ? existing.rest.configuration : {}
  return {
    sources: existing ? [emptySource('default', existing.kind, configuration)] : [],
    sections: {},
  }
}

/** The version-2 object (what v1.x exports; also the stand-in's `metadata()`): the `default` source. */
export function toVersion2(metadata: StoredMetadata): JsonObject {
  const source = metadata.sources.find((s) => s.name === 'default')
  return withoutEmpty(
    { version: 2, tables: source?.tables ?? [], functions: source?.functions ?? [], ...metadata.sections },
    ['version', 'tables'],
  )
}

// The order in which the server writes a source's keys.
const sourceKeyOrder = [
  'native_queries',
  'stored_procedures',
  'logical_models',
  'configuration',
  'query_tags',
  'customization',
  'health_check',
]

function sourceToJson(source: StoredSource): JsonObject {
  const known = sourceKeyOrder.filter((key) => source.rest[key] !== undefined)
  const others = Object.keys(source.rest).filter((key) => !sourceKeyOrder.includes(key))
  const ordered = [...known, ...others].map((key): [string, Json] => [key, source.rest[key] as Json])
  return withoutEmpty(
    {
      name: source.name,
      kind: source.kind,
      tables: source.tables,
      functions: source.functions,
      ...Object.fromEntries(ordered),
    },
    ['tables', 'configuration'],
  )
}

/** The version-3 object a v2.x server exports: its sources in their order. */
export function toVersion3(metadata: StoredMetadata): JsonObject {
  return withoutEmpty({ version: 3, sources: metadata.sources.map(sourceToJson), ...metadata.sections }, [
    'version',
    'sources',
  ])
}

export const cloneSource = (s: StoredSource): StoredSource => structuredClone(s)
