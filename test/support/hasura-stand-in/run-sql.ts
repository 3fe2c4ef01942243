// run_sql with the server's metadata check: tracked tables dropped by the SQL are untracked,
// renamed ones follow their new name, and objects that depend on a dropped table or column
// refuse the SQL unless `cascade` (all inside the SQL's transaction).
import type pg from 'pg'
import { hasuraError, isJsonObject, type Json, type JsonObject } from './errors.js'
import {
  checkConsistency,
  loadCatalog,
  permissionColumns,
  relationshipColumns,
  type InconsistentObject,
} from './consistency.js'
import { cloneSource, displayName, nameKey, qualifiedName, type StoredSource } from './metadata-store.js'
import type { ServerGeneration } from './generation.js'

// The server's own heuristic: without an explicit flag, only SQL with a DDL keyword is checked.
const ddlKeyword = /\balter\b|\bdrop\b|\breplace\b|\bcreate function\b|\bcomment on\b/im

export function needsMetadataCheck(args: JsonObject): boolean {
  if (args.read_only === true) return false
  if (typeof args.check_metadata_consistency === 'boolean') return args.check_metadata_consistency
  return typeof args.sql === 'string' && ddlKeyword.test(args.sql)
}

interface Dependent {
  label: string
  remove: () => void
}

/** Objects of `metadata` that use a dropped table or column, with how to purge each. */
function findDependents(
  generation: ServerGeneration,
  metadata: StoredSource,
  droppedTables: Set<string>,
  droppedColumns: Map<string, Set<string>>,
): Dependent[] {
  const inSource = generation === 'v2' ? ` in source "${metadata.name}"` : ''
  const dependents: Dependent[] = []
  const usesDropped = (table: Json | undefined, columns: string[]) => {
    if (table === undefined) return false
    const key = nameKey(qualifiedName(table))
    return droppedTables.has(key) || columns.some((c) => droppedColumns.get(key)?.has(c))
  }
  for (const entry of metadata.tables) {
    const table = qualifiedName(entry.table)
    if (droppedTables.has(nameKey(table))) continue
    const dropFrom = (key: string, item: Json) => () => {
      entry[key] = (entry[key] as Json[]).filter((other) => other !== item)
      if ((entry[key] as Json[]).length === 0) delete entry[key]
    }
    for (const kind of ['insert', 'select', 'update', 'delete']) {
      for (const permission of (entry[`${kind}_permissions`] as Json[] | undefined) ?? []) {
        if (!usesDropped(entry.table, permissionColumns(permission))) continue
        const role = isJsonObject(permission) ? String(permission.role) : ''
        dependents.push({
          label: `permission ${displayName(table)}.${role}.${kind}${inSource}`,
          remove: dropFrom(`${kind}_permissions`, permission),
        })
      }
    }
    for (const key of ['object_relationships', 'array_relationships']) {
      for (const relationship of (entry[key] as Json[] | undefined) ?? []) {
        const { local, remote } = relationshipColumns(relationship)
        if (!usesDropped(entry.table, local) && !usesDropped(remote?.table, remote?.columns ?? [])) continue
        const name = isJsonObject(relationship) ? String(relationship.name) : ''
        dependents.push({
          label: `relationship ${displayName(table)}.${name}${inSource}`,
          remove: dropFrom(key, relationship),
        })
      }
    }
  }
  return dependents
}

const sameObject = (a: InconsistentObject, b: InconsistentObject) =>
  a.type === b.type && JSON.stringify(a.definition) === JSON.stringify(b.definition)

export interface MetadataCheckOutcome {
  /** The source's metadata after the SQL. */
  metadata: StoredSource
  /** The source's inconsistent objects after the SQL. */
  inconsistent: InconsistentObject[]
}

/**
 * Runs `execute` between two catalog reads on `client` (the source's database) and returns the
 * source's metadata after the SQL. Throws (so the caller rolls back) on dependents without cascade
 * or on new inconsistencies.
 */
export async function withMetadataCheck<T>(
  client: pg.Client,
  generation: ServerGeneration,
  current: { metadata: StoredSource; inconsistent: InconsistentObject[] },
  cascade: boolean,
  errorPath: string,
  execute: () => Promise<T>,
): Promise<{ result: T; outcome: MetadataCheckOutcome }> {
  const before = await loadCatalog(client)
  const result = await execute()
  const after = await loadCatalog(client)
  const byOid = new Map([...after.tables.values()].map((t) => [t.oid, t]))
  const metadata = cloneSource(current.metadata)
  const droppedTables = new Set<string>()
  const droppedColumns = new Map<string, Set<string>>()
  for (const entry of metadata.tables) {
    const key = nameKey(qualifiedName(entry.table))
    const old = before.tables.get(key)
    if (!old) continue
    const now = byOid.get(old.oid)
    if (!now) {
      droppedTables.add(key)
      continue
    }
    droppedColumns.set(key, new Set(old.columns.filter((c) => !now.columns.includes(c))))
    entry.table = { schema: now.schema, name: now.name }
  }
  const dependents = findDependents(generation, metadata, droppedTables, droppedColumns)
  if (dependents.length > 0 && !cascade) {
    const separator = generation === 'v2' ? ': ' : ' : '
    throw hasuraError(
      400,
      generation === 'v2' ? '$' : errorPath,
      'dependency-error',
      `cannot drop due to the following dependent objects${separator}${dependents.map((d) => d.label).join(', ')}`,
    )
  }
  dependents.forEach((d) => d.remove())
  metadata.tables = metadata.tables.filter((e) => !droppedTables.has(nameKey(qualifiedName(e.table))))
  metadata.functions = metadata.functions.filter((f) =>
    after.functions.has(nameKey(qualifiedName(f.function))),
  )
  const inconsistent = checkConsistency(generation, metadata, after)
  const fresh = inconsistent.filter((o) => !current.inconsistent.some((old) => sameObject(old, o)))
  if (fresh.length > 0) {
    const error =
      generation === 'v2'
        ? 'cannot continue due to new inconsistent metadata'
        : 'cannot continue due to newly found inconsistent metadata'
    throw hasuraError(400, errorPath, 'unexpected', error, fresh)
  }
  return { result, outcome: { metadata, inconsistent } }
}
