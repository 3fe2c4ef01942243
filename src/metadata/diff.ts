// What re-applying the stable metadata changes against the server's current metadata, in words a
// reviewer can check: tables tracked or untracked, relationships, permissions, actions, remote
// schemas… (pure). Config v2: both sides are first brought to the version-2 shape. Config v3: per
// database, each change naming its database ("table public.users in database default").
import { isRecord } from '../json.js'
import type { MetadataV2 } from './assemble.js'
import type { MetadataV3 } from './assemble-v3.js'
import { formatName } from './names.js'

export interface MetadataChange {
  readonly kind: 'added' | 'removed' | 'changed'
  /** e.g. 'table public.article', 'select permission for role user on public.author' */
  readonly what: string
}

type Json = unknown
type Record_ = Record<string, Json>

/** The metadata of a server export, with or without the `{resource_version, metadata}` envelope. */
function unwrapExport(exported: Json): Record_ {
  const m = isRecord(exported) && isRecord(exported.metadata) ? exported.metadata : exported
  return isRecord(m) ? m : {}
}

/** A server export (version 2 object, `{resource_version, metadata}`, or version 3 with sources) → version-2 shape. */
export function toVersion2(exported: Json): Record_ {
  const m = unwrapExport(exported)
  if (Array.isArray(m.sources)) {
    const source = m.sources.find((s) => isRecord(s) && s.name === 'default') ?? m.sources[0]
    const rest: Record_ = { ...m }
    delete rest.sources
    return {
      ...rest,
      tables: isRecord(source) ? source.tables : [],
      functions: isRecord(source) ? source.functions : [],
    }
  }
  return m
}

