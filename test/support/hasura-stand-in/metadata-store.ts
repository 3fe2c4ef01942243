// The stand-in keeps metadata as a version-2 object (tables/functions of the one `default` source
// plus the other top-level sections), and renders it per server generation on export.
import { isJsonObject, parseFailed, type Json, type JsonObject } from './errors.js'
import type { ServerGeneration } from '../hasura-stand-in.js'

export interface QualifiedName {
  schema: string
  name: string
}

export interface StoredMetadata {
  tables: JsonObject[]
  functions: JsonObject[]
  /** Every other section (remote_schemas, actions, …), kept as given. */
  sections: JsonObject
}

export const emptyMetadata = (): StoredMetadata => ({ tables: [], functions: [], sections: {} })

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

/** Reads a metadata object of version 1/2 (both generations) or 3 (v2 only, its `default` source). */
export function parseMetadata(generation: ServerGeneration, input: Json, path = '$.args'): StoredMetadata {
  if (!isJsonObject(input)) throw parseFailed(path, 'expected Object')
  const { version = 1, tables, functions, sources, ...rest } = input
  let sourceTables = tables
  let sourceFunctions = functions
  if (version === 3 && generation === 'v2') {
    const source = listOf(sources, `${path}.sources`).find((s) => isJsonObject(s) && s.name === 'default')
    sourceTables = isJsonObject(source) ? source.tables : []
    sourceFunctions = isJsonObject(source) ? source.functions : []
  } else if (version !== 1 && version !== 2) {
    throw parseFailed(path, `unexpected metadata version: ${JSON.stringify(version)}`)
  } else if (generation === 'v1' && tables === undefined) {
    throw parseFailed(path, 'key "tables" not found')
  }
  return {
    tables: listOf(sourceTables, `${path}.tables`).map((t, i) =>
      parseTable(generation, t, `${path}.tables[${i}]`),
    ),
    functions: listOf(sourceFunctions, `${path}.functions`).map(parseFunction),
    sections: withoutEmpty(rest),
  }
}

/** The configuration a v2.x server reports for a `default` source added from HASURA_GRAPHQL_DATABASE_URL. */
const defaultSourceConfiguration: JsonObject = {
  connection_info: {
    database_url: { from_env: 'HASURA_GRAPHQL_DATABASE_URL' },
    isolation_level: 'read-committed',
    pool_settings: { connection_lifetime: 600, idle_timeout: 180, max_connections: 50, retries: 1 },
    use_prepared_statements: true,
  },
}

/** The version-2 object (what v1.x exports; also the stand-in's `metadata()`). */
export function toVersion2(metadata: StoredMetadata): JsonObject {
  return withoutEmpty(
    { version: 2, tables: metadata.tables, functions: metadata.functions, ...metadata.sections },
    ['version', 'tables'],
  )
}

/** The version-3 object a v2.x server exports. */
export function toVersion3(metadata: StoredMetadata): JsonObject {
  const source = withoutEmpty(
    {
      name: 'default',
      kind: 'postgres',
      tables: metadata.tables,
      functions: metadata.functions,
      configuration: defaultSourceConfiguration,
    },
    ['tables'],
  )
  return withoutEmpty({ version: 3, sources: [source], ...metadata.sections }, ['version', 'sources'])
}

export const cloneMetadata = (m: StoredMetadata): StoredMetadata => structuredClone(m)
