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
export type CountedObject = Pick<DestructiveStatement, 'kind' | 'target' | 'object' | 'column'>

const LIMIT = DATA_LOSS_CAP + 1

/**
 * The text of the query counting each target, built in SQL from the targets' relations. A table whose
 * files hold no page has no row: it is 0 without a query of its own, so only tables with pages cost a
 * count (planning a thousand counts of empty tables took longer than the downs). Missing objects are
 * NULL: naming one in a count would fail the whole query. A partitioned table keeps its rows in its
 * partitions, so it is always counted.
 */
function countsQuerySql(targets: readonly CountedObject[]): string {
  const rows = targets
    .map((t, i) => `(${i}, ${sqlLiteral(t.kind)}, ${sqlLiteral(t.object)}, ${sqlLiteral(t.column ?? '')})`)
    .join(',\n      ')
  const schemaTables = `FROM pg_class c WHERE c.relnamespace = nsp AND c.relkind IN ('r', 'p', 'm')`
  const count = (from: string) =>
    `'(SELECT count(*) FROM (SELECT 1 FROM ' || ${from} || ' LIMIT ${LIMIT}) AS s)'`
  return `WITH target(i, kind, object, col) AS (VALUES
      ${rows}),
    found AS (SELECT t.*, CASE WHEN kind <> 'drop-schema' THEN to_regclass(object) END AS rel,
        CASE WHEN kind = 'drop-schema' THEN to_regnamespace(object) END AS nsp FROM target t),
    sized AS (SELECT f.*, CASE
        WHEN rel IS NOT NULL THEN (SELECT CASE WHEN c.relkind = 'p' THEN 1 ELSE pg_relation_size(rel) END FROM pg_class c WHERE c.oid = rel)
        WHEN nsp IS NOT NULL THEN (SELECT COALESCE(sum(CASE WHEN c.relkind = 'p' THEN 1 ELSE pg_relation_size(c.oid) END), 0) ${schemaTables})
      END AS size FROM found f)
  SELECT 'SELECT ARRAY[' || string_agg(CASE
      WHEN size IS NULL THEN 'NULL'
      WHEN size = 0 THEN '0'
      WHEN kind = 'drop-schema' THEN ${count(`'(' || (SELECT string_agg(format('(SELECT 1 FROM %s LIMIT ${LIMIT})', c.oid::regclass), ' UNION ALL ') ${schemaTables}) || ') AS u'`)}
      WHEN kind <> 'drop-column' THEN ${count('rel::text')}
      WHEN EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = rel AND a.attname = col AND a.attnum > 0 AND NOT a.attisdropped)
        THEN ${count(`rel::text || ' WHERE ' || quote_ident(col) || ' IS NOT NULL'`)}
      ELSE 'NULL' END, ', ' ORDER BY i) || ']::bigint[]' FROM sized`
}

/**
 * Measures `targets` into a setting local to the transaction (no privilege needed, gone at its end),
 * then — when `refuse` — fails with the DATA_LOSS marker and the counts if any target holds data. A
 * measurement that fails stops the transaction only when refusing; otherwise the counts read unknown.
 */
export function measureDataLossSql(targets: readonly CountedObject[], refuse: boolean): string {
  if (targets.length === 0) return ''
  // One counting query, built by another, run once: an array keeps no limit on how many it counts.
  const built = `${countsQuerySql(targets)}\n    INTO query`
  const failed = refuse
    ? `RAISE EXCEPTION '${DATA_LOSS_UNMEASURED} %', SQLERRM;`
    : `PERFORM set_config('${SETTING}', 'unmeasured: ' || SQLERRM, true);`
  const check = refuse
    ? `IF EXISTS (SELECT 1 FROM json_array_elements_text(counts::json) AS c WHERE c <> '0') THEN
    RAISE EXCEPTION '${DATA_LOSS} %', counts;
  END IF;`
    : ''
  return doBlock(`DECLARE query text; measured bigint[]; counts text;
BEGIN
  BEGIN
    ${built};
    EXECUTE query INTO measured;
    counts := to_json(measured)::text;
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