/** Stable JSON: object keys sorted, so equal metadata compares equal whatever the key order. */
function canonical(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (isRecord(value)) {
    return `{${Object.keys(value)
      .filter((k) => value[k] !== undefined && value[k] !== null)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(value)
}

function list(value: Json): Json[] {
  return Array.isArray(value) ? value : []
}

/** Compares two keyed lists; `label(key)` words one entry. */
function compareLists(
  before: Json[],
  after: Json[],
  key: (entry: Json) => string,
  label: (key: string) => string,
  changes: MetadataChange[],
  nested?: (key: string, before: Json, after: Json) => void,
): void {
  const a = new Map(before.map((e) => [key(e), e]))
  const b = new Map(after.map((e) => [key(e), e]))
  for (const [k, entry] of b) {
    const old = a.get(k)
    if (old === undefined) changes.push({ kind: 'added', what: label(k) })
    else if (canonical(old) !== canonical(entry)) {
      if (nested) nested(k, old, entry)
      else changes.push({ kind: 'changed', what: label(k) })
    }
  }
  for (const k of a.keys()) if (!b.has(k)) changes.push({ kind: 'removed', what: label(k) })
}

const byName = (e: Json) =>
  isRecord(e) ? String(e.name ?? e.role ?? e.collection ?? e.role_name ?? canonical(e)) : canonical(e)

/** The name under `key` of an entry (`table`, `function`, …) as `schema.name`. */
const nameAt =
  (key: string) =>
  (e: Json): string =>
    formatName(isRecord(e) ? e[key] : e)

const TABLE_PARTS: readonly [string, string][] = [
  ['object_relationships', 'object relationship'],
  ['array_relationships', 'array relationship'],
  ['remote_relationships', 'remote relationship'],
  ['computed_fields', 'computed field'],
  ['insert_permissions', 'insert permission for role'],
  ['select_permissions', 'select permission for role'],
  ['update_permissions', 'update permission for role'],
  ['delete_permissions', 'delete permission for role'],
  ['event_triggers', 'event trigger'],
]

const TOP_LEVEL: readonly [string, string][] = [
  ['actions', 'action'],
  ['remote_schemas', 'remote schema'],
  ['cron_triggers', 'cron trigger'],
  ['query_collections', 'query collection'],
  ['allowlist', 'allow-list entry'],
]

/** Tables tracked, untracked or changed (part by part); `where` ends each label, e.g. ' in database x'. */
function compareTables(before: Json, after: Json, where: string, changes: MetadataChange[]): void {
  compareLists(
    list(before),
    list(after),
    nameAt('table'),
    (k) => `table ${k}${where}`,
    changes,
    (table, old, now) => {
      const o = old as Record_
      const n = now as Record_
      for (const [part, word] of TABLE_PARTS) {
        compareLists(list(o[part]), list(n[part]), byName, (k) => `${word} ${k} on ${table}${where}`, changes)
      }
      const rest = (t: Record_) =>
        canonical(Object.fromEntries(Object.entries(t).filter(([k]) => !TABLE_PARTS.some(([p]) => p === k))))
      if (rest(o) !== rest(n))
        changes.push({ kind: 'changed', what: `configuration of table ${table}${where}` })
    },
  )
}

function compareTopLevel(
  before: Record_,
  after: Record_,
  sections: typeof TOP_LEVEL,
  changes: MetadataChange[],
) {
  for (const [section, word] of sections) {
    compareLists(list(before[section]), list(after[section]), byName, (k) => `${word} ${k}`, changes)
  }
  if (canonical(before.custom_types ?? null) !== canonical(after.custom_types ?? null)) {
    changes.push({ kind: 'changed', what: 'action custom types' })
  }
}

export function diffMetadata(current: Json, stable: MetadataV2): MetadataChange[] {
  const before = toVersion2(current)
  const after = stable as Record_
  const changes: MetadataChange[] = []
  compareTables(before.tables, after.tables, '', changes)
  compareLists(
    list(before.functions),
    list(after.functions),
    nameAt('function'),
    (k) => `function ${k}`,
    changes,
  )
  compareTopLevel(before, after, TOP_LEVEL, changes)
  return changes
}

const SOURCE_PARTS: readonly [string, string, (e: Json) => string][] = [
  ['functions', 'function', nameAt('function')],
  ['logical_models', 'logical model', byName],
  ['native_queries', 'native query', (e) => (isRecord(e) ? String(e.root_field_name) : canonical(e))],
  ['stored_procedures', 'stored procedure', nameAt('stored_procedure')],
]

const V3_TOP_LEVEL: typeof TOP_LEVEL = [
  ...TOP_LEVEL,
  ['rest_endpoints', 'REST endpoint'],
  ['inherited_roles', 'inherited role'],
]

/** Sections compared whole: [key, what changes]. */
const V3_SETTINGS: readonly [string, string][] = [
  ['network', 'network settings'],
  ['api_limits', 'API limits'],
  ['opentelemetry', 'OpenTelemetry settings'],
  ['backend_configs', 'backend configs'],
  ['graphql_schema_introspection', 'schema introspection settings'],
  ['metrics_config', 'metrics settings'],
]

/** Config v3: `current` is a server export (version 3, possibly inside `{resource_version, metadata}`). */
export function diffMetadataV3(current: Json, stable: MetadataV3): MetadataChange[] {
  const before = unwrapExport(current)
  const after = stable as unknown as Record_
  const changes: MetadataChange[] = []
  compareLists(
    list(before.sources),
    list(after.sources),
    byName,
    (k) => `database ${k}`,
    changes,
    (name, old, now) => compareSource(name, old as Record_, now as Record_, changes),
  )
  compareTopLevel(before, after, V3_TOP_LEVEL, changes)
  for (const [section, what] of V3_SETTINGS) {
    if (canonical(withoutEmpty(before[section])) !== canonical(withoutEmpty(after[section]))) {
      changes.push({ kind: 'changed', what })
    }
  }
  return changes
}

function compareSource(name: string, before: Record_, after: Record_, changes: MetadataChange[]): void {
  const where = ` in database ${name}`
  compareTables(before.tables, after.tables, where, changes)
  for (const [part, word, key] of SOURCE_PARTS) {
    compareLists(list(before[part]), list(after[part]), key, (k) => `${word} ${k}${where}`, changes)
  }
  const compared = new Set(['tables', ...SOURCE_PARTS.map(([part]) => part)])
  const settings = (source: Record_) =>
    canonical(withoutEmpty(Object.fromEntries(Object.entries(source).filter(([k]) => !compared.has(k)))))
  if (settings(before) !== settings(after))
    changes.push({ kind: 'changed', what: `settings of database ${name}` })
}

// Assembly leaves out a section the files leave empty; an export may hold it as `{}` or `[]`.
function withoutEmpty(value: Json): Json {
  if (Array.isArray(value)) return value.length === 0 ? null : value
  if (!isRecord(value)) return value ?? null
  const kept = Object.entries(value).filter(([, item]) => withoutEmpty(item) !== null)
  return kept.length === 0 ? null : Object.fromEntries(kept)
}
