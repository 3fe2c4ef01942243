// Config v3 metadata directory → the metadata object (version 3) that the Hasura CLI's `metadata apply`
// sends. databases/databases.yaml lists the databases ("sources"); each one's tables and functions are
// usually `!include`d (includes.ts). Every file is optional; a section the CLI would send empty is left
// out, as in config v2 assembly (the server reads an absent section and an empty one alike). Top-level
// keys come in the CLI's order and unknown ones are dropped, as are unknown keys of a database.
// Per-table files are reached only through the includes: a file no tables.yaml names is not metadata.
import { posix } from 'node:path'
import { RollbackError } from '../errors.js'
import { isRecord } from '../json.js'
import type { ProjectFiles } from '../project/files.js'
import type { CustomTypes } from './actions-sdl.js'
import { checkedTableEntry, listOf, networkOf, readActions, type TableEntry } from './assemble.js'
import { findIncludeTag, IncludeResolver, locateFile, settleInOrder, type Located } from './includes.js'
import { describeYamlValue, readYamlFile, yamlError, type YamlFile } from './yaml-file.js'

/** One database of databases.yaml, with its includes followed. */
export interface SourceMetadata {
  name: string
  kind: string
  configuration: unknown
  query_tags?: unknown
  customization?: unknown
  health_check?: unknown
  logical_models?: unknown
  native_queries?: unknown
  stored_procedures?: unknown
  tables: TableEntry[]
  functions?: unknown[] | null
}

/** A config v3 metadata object as the CLI builds it (version-3 shape). */
export interface MetadataV3 {
  version: 3
  sources: SourceMetadata[]
  actions?: unknown[]
  custom_types?: CustomTypes
  remote_schemas?: unknown[]
  query_collections?: unknown[]
  allowlist?: unknown[]
  cron_triggers?: unknown[]
  network?: unknown
  api_limits?: Record<string, unknown>
  rest_endpoints?: unknown[]
  inherited_roles?: unknown[]
  opentelemetry?: Record<string, unknown>
  backend_configs?: Record<string, unknown>
  graphql_schema_introspection?: { disabled_for_roles: unknown[] }
  metrics_config?: Record<string, unknown>
}

/** The keys of a database the CLI sends, in its order. */
const sourceKeys = [
  'name',
  'kind',
  'configuration',
  'query_tags',
  'customization',
  'health_check',
  'logical_models',
  'native_queries',
  'stored_procedures',
  'tables',
  'functions',
] as const

// Hasura refuses a database without these; the CLI would send "" or null for them.
const requiredSourceKeys = ['kind', 'configuration', 'tables'] as const

/** The keys of api_limits.yaml the CLI keeps, in its order. */
const apiLimitKeys = ['disabled', 'rate_limit', 'depth_limit', 'node_limit', 'time_limit', 'batch_limit']

type SectionKey = Exclude<keyof MetadataV3, 'version' | 'sources' | 'actions' | 'custom_types'>

/** The sections after actions, in the CLI's key order: file, and what the CLI keeps of it (undefined: nothing). */
const sections: readonly [SectionKey, string, (file: YamlFile | undefined) => unknown][] = [
  ['remote_schemas', 'remote_schemas.yaml', listSection],
  ['query_collections', 'query_collections.yaml', listSection],
  ['allowlist', 'allow_list.yaml', listSection],
  ['cron_triggers', 'cron_triggers.yaml', listSection],
  ['network', 'network.yaml', networkOf],
  ['api_limits', 'api_limits.yaml', (file) => mappingSection(file, apiLimitKeys)],
  ['rest_endpoints', 'rest_endpoints.yaml', listSection],
  ['inherited_roles', 'inherited_roles.yaml', listSection],
  ['opentelemetry', 'opentelemetry.yaml', (file) => mappingSection(file)],
  ['backend_configs', 'backend_configs.yaml', (file) => mappingSection(file)],
  ['graphql_schema_introspection', 'graphql_schema_introspection.yaml', introspectionSection],
  ['metrics_config', 'metrics_config.yaml', (file) => mappingSection(file)],
]

/** Reads `metadataDirectory` (project-relative) the way the CLI's `metadata apply` does for config v3. */
export async function assembleMetadataV3(
  files: ProjectFiles,
  metadataDirectory: string,
): Promise<MetadataV3> {
  const pathOf = (file: string): string => posix.join(metadataDirectory, file)
  const includes = new IncludeResolver(files, metadataDirectory)
  // Read together: at a commit, files asked for at once come in one git call.
  const [versionFile, databasesFile, ...sectionFiles] = await settleInOrder([
    readYamlFile(files, pathOf('version.yaml')),
    includes.readYaml(pathOf('databases/databases.yaml')),
    ...sections.map(([, file]) => readYamlFile(files, pathOf(file))),
  ])
  const metadata: MetadataV3 = {
    version: versionOf(versionFile, pathOf('version.yaml')),
    sources: await readSources(includes, databasesFile),
    ...(await readActions(files, pathOf('actions.yaml'), pathOf('actions.graphql'))),
  }
  sections.forEach(([key, , build], index) => {
    const value = build(sectionFiles[index])
    if (value !== undefined) Object.assign(metadata, { [key]: value })
  })
  return metadata
}

