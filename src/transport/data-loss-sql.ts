// What the downs are about to destroy, measured inside the rollback transaction before they run (the
// check Atlas runs before `migrate down`): the rows of each table a down drops, truncates or empties,
// the values of each column it drops, the rows in each schema it drops. One query for all of them;
// counts are exact up to DATA_LOSS_CAP, then only "more". Kept in a setting until the transaction
// ends, so a request that answers only with its last statement (run_sql) can still read them.
import type { LossCount } from '../data-loss.js'
import { DATA_LOSS_CAP } from '../data-loss.js'
import type { DestructiveStatement } from '../sql/destructive.js'
import { sqlLiteral } from '../sql/quote.js'
import { DATA_LOSS, DATA_LOSS_UNMEASURED, doBlock } from './markers.js'

/** Where the counts wait until read: a setting local to the rollback transaction. */
export const DATA_LOSS_SETTING = 'hasura_rollback.data_loss'
const SETTING = DATA_LOSS_SETTING

/** What is counted of a destroying statement. */
export type LossTarget = Pick<DestructiveStatement, 'kind' | 'target' | 'object' | 'column'>

/** `SELECT count(*) …` of at most CAP + 1 rows. */
const capped = (from: string): string =>
  `(SELECT count(*) FROM (SELECT 1 FROM ${from} LIMIT ${DATA_LOSS_CAP + 1}) AS s)`

/**
 * An SQL expression giving the text of the count query of `target`, or 'NULL' when its object does
 * not exist: each query is put together only for objects that exist, since naming a missing one
 * would fail the whole statement.
 */
function countQueryText(target: LossTarget): string {
  const object = sqlLiteral(target.object)
  const query = (text: string) => sqlLiteral(text)
  switch (target.kind) {
    case 'drop-column': {
      const exists = `EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass(${object}) AND attname = ${sqlLiteral(target.column ?? '')} AND attnum > 0 AND NOT attisdropped)`
      const column = `"${(target.column ?? '').replaceAll('"', '""')}"`
      return `CASE WHEN ${exists} THEN ${query(capped(`${target.object} WHERE ${column} IS NOT NULL`))} ELSE 'NULL' END`
    }
    case 'drop-schema': {
      // Every table of the schema, at most CAP + 1 rows of each, counted together up to CAP + 1.
      const tables = `SELECT string_agg(format('(SELECT 1 FROM %I.%I LIMIT ${DATA_LOSS_CAP + 1})', n.nspname, c.relname), ' UNION ALL ')
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.oid = to_regnamespace(${object}) AND c.relkind IN ('r', 'p', 'm')`
      return `CASE WHEN to_regnamespace(${object}) IS NULL THEN 'NULL' ELSE COALESCE('(SELECT count(*) FROM (SELECT 1 FROM (' || (${tables}) || ') AS u LIMIT ${DATA_LOSS_CAP + 1}) AS s)', '0') END`
    }
    default:
      return `CASE WHEN to_regclass(${object}) IS NULL THEN 'NULL' ELSE ${query(capped(target.object))} END`
  }
}

/**
 * Measures `targets` into a setting local to the transaction (no privilege needed, gone at its end),
 * then — when `refuse` — fails with the DATA_LOSS marker and the counts if any target holds data. A
 * measurement that fails stops the transaction only when refusing; otherwise the counts read unknown.
 */
export function measureDataLossSql(targets: readonly LossTarget[], refuse: boolean): string {
  if (targets.length === 0) return ''
  // One query built from the parts above, run once: an array keeps no limit on how many it counts.
  const parts = targets.map((t, i) => `(${i}, ${countQueryText(t)})`).join(',\n    ')
  const built = `SELECT 'SELECT to_json(ARRAY[' || string_agg(q, ', ' ORDER BY i) || ']::bigint[])::text' FROM (VALUES ${parts}) AS x(i, q)`
  const failed = refuse
    ? `RAISE EXCEPTION '${DATA_LOSS_UNMEASURED} %', SQLERRM;`
    : `PERFORM set_config('${SETTING}', 'unmeasured: ' || SQLERRM, true);`
  const check = refuse
    ? `IF EXISTS (SELECT 1 FROM json_array_elements_text(counts::json) AS c WHERE c <> '0') THEN
    RAISE EXCEPTION '${DATA_LOSS} %', counts;
  END IF;`
    : ''
  return doBlock(`DECLARE query text; counts text;
BEGIN
  BEGIN
    ${built} INTO query;
    EXECUTE query INTO counts;
    PERFORM set_config('${SETTING}', counts, true);
  EXCEPTION WHEN OTHERS THEN
    ${failed}
    RETURN;
  END;
  ${check}
END`)
}

/** The counts measureDataLossSql kept, as a statement answering one text cell. */
export const READ_DATA_LOSS_SQL = `SELECT current_setting('${SETTING}', true) AS counts;\n`

/** The counts, from the text (a cell, or a marked message) that carries them; [] when unknown. */
export function parseDataLoss(text: string | undefined | null): LossCount[] {
  const found = /\[[\d,null]*\]\s*$/.exec(text ?? '')
  if (!found) return []
  const values = JSON.parse(found[0]) as unknown[]
  return values.map((v) => (typeof v === 'number' ? v : null))
}
