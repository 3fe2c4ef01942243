// Statements of a down migration that lose data, for notices before a rollback runs them. Only what a
// statement says at its top level is read: a DROP inside a DO block or a function body is not seen.
// DROP MATERIALIZED VIEW is left out on purpose: its rows are derived from its query, and re-running
// the up migration that creates it brings them back; DROP VIEW, DROP INDEX, DROP CONSTRAINT lose no rows.
import type { Token } from './lexer.js'
import type { Scan } from './scan.js'
import { isComment } from './scan.js'

export interface DestructiveStatement {
  kind: 'drop-table' | 'drop-schema' | 'drop-column' | 'truncate' | 'delete-all'
  /** Object as PostgreSQL names it: unquoted parts folded to lower case, quotes only where needed,
   * e.g. `public.author`, `public."Player".name`. A column is `<table>.<column>`. */
  target: string
  /** The table or schema as SQL names it (quoted where needed): `public.author`, `"Player"`. */
  object: string
  /** drop-column: the column's name itself (unquoted). */
  column?: string
  /** Line of the statement's first character that is not blank and not in a comment. */
  line: number
}

// Most statements start with none of these: the others are skipped without slicing their text.
const LEADING_WORDS = ['drop', 'truncate', 'alter', 'delete', 'with']

/** The statements of a script that drop tables, schemas or columns, truncate, or delete without WHERE. */
export function destructiveStatements(scan: Scan): DestructiveStatement[] {
  const { text: sql, tokens, statements } = scan
  const found: DestructiveStatement[] = []
  for (const { first, last } of statements) {
    // A statement starts with a word (comments are outside it): most start with none of these.
    if (!LEADING_WORDS.some((word) => isWord(sql, tokens[first], word))) continue
    const range = tokens.slice(first, last + 1)
    const words = range.some(isComment) ? range.filter((token) => !isComment(token)) : range
    const line = words[0]?.line ?? 1
    const reader = new Reader(sql, words)
    for (const finding of readDestructive(reader)) found.push({ ...finding, line })
  }
  return found
}

/** The token is the unquoted key word `word` (lower case), compared in place. */
function isWord(sql: string, token: Token | undefined, word: string): boolean {
  if (token?.kind !== 'word' || token.end - token.start !== word.length) return false
  for (let i = 0; i < word.length; i++) {
    // ASCII letters only: `| 0x20` folds A-Z onto a-z.
    if ((sql.charCodeAt(token.start + i) | 0x20) !== word.charCodeAt(i)) return false
  }
  return true
}

type Finding = Omit<DestructiveStatement, 'line'>

function readDestructive(reader: Reader): Finding[] {
  if (reader.is(0, 'drop') && (reader.is(1, 'table') || reader.is(1, 'schema'))) {
    const kind = reader.is(1, 'table') ? 'drop-table' : 'drop-schema'
    reader.position = 2
    reader.skip('if', 'exists')
    return reader.nameList().map((target) => ({ kind, target, object: target }))
  }
  if (reader.is(0, 'truncate')) {
    reader.position = 1
    reader.skip('table')
    return reader.nameList().map((target) => ({ kind: 'truncate', target, object: target }))
  }
  if (reader.is(0, 'alter') && reader.is(1, 'table')) return droppedColumns(reader)
  if (reader.is(0, 'delete')) return deleteWithoutWhere(reader, 0)
  if (reader.is(0, 'with')) {
    // DELETE as the main statement or inside a data-modifying CTE.
    const findings: Finding[] = []
    reader.tokens.forEach((_, index) => {
      if (reader.is(index, 'delete')) findings.push(...deleteWithoutWhere(reader, index))
    })
    return findings
  }
  return []
}

