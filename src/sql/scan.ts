// Statement boundaries as psql finds them (src/fe_utils/psqlscan.l): a ';' ends a statement when it is
// a token of its own (not in a quote, comment or dollar quote), outside parentheses, and outside the
// BEGIN … END body of a CREATE [OR REPLACE] FUNCTION/PROCEDURE (SQL-standard bodies, PostgreSQL 14+).
import { tokenize, type Token } from './lexer.js'

export const isComment = (token: Token): boolean =>
  token.kind === 'line-comment' || token.kind === 'block-comment'

/** A statement as the range of its tokens (comments between them included). */
export interface StatementTokens {
  first: number
  last: number
}

export interface Scan {
  /** The text scanned. */
  text: string
  tokens: Token[]
  statements: StatementTokens[]
  /** The text ends in a statement that no ';' closed (or inside a BEGIN ATOMIC body). */
  openAtEnd: boolean
  /** The text ends inside a BEGIN … END body of a CREATE FUNCTION/PROCEDURE. */
  openBeginDepth: number
}

/**
 * The statements of `sql`, by psql's rules; text with only comments, blanks and ';' yields none.
 * A down is scanned once, when it is read (project/migrations.ts), and its scan kept with it.
 */
export function scanStatements(sql: string): Scan {
  const tokens = tokenize(sql)
  const statements: StatementTokens[] = []
  let first = -1
  let last = -1
  let parenDepth = 0
  let beginDepth = 0
  // psql remembers the first letter of the first four words when they are CREATE, OR, REPLACE,
  // FUNCTION or PROCEDURE, to tell a routine definition from a transaction's BEGIN.
  let words = 0
  const leading = ['', '', '', '']
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as Token
    if (token.kind === ';' && parenDepth === 0 && beginDepth === 0) {
      if (first >= 0) statements.push({ first, last })
      first = -1
      words = 0
      continue
    }
    if (isComment(token)) {
      if (first >= 0) last = index
      continue
    }
    if (first < 0) first = index
    last = index
    if (token.kind === '(') parenDepth++
    else if (token.kind === ')') parenDepth = Math.max(0, parenDepth - 1)
    else if (token.kind === 'word') {
      // Only words of 2 to 9 letters can be one psql looks for; skip slicing the others.
      const length = token.end - token.start
      const word = length >= 2 && length <= 9 ? sql.slice(token.start, token.end).toLowerCase() : ''
      if (words === 0) leading.fill('')
      if (words < leading.length && ROUTINE_WORDS.has(word)) leading[words] = word[0] ?? ''
      words++
      if (parenDepth === 0 && definesRoutine(leading)) {
        if (word === 'begin') beginDepth++
        else if (word === 'case' && beginDepth > 0) beginDepth++
        else if (word === 'end' && beginDepth > 0) beginDepth--
      }
    }
  }
  if (first >= 0) statements.push({ first, last })
  return { text: sql, tokens, statements, openAtEnd: first >= 0, openBeginDepth: beginDepth }
}

const ROUTINE_WORDS = new Set(['create', 'function', 'procedure', 'or', 'replace'])

// CREATE FUNCTION, CREATE PROCEDURE, CREATE OR REPLACE FUNCTION, CREATE OR REPLACE PROCEDURE.
function definesRoutine([a, b, c, d]: readonly string[]): boolean {
  return a === 'c' && (b === 'f' || b === 'p' || (b === 'o' && c === 'r' && (d === 'f' || d === 'p')))
}
