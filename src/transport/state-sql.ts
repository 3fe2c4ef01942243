// Config v2 migration state SQL, shared by both transports, written the way the Hasura CLI reads and
// writes hdb_catalog.schema_migrations. Versions are canonical decimal strings, safe to inline.
import type { AppliedState } from '../plan.js'
import { jsonFromTableIfExists, sqlLiteral, versionsSql } from '../sql/quote.js'
import { parseJournal, readJournalSql } from './journal-sql.js'
import { NO_LONGER_APPLIED, doBlock, waitingForState } from './markers.js'
import type { StateChange } from './transport.js'

export const STATE_TABLE = 'hdb_catalog.schema_migrations'

const READ_APPLIED_SQL = `SELECT version, dirty FROM ${STATE_TABLE}`

const SETTINGS_TABLE = 'hdb_catalog.migration_settings'
/** migration_mode, or no row; the settings table may be missing (then migrations are enabled). */
const READ_MIGRATION_MODE_SQL = `SELECT value FROM ${SETTINGS_TABLE} WHERE setting = 'migration_mode'`

/**
 * Removes the state rows of reverted versions. The CLI writes two statements per down (mark the row
 * clean, then delete it); inside one transaction only the end state can be seen, and that is the same,
 * so one DELETE serves a whole batch (1,000 downs: ~50 ms less than 2,000 statements).
 */
function removeStateRowsSql(versions: readonly string[]): string {
  return `DELETE FROM ${STATE_TABLE} WHERE version IN (${versionsSql(versions)});\n`
}

/**
 * After the lock: locks the state rows of the planned versions (count(*) reads, so locks, every row),
 * so two rollbacks started together never revert the same version twice, and fails when one of them is
 * no longer applied (another rollback got there first).
 */
function recheckRowsSql(versions: readonly string[]): string {
  const list = versionsSql(versions)
  const lock = `PERFORM 1 FROM (SELECT count(*) FROM (SELECT version FROM ${STATE_TABLE} WHERE version IN (${list}) ORDER BY version FOR UPDATE) AS l) AS locked`
  return doBlock(`DECLARE gone text;
BEGIN
  ${waitingForState(lock)}
  SELECT string_agg(v::text, ', ' ORDER BY v DESC) INTO gone FROM unnest(ARRAY[${list}]::bigint[]) AS v
    WHERE NOT EXISTS (SELECT 1 FROM ${STATE_TABLE} m WHERE m.version = v);
  IF gone IS NOT NULL THEN RAISE EXCEPTION '${NO_LONGER_APPLIED} %', gone; END IF;
END`)
}

/** The state change of a config v2 rollback of `versions`: their rows, locked first, then deleted. */
export function stateRowsChange(versions: readonly string[]): StateChange {
  return {
    recheck: versions.length > 0 ? recheckRowsSql(versions) : '',
    locks: `the rows of the planned versions in ${STATE_TABLE}`,
    removeVersions: removeStateRowsSql,
  }
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
    fields.push(`'journal', ${readJournalSql(runKey)}`)
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
