// Config v3 state SQL, run on one database (Hasura source) by either transport. The migration state is
// the catalog state (catalog-state.ts). When this database also holds Hasura's metadata (its
// hdb_catalog.hdb_version row has the instance's hasura_uuid), the state changes in the rollback's own
// transaction; otherwise the journal records "catalog state still to write", the state is written
// through Hasura after COMMIT, and the journal row is marked written.
import { isRecord } from '../json.js'
import type { AppliedVersion, JournalRecord } from '../plan.js'
import { jsonFromTableIfExists, sqlLiteral, versionsSql } from '../sql/quote.js'
import { JOURNAL_TABLE, parseJournal, readJournalSql } from './journal-sql.js'
import { NO_LONGER_APPLIED, doBlock, waitingForState } from './markers.js'
import type { StateChange } from './transport.js'

const VERSION_TABLE = 'hdb_catalog.hdb_version'
const LEGACY_TABLE = 'hdb_catalog.schema_migrations'

const textArray = (values: readonly string[]): string => `ARRAY[${values.map(sqlLiteral).join(', ')}]::text[]`

/** A journal row of this database: a rollback that committed `versions`. */
export interface JournalRow {
  /**
   * The row as read: its id and the attempt that wrote it ('7.2'). A re-run of the same workflow run
   * rewrites its row, so a row seen before may since have recorded another rollback.
   */
  readonly id: string
  readonly runKey: string
  readonly versions: readonly string[]
  /** Its catalog state write has not been confirmed. */
  readonly statePending: boolean
}

/** What one database says about the rollback's state, read before the catalog state. */
export interface SourceState {
  /** hasura_uuid of the hdb_version row this database holds, if any. */
  readonly metadataDbId: string | undefined
  /** This run's record, when an earlier attempt wrote one. */
  readonly journal: JournalRecord | undefined
  readonly journalRows: readonly JournalRow[]
  /** Config v2 state rows (hdb_catalog.schema_migrations), when that table exists. */
  readonly legacyApplied: readonly AppliedVersion[] | undefined
}

/** One query, one JSON text cell: what SourceState needs (parse with parseSourceState). */
export function readSourceSql(runKey: string | undefined): string {
  const uuid = `SELECT to_json(v.hasura_uuid::text) AS v FROM ${VERSION_TABLE} v LIMIT 1`
  const rows = `SELECT json_agg(row_to_json(j)) AS v FROM ${JOURNAL_TABLE} j`
  // Versions as text: a bigint in JSON would lose digits beyond 2^53 in JSON.parse.
  const legacy = `SELECT COALESCE(json_agg(json_build_array(m.version::text, m.dirty)), '[]') AS v FROM ${LEGACY_TABLE} m`
  const fields = [
    `'metadataDbId', ${jsonFromTableIfExists(VERSION_TABLE, uuid)}`,
    `'journalRows', ${jsonFromTableIfExists(JOURNAL_TABLE, rows)}`,
    `'legacy', ${jsonFromTableIfExists(LEGACY_TABLE, legacy)}`,
  ]
  if (runKey !== undefined) fields.push(`'journal', ${readJournalSql(runKey)}`)
  return `SELECT json_build_object(${fields.join(', ')})::text AS state`
}

/** The cell readSourceSql answers with, for `database`; throws on anything else. */
export function parseSourceState(cell: string | undefined, database: string): SourceState {
  const parsed: unknown = JSON.parse(cell ?? 'null')
  if (!isRecord(parsed) || !('metadataDbId' in parsed)) {
    throw new Error(`unexpected state answer: ${cell}`)
  }
  const rows = Array.isArray(parsed.journalRows) ? (parsed.journalRows as Record<string, unknown>[]) : []
  const journalRows = rows
    .filter((row) => row.database === database)
    .map((row) => ({
      id: `${String(row.id)}.${typeof row.attempt === 'number' ? row.attempt : 0}`,
      runKey: String(row.run_key),
      versions: String(row.versions ?? '')
        .split(',')
        .filter(Boolean),
      statePending: row.state_pending === true,
    }))
  const legacy = Array.isArray(parsed.legacy) ? (parsed.legacy as [string, boolean][]) : undefined
  return {
    metadataDbId: typeof parsed.metadataDbId === 'string' ? parsed.metadataDbId : undefined,
    journal: parseJournal(parsed.journal),
    journalRows,
    legacyApplied: legacy?.map(([version, dirty]) => ({ version: String(version), dirty: dirty === true })),
  }
}

