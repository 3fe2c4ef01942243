// Quoting for the SQL we generate (state, guard, journal, lock): literals, dollar quotes, version lists.

/** A standard string literal: '…' with quotes doubled (standard_conforming_strings is on). */
export function sqlLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`
}

/** `body` dollar-quoted with a tag that does not occur in it (for DO blocks). */
export function dollarQuote(body: string, name = 'body'): string {
  let tag = `$${name}$`
  for (let i = 0; body.includes(tag); i++) tag = `$${name}${i}$`
  return `${tag}${body}${tag}`
}

/** Migration versions (canonical decimal strings) as a comma-separated list of bigint literals. */
export function versionsSql(versions: readonly string[]): string {
  return versions
    .map((version) => {
      if (!/^\d+$/.test(version)) throw new Error(`not a migration version: ${version}`)
      return version
    })
    .join(',')
}

/**
 * A JSON value computed by `select` (one column `v`, at most one row) from a table that may not exist.
 * Static SQL naming a missing table fails to parse, so the query runs dynamically through
 * query_to_xml, only when `table` exists; the value travels hex-encoded, which XML leaves untouched.
 */
export function jsonFromTableIfExists(table: string, select: string): string {
  const query = `SELECT encode(convert_to(d.v::text, 'UTF8'), 'hex') AS j FROM (${select}) AS d`
  const hex = `(xpath('//j/text()', query_to_xml(${sqlLiteral(query)}, false, false, '')))[1]::text`
  return `CASE WHEN to_regclass(${sqlLiteral(table)}) IS NULL THEN NULL ELSE convert_from(decode(${hex}, 'hex'), 'UTF8')::json END`
}
