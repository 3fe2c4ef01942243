// Migration state SQL shared by both transports, written the way the Hasura CLI (config v2) reads and
// writes hdb_catalog. Versions are canonical decimal strings, safe to inline as bigint literals.
import { dollarQuote, sqlLiteral } from './sql/quote.js'

/** Advisory lock key shared by every hasura-rollback run on a database ('hrbk' + 1), on both transports. */
export const LOCK_KEY = '7526186138990542849'

export const STATE_TABLE = 'hdb_catalog.schema_migrations'

/** Returns one row (exists: boolean) telling whether the state table exists. */
export const STATE_TABLE_EXISTS_SQL = `SELECT to_regclass('${STATE_TABLE}') IS NOT NULL AS exists`

export const READ_APPLIED_SQL = `SELECT version, dirty FROM ${STATE_TABLE}`

/** migration_mode, or no row; the settings table may be missing (then migrations are enabled). */
export const READ_MIGRATION_MODE_SQL = `SELECT value FROM hdb_catalog.migration_settings WHERE setting = 'migration_mode'`
export const SETTINGS_TABLE_EXISTS_SQL = `SELECT to_regclass('hdb_catalog.migration_settings') IS NOT NULL AS exists`

function assertVersion(version: string): string {
  if (!/^\d+$/.test(version)) throw new Error(`not a migration version: ${version}`)
  return version
}

/**
 * What the CLI writes once a down ran: it marks the row clean, then deletes it. The end state is the
 * same as the DELETE alone, but keeping both statements keeps us byte-for-byte interchangeable.
 */
export function removeStateRowSql(version: string): string {
  const v = assertVersion(version)
  return (
    `INSERT INTO ${STATE_TABLE} (version, dirty) VALUES (${v}, 'false') ON CONFLICT(version) DO UPDATE SET dirty='false';\n` +
    `DELETE FROM ${STATE_TABLE} WHERE version = ${v};`
  )
}

/**
 * Inside the rollback transaction: locks the rows of the planned versions and fails when one is gone,
 * so two rollbacks started together never revert the same version twice.
 */
export function lockPlannedRowsSql(versions: readonly string[]): string {
  const list = versions.map(assertVersion).join(',')
  return `SELECT version FROM ${STATE_TABLE} WHERE version IN (${list}) ORDER BY version FOR UPDATE`
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
export const JOURNAL_TABLE_EXISTS_SQL = `SELECT to_regclass('${JOURNAL_TABLE}') IS NOT NULL AS exists`

/** Prefix of the journal's exception message, so its failure is not taken for a failing down or guard. */
export const JOURNAL_MARKER = 'hasura-rollback journal:'

export function writeJournalSql(runKey: string, versions: readonly string[], metadataSha: string): string {
  const list = sqlLiteral(versions.map(assertVersion).join(','))
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
