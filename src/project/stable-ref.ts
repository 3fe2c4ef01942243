// The project as it is at the stable ref, read from git without touching the workspace: its metadata
// (re-applied after the downs), what that metadata needs in each database (the guard), and its
// migration versions per database (the target of a ref rollback).
import type { Git } from '../git/git.js'
import type { StableMetadata } from '../metadata/apply.js'
import { assembleMetadata } from '../metadata/assemble.js'
import { assembleMetadataV3 } from '../metadata/assemble-v3.js'
import type { SourceRequirements } from '../metadata/required-objects.js'
import { requiredObjects, requiredObjectsBySource } from '../metadata/required-objects.js'
import type { ConfigOverrides, ProjectConfig } from './config.js'
import { loadProjectConfig } from './config.js'
import type { ProjectFiles } from './files.js'
import type { Migration } from './migrations.js'
import { scanDatabaseMigrations, scanMigrations } from './migrations.js'
import { V2_DATABASE } from '../databases/select.js'
import { RollbackError } from '../errors.js'

export interface StableRef {
  /** The ref as given. */
  readonly ref: string
  readonly sha: string
  readonly subject: string
  /** Undefined when metadata is not re-applied. */
  readonly metadata: StableMetadata | undefined
  /** Per database: what the metadata needs there (config v2: its one database, V2_DATABASE). */
  readonly required: ReadonlyMap<string, SourceRequirements> | undefined
  /** Migrations at the ref per database (only read when the ref is the rollback target). */
  readonly migrations: ReadonlyMap<string, readonly Migration[]> | undefined
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
  const metadata = request.withMetadata ? await stableMetadata(files, config) : undefined
  return {
    ref: request.ref,
    sha,
    subject: await git.commitSubject(sha),
    metadata,
    required: metadata && requiredOf(metadata),
    migrations: request.withMigrations ? await migrationsOf(files, config) : undefined,
  }
}

async function stableMetadata(files: ProjectFiles, config: ProjectConfig): Promise<StableMetadata> {
  if (config.version === 2) {
    return { version: 2, metadata: await assembleMetadata(files, config.metadataDirectory) }
  }
  if (config.metadataFile) {
    throw new RollbackError(
      `config.yaml at the stable ref sets metadata_file '${config.metadataFile}' (single-file metadata), which hasura-rollback does not read: keep the metadata in a directory (metadata_directory), or set 'apply-metadata: false'`,
      { file: config.configFile },
    )
  }
  return { version: 3, metadata: await assembleMetadataV3(files, config.metadataDirectory) }
}

function requiredOf(stable: StableMetadata): ReadonlyMap<string, SourceRequirements> {
  if (stable.version === 3) return requiredObjectsBySource(stable.metadata)
  const required = requiredObjects(stable.metadata)
  return new Map([[V2_DATABASE, { kind: 'postgres', required, unjudged: [] }]])
}

async function migrationsOf(
  files: ProjectFiles,
  config: ProjectConfig,
): Promise<ReadonlyMap<string, readonly Migration[]>> {
  if (config.version === 3) return scanDatabaseMigrations(files, config.migrationsDirectory)
  return new Map([[V2_DATABASE, await scanMigrations(files, config.migrationsDirectory)]])
}
