// The data a report is built from (src/result.ts), with the defaults of a plain config v2 run: the
// report tests and `npm run summaries` (scripts/render-summaries.mjs) build their runs from these.
import { restoreMetadataCommand } from '../../src/metadata/restore.js'
import { downFile } from '../../src/project/migrations.js'
import type { MetadataReport, RollbackResult, StepReport } from '../../src/result.js'

export const BACKUP = '/runner/_temp/hasura-metadata-backup.json'
export const SHA = '3f2a9c1d0e4b5a6978c1d2e3f4a5b6c7d8e9f012'

/** A step of the migrations table: the down at `<dir>/<version>_<name>/down.sql`, timed if it ran. */
export const step = (
  version: string,
  status: StepReport['status'],
  name = 'create_t',
  sql = 'DROP TABLE t;',
  database = 'default',
  dir = 'migrations',
): StepReport => ({
  version,
  database,
  name,
  status,
  durationMs: status === 'not-executed' ? undefined : 12.4,
  down: downFile(`${dir}/${version}_${name}/down.sql`, sql),
})

export const result = (overrides: Partial<RollbackResult>): RollbackResult => ({
  status: 'rolled-back',
  configVersion: 2,
  transport: 'postgres',
  databases: [],
  steps: [],
  alreadyReverted: [],
  problems: [],
  notes: [],
  failure: undefined,
  committed: false,
  metadata: undefined,
  dataLoss: [],
  ...overrides,
})

export const metadata = (overrides: Partial<MetadataReport>): MetadataReport => ({
  ref: 'v1.4.0',
  sha: SHA,
  subject: 'Release 1.4',
  backupPath: BACKUP,
  restoreCommand: restoreMetadataCommand(BACKUP, 'v2'),
  changes: [{ kind: 'removed', what: 'table public.article' }],
  applied: true,
  inconsistentObjects: [],
  uncheckedByGuard: [],
  ...overrides,
})
