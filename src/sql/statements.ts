// Statements of a scanned SQL script as psql splits them (scan.ts), what must follow a script so the
// next one sent in the same query starts afresh, and PostgreSQL error positions mapped to lines.
//
// Units: `SqlStatement.startOffset` is a UTF-16 index (String#slice). PostgreSQL's error `position`
// counts Unicode code points (characters of the UTF-8 server encoding). Lines are 1-based and end at '\n'.
import { RollbackError } from '../errors.js'
import type { Scan } from './scan.js'

export interface SqlStatement {
  /** From the statement's first token to its last (comments inside and just before ';' kept), no ';'. */
  readonly text: string
  /** UTF-16 index of `text` in the script. */
  readonly startOffset: number
  /** Line of the statement's first character that is not blank and not in a comment. */
  readonly startLine: number
}

/** The statements psql would send; statements holding only comments or nothing are dropped. */
export function splitStatements(scan: Scan): SqlStatement[] {
  return scan.statements.map(({ first, last }) => {
    const start = scan.tokens[first]!
    const end = scan.tokens[last]!
    return { text: scan.text.slice(start.start, end.end), startOffset: start.start, startLine: start.line }
  })
}

const UNTERMINATED: Readonly<Record<string, string>> = {
  'block-comment': 'a /* comment (block comments nest in PostgreSQL: each /* needs its own */)',
  string: 'a quoted string',
  'quoted-identifier': 'a double-quoted identifier',
  'dollar-string': 'a dollar-quoted string',
}

/**
 * What to append to a script so that a script sent after it in the same query runs as if sent alone:
 * ';' when its last statement is open, a newline first when it ends in a `--` comment, and a final
 * newline. A script that ends inside a block comment, a quoted string or identifier, a dollar quote or
 * a BEGIN ATOMIC body would swallow what follows: a RollbackError naming `file`.
 */
export function scriptEnding(scan: Scan, file: string): string {
  const lastToken = scan.tokens.at(-1)
  if (lastToken?.unterminated === true) {
    throw new RollbackError(
      `${file} ends inside ${UNTERMINATED[lastToken.kind] ?? 'a literal'} opened on line ${lastToken.line}`,
      { file, line: lastToken.line },
    )
  }
  if (scan.openBeginDepth > 0) {
    throw new RollbackError(`${file} ends inside a BEGIN ATOMIC function body: it needs its END;`, { file })
  }
  let tail = lastToken?.kind === 'line-comment' && lastToken.end === scan.text.length ? '\n' : ''
  if (scan.openAtEnd) tail += ';'
  if (scan.text !== '' && !(scan.text + tail).endsWith('\n')) tail += '\n'
  return tail
}

/**
 * The line (1-based) of a PostgreSQL error `position` (1-based, in code points) in `text`, the query
 * that failed; a position past the end maps to the last line.
 */
export function lineAtPosition(text: string, position: number): number {
  const target = Math.max(0, position - 1)
  let line = 1
  let codePoint = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (isSurrogatePairAt(text, i)) i++
    if (codePoint === target || i === text.length - 1) return line
    if (code === 0x0a) line++
    codePoint++
  }
  return line
}

// A lone surrogate counts as one character: it reaches the server as one U+FFFD.
function isSurrogatePairAt(text: string, i: number): boolean {
  const high = text.charCodeAt(i)
  const low = text.charCodeAt(i + 1)
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff
}