// ALTER TABLE [IF EXISTS] [ONLY] name [*] action [, action]…; an action `DROP [COLUMN] [IF EXISTS] c`
// drops a column, `DROP CONSTRAINT` does not, nor `ALTER COLUMN c DROP DEFAULT|NOT NULL|…`.
function droppedColumns(reader: Reader): Finding[] {
  reader.position = 2
  reader.skip('if', 'exists')
  reader.skip('only')
  const table = reader.name()
  if (table === undefined) return []
  const findings: Finding[] = []
  let actionStart = true
  let depth = 0
  for (; reader.position < reader.tokens.length; reader.position++) {
    const kind = reader.tokens[reader.position]?.kind
    if (depth === 0 && actionStart && reader.is(reader.position, 'drop')) {
      reader.position++
      if (reader.is(reader.position, 'constraint')) {
        actionStart = false
        continue
      }
      reader.skip('column')
      reader.skip('if', 'exists')
      const columnToken = reader.tokens[reader.position]
      const column = reader.name(false)
      if (column !== undefined) {
        const name = reader.rawIdentifier(columnToken)!
        findings.push({ kind: 'drop-column', target: `${table}.${column}`, object: table, column: name })
      }
      reader.position--
    }
    actionStart = depth === 0 && kind === ','
    if (kind === '(') depth++
    else if (kind === ')') depth--
  }
  return findings
}

// DELETE FROM [ONLY] name [*] …: deletes every row unless a WHERE follows at the same nesting level.
function deleteWithoutWhere(reader: Reader, at: number): Finding[] {
  if (!reader.is(at + 1, 'from')) return []
  reader.position = at + 2
  reader.skip('only')
  const target = reader.name()
  if (target === undefined) return []
  let depth = 0
  for (let index = reader.position; index < reader.tokens.length && depth >= 0; index++) {
    const kind = reader.tokens[index]?.kind
    if (kind === '(') depth++
    else if (kind === ')') depth--
    else if (depth === 0 && reader.is(index, 'where')) return []
  }
  return [{ kind: 'delete-all', target, object: target }]
}

class Reader {
  position = 0
  constructor(
    readonly sql: string,
    readonly tokens: readonly Token[],
  ) {}

  /** The token at `index` is the unquoted key word `word` (given in lower case). */
  is(index: number, word: string): boolean {
    return isWord(this.sql, this.tokens[index], word)
  }

  /** Steps over the key word `word` (and `then`, when given) when it comes next. */
  skip(word: string, then?: string): void {
    if (!this.is(this.position, word)) return
    if (then === undefined) this.position += 1
    else if (this.is(this.position + 1, then)) this.position += 2
  }

  /** A (qualified) name and an optional `*`; undefined when none is next. */
  name(qualified = true): string | undefined {
    const parts: string[] = []
    for (;;) {
      const part = this.identifier(this.tokens[this.position])
      if (part === undefined) break
      parts.push(part)
      this.position++
      if (!qualified || this.tokens[this.position]?.kind !== '.') break
      this.position++
    }
    if (this.tokens[this.position] !== undefined && this.text(this.tokens[this.position] as Token) === '*') {
      this.position++
    }
    return parts.length === 0 ? undefined : parts.join('.')
  }

  /** name [, [ONLY] name]… */
  nameList(): string[] {
    const names: string[] = []
    for (;;) {
      this.skip('only')
      const name = this.name()
      if (name === undefined) return names
      names.push(name)
      if (this.tokens[this.position]?.kind !== ',') return names
      this.position++
    }
  }

  private identifier(token: Token | undefined): string | undefined {
    const raw = this.rawIdentifier(token)
    return raw === undefined ? undefined : displayIdentifier(raw)
  }

  /** The identifier as Postgres stores it: unquoted ones folded, quoted ones as written. */
  rawIdentifier(token: Token | undefined): string | undefined {
    if (token?.kind === 'word') return asciiLowerCase(this.text(token))
    if (token?.kind === 'quoted-identifier' && this.sql[token.start] === '"' && !token.unterminated) {
      return this.text(token).slice(1, -1).replaceAll('""', '"')
    }
    return undefined
  }

  private text(token: Token): string {
    return this.sql.slice(token.start, token.end)
  }
}

// PostgreSQL folds unquoted identifiers to lower case in ASCII only (UTF-8 server encoding).
function asciiLowerCase(text: string): string {
  return /[A-Z]/.test(text) ? text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase()) : text
}

function displayIdentifier(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`
}
