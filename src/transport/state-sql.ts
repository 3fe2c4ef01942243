// Migration state SQL shared by both transports, written the way the Hasura CLI (config v2) reads and
// writes hdb_catalog. Versions are canonical decimal strings, safe to inline as bigint literals.
import type { AppliedState } from '../plan.js'
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
    const journal = `SELECT json_build_array(r.versions, r.metadata_sha) AS v FROM (${READ_JOURNAL_SQL(runKey)}) AS r LIMIT 1`
    fields.push(`'journal', ${jsonFromTableIfExists(JOURNAL_TABLE, journal)}`)
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
  const journalRow = parsed.journal as [string, string] | null | undefined
  const journal = journalRow
    ? { versions: journalRow[0].split(',').filter(Boolean), metadataSha: journalRow[1] }
    : undefined
  return { stateTableExists: parsed.stateTableExists, applied, migrationMode, journal }
}

/**
 * Our own record, written in the rollback transaction when metadata is to follow: "this run
 * committed these downs; the metadata of this commit is still to be applied". A re-run of the same
 * workflow run finds it, reverts nothing more and (re-)applies the metadata — replace_metadata is
 * idempotent, so the record never needs clearing. The CLI ignores this table.
 */
export const JOURNAL_TABLE = 'hdb_catalog.hasura_rollback_journal'

export const READ_JOURNAL_SQL = (runKey: string): string =>
  `SELECT versions, metadata_sha FROM ${JOURNAL_TABLE} WHERE run_key = ${sqlLiteral(runKey)}`

/** Prefix of the journal's exception message, so its failure is not taken for a failing down or guard. */
export const JOURNAL_MARKER = 'hasura-rollback journal:'

export function writeJournalSql(runKey: string, versions: readonly string[], metadataSha: string): string {
  const list = sqlLiteral(versionsSql(versions))
  const body = `
BEGIN
  CREATE TABLE IF NOT EXISTS ${JOURNAL_TABLE} (run_key text PRIMARY KEY, versions text NOT NULL,
    metadata_sha text NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now());
  INSERT INTO ${JOURNAL_TABLE} (run_key, versions, metadata_sha) VALUES (${sqlLiteral(runKey)}, ${list}, ${sqlLiteral(metadataSha)})
    ON CONFLICT (run_key) DO UPDATE SET versions = EXCLUDED.versions, metadata_sha = EXCLUDED.metadata_sha, recorded_at = now();
EXCEPTION WHEN OTHERS THEN
  RAISE EXCEPTION '${JOURNAL_MARKER} %', SQLERRM;
END`
  return `DO ${dollarQuote(body, 'journal')}`
}
