// Metadata through Hasura's admin API: export the server's current metadata as a backup (before
// anything changes), replace it with the stable commit's, then ask the server for inconsistencies —
// the CLI's `metadata apply` does not check; we do.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { RollbackError } from '../errors.js'
import { HasuraApiError } from '../hasura/errors.js'
import { isRecord } from '../json.js'
import type { MetadataV2 } from './assemble.js'
import type { MetadataV3 } from './assemble-v3.js'

import type { MetadataBody, ServerGeneration } from '../hasura/client.js'

/** The part of the admin API client metadata work needs. */
export interface MetadataApi {
  serverVersion(): Promise<{ version: string; generation: ServerGeneration }>
  metadata<T = unknown>(body: MetadataBody, options?: { lossless?: boolean }): Promise<T>
}

export interface MetadataBackup {
  readonly path: string
  readonly metadata: unknown
}

/** What to send in replace_metadata for a server generation: on v2.x the CLI sends version 2 whatever version.yaml says. */
export function metadataForServer(metadata: MetadataV2, generation: 'v1' | 'v2'): MetadataV2 {
  return generation === 'v2' ? { ...metadata, version: 2 } : { ...metadata }
}

/**
 * The replace_metadata request for config v3 metadata. `allow_inconsistent_metadata: false` (the CLI
 * sends true): the server then refuses inconsistent metadata and keeps what it has, rather than storing
 * it and reporting the inconsistency.
 */
export function replaceMetadataV3Request(metadata: MetadataV3): {
  type: 'replace_metadata'
  version: 2
  args: { allow_inconsistent_metadata: false; metadata: MetadataV3 }
} {
  return { type: 'replace_metadata', version: 2, args: { allow_inconsistent_metadata: false, metadata } }
}

/** Exports the server's metadata into a JSON file under `dir`; the file name carries the time. */
export async function backupMetadata(api: MetadataApi, dir: string, now: Date): Promise<MetadataBackup> {
  const metadata = await api.metadata({ type: 'export_metadata', args: {} })
  // Synchronous: node:fs/promises would load with every start (~2 ms) for this one file.
  mkdirSync(dir, { recursive: true })
  const path = join(dir, `hasura-metadata-backup-${now.toISOString().replace(/[:.]/g, '-')}.json`)
  writeFileSync(path, JSON.stringify(metadata, null, 2) + '\n')
  return { path, metadata }
}

interface InconsistentMetadata {
  is_consistent: boolean
  inconsistent_objects: unknown[]
}

/** Metadata assembled from a project directory: config v2's version-2 shape, or config v3's sources. */
export type StableMetadata =
  | { readonly version: 2; readonly metadata: MetadataV2 }
  | { readonly version: 3; readonly metadata: MetadataV3 }

/** Replaces the server's metadata with the stable commit's. */
export async function replaceMetadata(api: MetadataApi, stable: StableMetadata): Promise<void> {
  if (stable.version === 3) {
    await api.metadata(replaceMetadataV3Request(stable.metadata))
    return
  }
  const { generation } = await api.serverVersion()
  await api.metadata({ type: 'replace_metadata', args: metadataForServer(stable.metadata, generation) })
}

/** The inconsistent objects the server reports; a separate step, as its failure leaves the metadata applied. */
export async function inconsistentObjects(api: MetadataApi): Promise<unknown[]> {
  const check = await api.metadata<InconsistentMetadata>({ type: 'get_inconsistent_metadata', args: {} })
  if (!check || !Array.isArray(check.inconsistent_objects)) {
    throw new RollbackError('Hasura answered get_inconsistent_metadata without an inconsistent_objects list')
  }
  return check.inconsistent_objects
}

/**
 * The objects Hasura names when it refuses metadata as inconsistent and keeps its own: HTTP 400 whose
 * `internal` is the list of inconsistent objects (each with its `reason`).
 */
export function refusedAsInconsistent(error: unknown): unknown[] | undefined {
  if (!(error instanceof HasuraApiError) || error.status !== 400) return undefined
  const objects = error.internal
  const listed =
    Array.isArray(objects) &&
    objects.length > 0 &&
    objects.every((o) => isRecord(o) && typeof o.reason === 'string')
  return listed ? objects : undefined
}

/** One line per inconsistent object, as the server words it. */
export function describeInconsistency(object: unknown): string {
  const o = (object ?? {}) as { type?: unknown; name?: unknown; reason?: unknown; definition?: unknown }
  const what =
    typeof o.name === 'string' ? o.name : `${String(o.type ?? 'object')} ${JSON.stringify(o.definition)}`
  return `${what}: ${String(o.reason ?? 'inconsistent')}`
}