/**
 * Removes the reverted versions' config v2 state rows (hdb_catalog.schema_migrations) of this
 * database. Needed while isStateCopyCompleted is not true: the CLI's next command copies every row of
 * that table into the catalog state, and would mark a reverted version applied again.
 */
const legacyRowsRemoval = (versions: readonly string[]): string =>
  `DELETE FROM ${LEGACY_TABLE} WHERE version IN (${versionsSql(versions)});\n`

/**
 * This database holds the catalog state (hasura_uuid `id`): after the lock, the state row is locked
 * and the planned versions checked in it; each batch of downs removes its versions from
 * `migrations.<database>` in the same transaction, leaving every other key as it is (and, with
 * `legacyRows`, their config v2 state rows).
 */
export function catalogStateChange(
  id: string,
  database: string,
  versions: readonly string[],
  legacyRows = false,
): StateChange {
  const row = `hasura_uuid = ${sqlLiteral(id)}::uuid`
  const path = `ARRAY['migrations', ${sqlLiteral(database)}]`
  const recheck = doBlock(`DECLARE state jsonb; gone text;
BEGIN
  ${waitingForState(`SELECT cli_state::jsonb INTO state FROM ${VERSION_TABLE} WHERE ${row} FOR UPDATE`)}
  SELECT string_agg(v, ', ' ORDER BY v::numeric DESC) INTO gone FROM unnest(${textArray(versions)}) AS v
    WHERE NOT COALESCE(state #> ${path} ? v, false);
  IF gone IS NOT NULL THEN RAISE EXCEPTION '${NO_LONGER_APPLIED} %', gone; END IF;
END`)
  return {
    recheck: versions.length > 0 ? recheck : '',
    locks: `the catalog state in ${VERSION_TABLE}`,
    removeVersions: (batch) =>
      `UPDATE ${VERSION_TABLE} SET cli_state = jsonb_set(cli_state::jsonb, ${path}, (cli_state::jsonb #> ${path}) - ${textArray(batch)}) WHERE ${row};\n` +
      (legacyRows ? legacyRowsRemoval(batch) : ''),
  }
}

/**
 * The catalog state is elsewhere: the transaction changes no catalog state (with `legacyRows`, it
 * removes the config v2 state rows), and fails when a rollback this run did not see when it read this
 * database (its journal row, as written then, is not among `seen`) has reverted one of the planned
 * versions since — this run's catalog state may predate that rollback's state write.
 */
export function journalStateChange(
  database: string,
  versions: readonly string[],
  seen: readonly string[],
  legacyRows = false,
): StateChange {
  const notSeen =
    seen.length > 0
      ? `AND (id::text || '.' || COALESCE(attempt, 0)::text) NOT IN (${seen.map(sqlLiteral).join(', ')})`
      : ''
  const recheck = doBlock(`DECLARE gone text;
BEGIN
  IF to_regclass('${JOURNAL_TABLE}') IS NOT NULL THEN
    SELECT string_agg(DISTINCT v, ', ') INTO gone FROM ${JOURNAL_TABLE}, unnest(string_to_array(versions, ',')) AS v
      WHERE database = ${sqlLiteral(database)} ${notSeen} AND v = ANY (${textArray(versions)});
    IF gone IS NOT NULL THEN RAISE EXCEPTION '${NO_LONGER_APPLIED} %', gone; END IF;
  END IF;
END`)
  return {
    recheck: versions.length > 0 ? recheck : '',
    locks: `the journal ${JOURNAL_TABLE}`,
    removeVersions: (batch) => (legacyRows ? legacyRowsRemoval(batch) : ''),
  }
}

/** Marks the catalog state writes of these journal rows as done. */
export function markStateWrittenSql(runKeys: readonly string[]): string {
  return `UPDATE ${JOURNAL_TABLE} SET state_pending = false WHERE run_key IN (${runKeys.map(sqlLiteral).join(', ')})`
}
