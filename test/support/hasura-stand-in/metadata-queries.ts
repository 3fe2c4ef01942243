// The metadata queries: replace, export, clear, reload, the consistency report, and the catalog state.
import { checkConsistency, loadCatalog, type InconsistentObject } from './consistency.js'
import { hasuraError, isJsonObject, type Json } from './errors.js'
import {
  clearedMetadata,
  parseMetadata,
  toVersion2,
  toVersion3,
  type StoredMetadata,
} from './metadata-store.js'
import { databaseOf, unresolvedSource } from './sources.js'
import { withConnection } from './sql.js'
import { allInconsistent, commitMetadata, type Inconsistencies, type StandInState } from './state.js'

/** Checks every source of `metadata` against its own database; a source without one is inconsistent. */
export async function checkSources(state: StandInState, metadata: StoredMetadata): Promise<Inconsistencies> {
  const found: Record<string, InconsistentObject[]> = {}
  for (const source of metadata.sources) {
    const databaseUrl = databaseOf(state.databases, source)
    found[source.name] =
      databaseUrl === undefined
        ? [unresolvedSource(source)]
        : await withConnection(databaseUrl, async (client) =>
            checkConsistency(state.generation, source, await loadCatalog(client)),
          )
  }
  return found
}

export async function replaceMetadata(state: StandInState, args: Json): Promise<Json> {
  const envelope = state.generation === 'v2' && isJsonObject(args) && args.metadata !== undefined
  const allowInconsistent = envelope && isJsonObject(args) && args.allow_inconsistent_metadata === true
  const metadata = parseMetadata(
    state.generation,
    envelope && isJsonObject(args) ? args.metadata : args,
    state.metadata,
    envelope ? '$.args.metadata' : '$.args',
  )
  const inconsistent = await checkSources(state, metadata)
  const objects = allInconsistent({ metadata, inconsistent })
  if (objects.length > 0 && !allowInconsistent) {
    throw hasuraError(400, '$.args', 'unexpected', 'cannot continue due to inconsistent metadata', objects)
  }
  commitMetadata(state, metadata, inconsistent)
  if (!envelope) return { message: 'success' }
  return { is_consistent: objects.length === 0, inconsistent_objects: objects }
}

export async function reloadMetadata(state: StandInState): Promise<Json> {
  state.inconsistent = await checkSources(state, state.metadata)
  if (state.generation === 'v1') return { message: 'success' }
  const objects = allInconsistent(state)
  return objects.length === 0
    ? { message: 'success', is_consistent: true }
    : { message: 'success', is_consistent: false, inconsistent_objects: objects }
}

/** export_metadata: v1.x the version-2 object; v2.x version 3, in the envelope when asked for version 2. */
export function exportMetadata(state: StandInState, envelope: boolean): Json {
  if (state.generation === 'v1') return toVersion2(state.metadata)
  if (envelope) return { resource_version: state.resourceVersion, metadata: toVersion3(state.metadata) }
  return toVersion3(state.metadata)
}

export function clearMetadata(state: StandInState): Json {
  commitMetadata(state, clearedMetadata(state.metadata), {})
  return { message: 'success' }
}

export function inconsistentMetadata(state: StandInState): Json {
  const objects = allInconsistent(state)
  return { is_consistent: objects.length === 0, inconsistent_objects: objects }
}
