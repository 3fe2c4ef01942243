// Our own record of each rollback, written in its transaction: "this workflow run (attempt N) committed
// the downs of these versions of this database; the metadata of this commit followed; (config v3) the
// catalog state is still to be written". A re-run of the same workflow run finds it and reverts nothing
// more; a later run finishes a catalog state write that did not happen. The CLI ignores this table.
import { isRecord } from '../json.js'
import type { JournalRecord } from '../plan.js'
import { dollarQuote, jsonFromTableIfExists, sqlLiteral, versionsSql } from '../sql/quote.js'
import { JOURNAL_MARKER } from './markers.js'

export const JOURNAL_TABLE = 'hdb_catalog.hasura_rollback_journal'

export interface JournalEntry {
  readonly runKey: string
  readonly attempt: number
  readonly versions: readonly string[]
  /** undefined when no metadata follows. */
  readonly metadataSha: string | undefined
  /** Config v3: the database (Hasura source) the versions belong to. */
  readonly database?: string
  /** Config v3: the catalog state is written after COMMIT, through Hasura. */
  readonly statePending?: boolean
}

/** The journal record of one run as a JSON value (the whole row, whatever the table's columns), or NULL. */
export function readJournalSql(runKey: string): string {
  const row = `SELECT row_to_json(j) AS v FROM ${JOURNAL_TABLE} j WHERE run_key = ${sqlLiteral(runKey)}`
  return jsonFromTableIfExists(JOURNAL_TABLE, row)
}

export function parseJournal(row: unknown): JournalRecord | undefined {
  if (!isRecord(row)) return undefined
  const { versions, metadata_sha: sha, attempt } = row
  return {
    versions: typeof versions === 'string' ? versions.split(',').filter(Boolean) : [],
    metadataSha: typeof sha === 'string' ? sha : '',
    attempt: typeof attempt === 'number' ? attempt : undefined,
  }
}

// Tables made by earlier releases (run_key, versions, metadata_sha, recorded_at) get the newer columns once.
const ENSURE_TABLE = `IF to_regnamespace('hdb_catalog') IS NULL THEN CREATE SCHEMA hdb_catalog; END IF;
  CREATE TABLE IF NOT EXISTS ${JOURNAL_TABLE} (run_key text PRIMARY KEY, versions text NOT NULL,
    metadata_sha text NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now(), attempt integer, database text,
    state_pending boolean NOT NULL DEFAULT false, id bigserial);
  IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = 'hdb_catalog'
      AND table_name = 'hasura_rollback_journal' AND column_name = 'id') THEN
    ALTER TABLE ${JOURNAL_TABLE} ADD COLUMN IF NOT EXISTS attempt integer, ADD COLUMN IF NOT EXISTS database text,
      ADD COLUMN IF NOT EXISTS state_pending boolean NOT NULL DEFAULT false, ADD COLUMN id bigserial;
  END IF;`

export function writeJournalSql(entry: JournalEntry): string {
  const values = [
    sqlLiteral(entry.runKey),
    sqlLiteral(versionsSql(entry.versions)),
    sqlLiteral(entry.metadataSha ?? ''),
    String(Math.trunc(entry.attempt)),
    entry.database === undefined ? 'NULL' : sqlLiteral(entry.database),
    entry.statePending ? 'true' : 'false',
  ].join(', ')
  const body = `
BEGIN
  ${ENSURE_TABLE}
  INSERT INTO ${JOURNAL_TABLE} (run_key, versions, metadata_sha, attempt, database, state_pending)
    VALUES (${values})
    ON CONFLICT (run_key) DO UPDATE SET versions = EXCLUDED.versions, metadata_sha = EXCLUDED.metadata_sha,
      attempt = EXCLUDED.attempt, database = EXCLUDED.database, state_pending = EXCLUDED.state_pending,
      recorded_at = now();
EXCEPTION WHEN OTHERS THEN
  RAISE EXCEPTION '${JOURNAL_MARKER} %', SQLERRM;
END`
  return `DO ${dollarQuote(body, 'journal')}`
}