// Without `version: 3` the server reads the object as older metadata (version 1 or 2), which has no
// databases: `sources` would be ignored.
function versionOf(file: YamlFile | undefined, path: string): 3 {
  if (file === undefined) {
    throw new RollbackError(`${path} is missing: config v3 metadata needs \`version: 3\``, { file: path })
  }
  const version = isRecord(file.value) ? file.value.version : undefined
  if (version === 3) return 3
  throw yamlError(
    file,
    isRecord(file.value) && 'version' in file.value ? ['version'] : [],
    `config v3 metadata needs \`version: 3\`, found ${describeYamlValue(version)}`,
  )
}

async function readSources(includes: IncludeResolver, file: YamlFile | undefined): Promise<SourceMetadata[]> {
  if (file === undefined || file.value == null) return []
  const databases = locateFile(file)
  if (!Array.isArray(databases.value)) {
    throw yamlError(file, [], `expected a list of databases, found ${describeYamlValue(databases.value)}`)
  }
  return settleInOrder(
    databases.value.map((entry: unknown, index) =>
      readSource(includes, { ...databases, value: entry, path: [index] }),
    ),
  )
}

async function readSource(includes: IncludeResolver, at: Located): Promise<SourceMetadata> {
  const entry = at.value
  if (!isRecord(entry)) {
    throw yamlError(at.file, at.path, `expected a database (a mapping), found ${describeYamlValue(entry)}`)
  }
  if (typeof entry.name !== 'string' || entry.name === '') {
    throw yamlError(at.file, at.path, 'database entry has no name')
  }
  const name = entry.name
  for (const key of requiredSourceKeys) {
    if (entry[key] == null) throw yamlError(at.file, at.path, `database ${name} has no \`${key}\``)
  }
  const keyAt = (key: string): Located => ({ ...at, value: entry[key], path: [...at.path, key] })
  const [tables, functions] = await settleInOrder([
    includes.entries(keyAt('tables')),
    includes.entries(keyAt('functions')),
  ])
  if (tables === undefined)
    throw yamlError(at.file, [...at.path, 'tables'], `database ${name} has no tables list`)
  const source: Record<string, unknown> = {}
  for (const key of sourceKeys) {
    if (!(key in entry)) continue
    if (key === 'tables') source.tables = tables.map((t) => checkedTableEntry(t.file, t.path, t.value, true))
    else if (key === 'functions') source.functions = functions?.map((f) => f.value) ?? null
    else source[key] = withoutIncludeTags(keyAt(key))
  }
  return source as unknown as SourceMetadata
}

/** A value of databases.yaml outside tables and functions, where the CLI follows no include. */
function withoutIncludeTags(at: Located): unknown {
  const found = findIncludeTag(at.value)
  if (found === undefined) return at.value
  throw yamlError(at.file, [...at.path, ...found], '!include is followed only under `tables` and `functions`')
}

function listSection(file: YamlFile | undefined): unknown[] | undefined {
  const list = listOf(file)
  return list.length > 0 ? list : undefined
}

/** A mapping section; `keys`: the keys the CLI keeps, in its order (all when not given). */
function mappingSection(
  file: YamlFile | undefined,
  keys?: readonly string[],
): Record<string, unknown> | undefined {
  if (file === undefined || file.value == null) return undefined
  if (!isRecord(file.value)) {
    throw yamlError(file, [], `expected a mapping, found ${describeYamlValue(file.value)}`)
  }
  const { value } = file
  const kept =
    keys === undefined ? value : Object.fromEntries(keys.filter((k) => k in value).map((k) => [k, value[k]]))
  return Object.keys(kept).length > 0 ? kept : undefined
}

/** The CLI keeps only `disabled_for_roles`, which the server requires whenever the section is sent. */
function introspectionSection(file: YamlFile | undefined): { disabled_for_roles: unknown[] } | undefined {
  const section = mappingSection(file, ['disabled_for_roles'])
  if (section === undefined || section.disabled_for_roles == null) return undefined
  if (!Array.isArray(section.disabled_for_roles)) {
    const found = describeYamlValue(section.disabled_for_roles)
    throw yamlError(file as YamlFile, ['disabled_for_roles'], `expected a list of roles, found ${found}`)
  }
  return section.disabled_for_roles.length > 0
    ? { disabled_for_roles: section.disabled_for_roles }
    : undefined
}
