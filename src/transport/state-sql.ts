// Migration state SQL shared by both transports, written the way the Hasura CLI (config v2) reads and
// writes hdb_catalog. Versions are canonical decimal strings, safe to inline as bigint literals.
import type { AppliedState, JournalRecord } from '../plan.js'
import { dollarQuote, sqlLiteral } from '../sql/quote.js'

/** Advisory lock key shared by every hasura-rollback run on a database ('hrbk' + 1), on both transports. */
export const LOCK_KEY = '7526186138990542849'

export const STATE_TABLE = 'hdb_catalog.schema_migrations'

const READ_APPLIED_SQL = `SELECT version, dirty FROM ${STATE_TABLE}`

const SETTINGS_TABLE = 'hdb_catalog.migration_settings'
/** migration_mode, or no row; the settings table may be missing (then migrations are enabled). */
const READ_MIGRATION_MODE_SQL = `SELECT value FROM ${SETTINGS_TABLE} WHERE setting = 'migration_mode'`

function assertVersion(version: string): string {
  if (!/^\d+$/.test(version)) throw new Error(`not a migration version: ${version}`)
  return version
}

/** Versions as a comma-separated list of bigint literals. */
function versionsSql(versions: readonly string[]): string {
  return versions.map(assertVersion).join(',')
}

/**
 * Removes the state rows of reverted versions. The CLI writes two statements per down (mark the row
 * clean, then delete it); inside one transaction only the end state can be seen, and that is the same,
 * so one DELETE serves a whole batch (1,000 downs: ~50 ms less than 2,000 statements).
 */
export function removeStateRowsSql(versions: readonly string[]): string {
  return `DELETE FROM ${STATE_TABLE} WHERE version IN (${versionsSql(versions)});`
}

/**
 * Inside the rollback transaction: locks the state rows of the planned versions, so two rollbacks
 * started together never revert the same version twice. count(*) reads, so locks, every row.
 */
export function lockPlannedRowsSql(versions: readonly string[]): string {
  return `SELECT count(*) AS locked FROM (SELECT version FROM ${STATE_TABLE} WHERE version IN (${versionsSql(versions)}) ORDER BY version FOR UPDATE) AS l`
}

/** One row: `gone`, the planned versions no longer applied (highest first, ', '-separated), or NULL. */
export function goneVersionsSql(versions: readonly string[]): string {
  return `SELECT string_agg(v::text, ', ' ORDER BY v DESC) AS gone FROM unnest(ARRAY[${versionsSql(versions)}]::bigint[]) AS v WHERE NOT EXISTS (SELECT 1 FROM ${STATE_TABLE} m WHERE m.version = v)`
}

/**
 * A JSON value computed by `select` (one column `v`, at most one row) from a table that may not exist.
 * Static SQL naming a missing table fails to parse, so the query runs dynamically through
 * query_to_xml, only when `table` exists; the value travels hex-encoded, which XML leaves untouched.
 */
function jsonFromTableIfExists(table: string, select: string): string {
  const query = `SELECT encode(convert_to(d.v::text, 'UTF8'), 'hex') AS j FROM (${select}) AS d`
  const hex = `(xpath('//j/text()', query_to_xml(${sqlLiteral(query)}, false, false, '')))[1]::text`
  return `CASE WHEN to_regclass(${sqlLiteral(table)}) IS NULL THEN NULL ELSE convert_from(decode(${hex}, 'hex'), 'UTF8')::json END`
}

/**
 * Everything AppliedState needs as one JSON text cell (column `state`): one query, one round trip, on
 * either transport. Read it with parseStateCell.
 */
export function readStateSql(runKey: string | undefined): string {
  // Versions as text: a bigint in JSON would lose digits beyond 2^53 in JSON.parse.
  const applied = `SELECT json_agg(json_build_array(a.version::text, a.dirty)) AS v FROM (${READ_APPLIED_SQL}) AS a`
  const mode = `SELECT to_json(m.value) AS v FROM (${READ_MIGRATION_MODE_SQL}) AS m LIMIT 1`
  const fields = [
    `'stateTableExists', to_regclass(${sqlLiteral(STATE_TABLE)}) IS NOT NULL`,
    `'applied', ${jsonFromTableIfExists(STATE_TABLE, applied)}`,
    `'migrationMode', ${jsonFromTableIfExists(SETTINGS_TABLE, mode)}`,
  ]
  if (runKey !== undefined) {
    fields.push(`'journal', ${jsonFromTableIfExists(JOURNAL_TABLE, READ_JOURNAL_SQL(runKey))}`)
  }
  return `SELECT json_build_object(${fields.join(', ')})::text AS state`
}

