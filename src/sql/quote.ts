// Quoting for SQL we generate (state rows, guard, journal, the Hasura transport's script).

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
