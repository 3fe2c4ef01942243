// Config v2 metadata directory → the metadata object the Hasura CLI sends in replace_metadata.
// One file per section; a missing file is an empty section, and empty sections are left out (as the
// CLI does for actions and custom types, and older CLIs for every section; newer ones send `[]`, which
// the server reads the same way).
import { posix } from 'node:path'
import type { ProjectFiles } from '../project/files.js'
import { mergeActionsConfig, parseActionsSdl, type BuiltActions, type CustomTypes } from './actions-sdl.js'
import { isRecord } from '../json.js'
import { describeYamlValue, readYamlFile, yamlError, type YamlFile, type YamlPath } from './yaml-file.js'

/** A table or function name as metadata writes it: a bare name (schema public) or `{schema, name}`. */
export type ObjectName = string | { schema?: string; name: string }

/** One entry of tables.yaml; only `table` is required, the server rejects unknown keys. */
export interface TableEntry {
  table: ObjectName
  [key: string]: unknown
}

/** A config v2 metadata object as the CLI builds it (version-2 shape). */
export interface MetadataV2 {
  version: number
  tables?: TableEntry[]
  functions?: unknown[]
  remote_schemas?: unknown[]
  query_collections?: unknown[]
  allowlist?: unknown[]
  actions?: unknown[]
  custom_types?: CustomTypes
  cron_triggers?: unknown[]
  network?: unknown
  [key: string]: unknown
}

// Metadata written before version.yaml existed is version 1. The CLI then sends `version: null`, which
// the server reads as 1; we say 1 outright.
const versionWhenUnstated = 1

const listSections = {
  tables: 'tables.yaml',
  functions: 'functions.yaml',
  remote_schemas: 'remote_schemas.yaml',
  query_collections: 'query_collections.yaml',
  allowlist: 'allow_list.yaml',
  cron_triggers: 'cron_triggers.yaml',
} as const

/** Reads `metadataDirectory` (project-relative) the way the CLI's `metadata apply` does for config v2. */
export async function assembleMetadata(files: ProjectFiles, metadataDirectory: string): Promise<MetadataV2> {
  const pathOf = (file: string): string => posix.join(metadataDirectory, file)
  const readList = async (section: keyof typeof listSections): Promise<unknown[]> =>
    listOf(await readYamlFile(files, pathOf(listSections[section])))

  const metadata: MetadataV2 = { version: versionOf(await readYamlFile(files, pathOf('version.yaml'))) }
  const tablesFile = await readYamlFile(files, pathOf(listSections.tables))
  const tables = listOf(tablesFile)
  if (tablesFile !== undefined && tables.length > 0)
    metadata.tables = tables.map((entry, index) => checkedTableEntry(tablesFile, [index], entry))
  const functions = await readList('functions')
  if (functions.length > 0) metadata.functions = functions
  Object.assign(metadata, await readActions(files, pathOf('actions.yaml'), pathOf('actions.graphql')))
  for (const section of ['remote_schemas', 'query_collections', 'allowlist', 'cron_triggers'] as const) {
    const entries = await readList(section)
    if (entries.length > 0) metadata[section] = entries
  }
  const network = networkOf(await readYamlFile(files, pathOf('network.yaml')))
  if (network !== undefined) metadata.network = network
  return metadata
}

function versionOf(file: YamlFile | undefined): number {
  if (file === undefined || file.value == null) return versionWhenUnstated
  if (!isRecord(file.value))
    throw yamlError(file, [], `expected a mapping, found ${describeYamlValue(file.value)}`)
  const version = file.value.version
  if (version == null) return versionWhenUnstated
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw yamlError(file, ['version'], `version must be a whole number, found ${describeYamlValue(version)}`)
  }
  return version
}

/** The list a section file holds; [] for a missing or empty file. */
export function listOf(file: YamlFile | undefined): unknown[] {
  if (file === undefined || file.value == null) return []
  if (!Array.isArray(file.value))
    throw yamlError(file, [], `expected a list, found ${describeYamlValue(file.value)}`)
  return file.value
}

/**
 * A tables.yaml entry, checked here because everything downstream (the guard, summaries) keys on its
 * table name. `nameLists`: config v3 databases may also name a table by a list of parts.
 */
export function checkedTableEntry(
  file: YamlFile,
  path: YamlPath,
  entry: unknown,
  nameLists = false,
): TableEntry {
  const table = isRecord(entry) ? entry.table : undefined
  const named =
    typeof table === 'string' ||
    (isRecord(table) && typeof table.name === 'string') ||
    (nameLists && Array.isArray(table) && table.length > 0 && table.every((p) => typeof p === 'string'))
  if (named) return entry as TableEntry
  const forms = nameLists ? 'a string, {schema, name} or a list of names' : 'a string or {schema, name}'
  throw yamlError(file, path, `table entry has no \`table\` name (${forms})`)
}

/** The CLI keeps only `tls_allowlist` from network.yaml; `{}` (what the Console writes) means no section. */
export function networkOf(file: YamlFile | undefined): unknown {
  if (file === undefined || file.value == null) return undefined
  if (!isRecord(file.value))
    throw yamlError(file, [], `expected a mapping, found ${describeYamlValue(file.value)}`)
  const allowlist = file.value.tls_allowlist
  return allowlist == null ? undefined : { tls_allowlist: allowlist }
}

/**
 * The CLI builds actions only when both actions.graphql and actions.yaml exist; with either missing it
 * leaves both sections out, whatever the other file holds.
 */
export async function readActions(
  files: ProjectFiles,
  configPath: string,
  graphqlPath: string,
): Promise<BuiltActions> {
  const sdl = await files.readText(graphqlPath)
  if (sdl === undefined) return {}
  const definitions = parseActionsSdl(sdl, graphqlPath)
  const config = await readYamlFile(files, configPath)
  if (config === undefined) return {}
  return mergeActionsConfig(definitions, config, posix.basename(graphqlPath))
}
