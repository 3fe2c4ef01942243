// What the stand-in server holds between requests, and the changes every query makes to it.
import type { CatalogStateStore } from './catalog-state.js'
import type { InconsistentObject } from './consistency.js'
import type { StoredMetadata, StoredSource } from './metadata-store.js'
import type { SourceDatabases } from './sources.js'
import type { ServerGeneration } from './generation.js'

/** Inconsistent objects by source name. */
export type Inconsistencies = Readonly<Record<string, InconsistentObject[]>>

export interface StandInState {
  generation: ServerGeneration
  databases: SourceDatabases
  metadata: StoredMetadata
  inconsistent: Inconsistencies
  resourceVersion: number
  catalogState: CatalogStateStore
}

/** Every inconsistent object, source by source in the metadata's order. */
export function allInconsistent(state: { metadata: StoredMetadata; inconsistent: Inconsistencies }) {
  return state.metadata.sources.flatMap((s) => state.inconsistent[s.name] ?? [])
}

export function commitMetadata(state: StandInState, metadata: StoredMetadata, inconsistent: Inconsistencies) {
  state.metadata = metadata
  state.inconsistent = inconsistent
  state.resourceVersion += 1
}

/** Replaces one source's metadata and inconsistencies. */
export function commitSource(state: StandInState, source: StoredSource, inconsistent: InconsistentObject[]) {
  commitMetadata(
    state,
    { ...state.metadata, sources: state.metadata.sources.map((s) => (s.name === source.name ? source : s)) },
    { ...state.inconsistent, [source.name]: inconsistent },
  )
}

/** Undoes metadata changes made by a query whose transaction was rolled back. */
export function snapshotOf(state: StandInState): () => void {
  const { metadata, inconsistent, resourceVersion } = state
  return () => Object.assign(state, { metadata, inconsistent, resourceVersion })
}
