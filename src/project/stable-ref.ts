// The project as it is at the stable ref, read from git without touching the workspace: its
// metadata (re-applied after the downs) and its migration versions (the target of a ref rollback).
import type { Git } from '../git/git.js'
import type { ConfigOverrides } from './config.js'
import { loadProjectConfig } from './config.js'
import type { MetadataV2 } from '../metadata/assemble.js'
import { assembleMetadata } from '../metadata/assemble.js'
import type { RequiredObjects } from '../metadata/required-objects.js'
import { requiredObjects } from '../metadata/required-objects.js'
import type { Migration } from './migrations.js'
import { scanMigrations } from './migrations.js'

export interface StableRef {
  /** The ref as given. */
  readonly ref: string
  readonly sha: string
  readonly subject: string
  /** Undefined when metadata is not re-applied. */
  readonly metadata: MetadataV2 | undefined
  readonly required: RequiredObjects | undefined
  /** Migrations at the ref (only read when the ref is the rollback target). */
  readonly migrations: readonly Migration[] | undefined
}

export interface StableRefRequest {
  readonly ref: string
  readonly projectDir: string
  readonly withMetadata: boolean
  readonly withMigrations: boolean
  readonly env: Readonly<Record<string, string | undefined>>
  readonly overrides: ConfigOverrides
}

export async function loadStableRef(git: Git, request: StableRefRequest): Promise<StableRef> {
  const sha = await git.resolveCommit(request.ref)
  const files = git.filesAt(sha, request.projectDir)
  // The ref's own config.yaml says where its metadata and migrations live (they may have moved).
  const config = await loadProjectConfig(files, request.env, request.overrides)
  const metadata = request.withMetadata ? await assembleMetadata(files, config.metadataDirectory) : undefined
  return {
    ref: request.ref,
    sha,
    subject: await git.commitSubject(sha),
    metadata,
    required: metadata && requiredObjects(metadata),
    migrations: request.withMigrations ? await scanMigrations(files, config.migrationsDirectory) : undefined,
  }
}
