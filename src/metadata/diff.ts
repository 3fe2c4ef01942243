// What re-applying the stable metadata changes against the server's current metadata, in words a
// reviewer can check: tables tracked or untracked, relationships, permissions, actions, remote
// schemas… (pure). Both sides are first brought to the version-2 shape.
import type { MetadataV2 } from './assemble.js'

export interface MetadataChange {
  readonly kind: 'added' | 'removed' | 'changed'
  /** e.g. 'table public.article', 'select permission for role user on public.author' */
  readonly what: string
}

type Json = unknown
type Record_ = Record<string, Json>

const isRecord = (v: Json): v is Record_ => typeof v === 'object' && v !== null && !Array.isArray(v)

/** A server export (version 2 object, `{resource_version, metadata}`, or version 3 with sources) → version-2 shape. */
export function toVersion2(exported: Json): Record_ {
  const m = isRecord(exported) && isRecord(exported.metadata) ? exported.metadata : exported
  if (!isRecord(m)) return {}
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

function qualified(name: Json): string {
  if (typeof name === 'string') return `public.${name}`
  if (isRecord(name))
    return `${typeof name.schema === 'string' ? name.schema : 'public'}.${String(name.name)}`
  return JSON.stringify(name)
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
  isRecord(e) ? String(e.name ?? e.role ?? e.collection ?? canonical(e)) : canonical(e)

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
  ['functions', 'function'],
  ['actions', 'action'],
  ['remote_schemas', 'remote schema'],
  ['cron_triggers', 'cron trigger'],
  ['query_collections', 'query collection'],
  ['allowlist', 'allow-list entry'],
]

export function diffMetadata(current: Json, stable: MetadataV2): MetadataChange[] {
  const before = toVersion2(current)
  const after = stable as Record_
  const changes: MetadataChange[] = []
  const tableKey = (e: Json) => qualified(isRecord(e) ? e.table : e)
  compareLists(
    list(before.tables),
    list(after.tables),
    tableKey,
    (k) => `table ${k}`,
    changes,
    (table, old, now) => {
      const o = old as Record_
      const n = now as Record_
      const partChanges: MetadataChange[] = []
      for (const [part, word] of TABLE_PARTS) {
        compareLists(list(o[part]), list(n[part]), byName, (k) => `${word} ${k} on ${table}`, partChanges)
      }
      const rest = (t: Record_) =>
        canonical(Object.fromEntries(Object.entries(t).filter(([k]) => !TABLE_PARTS.some(([p]) => p === k))))
      if (rest(o) !== rest(n)) partChanges.push({ kind: 'changed', what: `configuration of table ${table}` })
      changes.push(...partChanges)
    },
  )
  for (const [section, word] of TOP_LEVEL) {
    const key = section === 'functions' ? (e: Json) => qualified(isRecord(e) ? e.function : e) : byName
    compareLists(list(before[section]), list(after[section]), key, (k) => `${word} ${k}`, changes)
  }
  if (canonical(before.custom_types ?? null) !== canonical(after.custom_types ?? null)) {
    changes.push({ kind: 'changed', what: 'action custom types' })
  }
  return changes
}