interface StateJson {
  stateTableExists?: unknown
  applied?: unknown
  migrationMode?: unknown
  journal?: unknown
}

/** The cell readStateSql answers with → AppliedState; throws on anything else. */
export function parseStateCell(cell: string | undefined): AppliedState {
  const parsed = JSON.parse(cell ?? 'null') as StateJson | null
  if (parsed === null || typeof parsed.stateTableExists !== 'boolean') {
    throw new Error(`unexpected state answer: ${cell}`)
  }
  const applied = ((parsed.applied ?? []) as [string, boolean][]).map(([version, dirty]) => ({
    version: String(version),
    dirty: dirty === true,
  }))
  const migrationMode = typeof parsed.migrationMode === 'string' ? parsed.migrationMode : undefined
  const journal = parseJournal(parsed.journal)
  return { stateTableExists: parsed.stateTableExists, applied, migrationMode, journal }
}

/**
 * Our own record of each rollback, written in its transaction: "this workflow run (attempt N)
 * committed the downs of these versions; the metadata of this commit followed". A re-run of the same
 * workflow run finds it and reverts nothing more (see rollback.ts). The CLI ignores this table.
 */
export const JOURNAL_TABLE = 'hdb_catalog.hasura_rollback_journal'

/** The whole row as JSON, whatever columns a table created by an older release has. */
const READ_JOURNAL_SQL = (runKey: string): string =>
  `SELECT row_to_json(j) AS v FROM ${JOURNAL_TABLE} j WHERE run_key = ${sqlLiteral(runKey)}`

function parseJournal(row: unknown): JournalRecord | undefined {
  if (typeof row !== 'object' || row === null) return undefined
  const { versions, metadata_sha: sha, attempt } = row as Record<string, unknown>
  return {
    versions: typeof versions === 'string' ? versions.split(',').filter(Boolean) : [],
    metadataSha: typeof sha === 'string' ? sha : '',
    attempt: typeof attempt === 'number' ? attempt : undefined,
  }
}

/** Prefix of the journal's exception message, so its failure is not taken for a failing down or guard. */
export const JOURNAL_MARKER = 'hasura-rollback journal:'

export interface JournalEntry {
  readonly runKey: string
  readonly attempt: number
  readonly versions: readonly string[]
  /** undefined when no metadata follows. */
  readonly metadataSha: string | undefined
}

export function writeJournalSql(entry: JournalEntry): string {
  const values = [
    sqlLiteral(entry.runKey),
    sqlLiteral(versionsSql(entry.versions)),
    sqlLiteral(entry.metadataSha ?? ''),
    String(Math.trunc(entry.attempt)),
  ].join(', ')
  // Tables made by releases before `attempt` existed get the newer columns once.
  const body = `
BEGIN
  CREATE TABLE IF NOT EXISTS ${JOURNAL_TABLE} (run_key text PRIMARY KEY, versions text NOT NULL,
    metadata_sha text NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now(), attempt integer);
  IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = 'hdb_catalog'
      AND table_name = 'hasura_rollback_journal' AND column_name = 'attempt') THEN
    ALTER TABLE ${JOURNAL_TABLE} ADD COLUMN attempt integer;
  END IF;
  INSERT INTO ${JOURNAL_TABLE} (run_key, versions, metadata_sha, attempt) VALUES (${values})
    ON CONFLICT (run_key) DO UPDATE SET versions = EXCLUDED.versions, metadata_sha = EXCLUDED.metadata_sha,
      attempt = EXCLUDED.attempt, recorded_at = now();
EXCEPTION WHEN OTHERS THEN
  RAISE EXCEPTION '${JOURNAL_MARKER} %', SQLERRM;
END`
  return `DO ${dollarQuote(body, 'journal')}`
}
