// Statements of a SQL script, split as psql splits them (scan.ts), scripts joined into one that
// PostgreSQL runs as their concatenation, and error positions in it mapped back to a file and line.
//
// Units: `SqlStatement.startOffset` and token offsets are UTF-16 indexes (String#slice). `joinScripts`
// offsets and `locatePosition`'s position are Unicode code points, the unit of PostgreSQL's error
// `position` (characters of the UTF-8 server encoding). Lines are 1-based and end at '\n'.
import { RollbackError } from '../errors.js'
import type { Token } from './lexer.js'
import { scanStatements } from './scan.js'

export interface SqlStatement {
  /** From the statement's first token to its last (comments inside and just before ';' kept), no ';'. */
  text: string
  /** UTF-16 index of `text` in the script. */
  startOffset: number
  /** Line of the statement's first character that is not blank and not in a comment. */
  startLine: number
  /** Line of the last character of `text`. */
  endLine: number
}

/** Splits a script the way psql does; statements holding only comments or nothing are dropped. */
export function splitStatements(sql: string): SqlStatement[] {
  const { tokens, statements } = scanStatements(sql)
  return statements.map(({ first, last }) => {
    const start = tokens[first] as Token
    const end = tokens[last] as Token
    return {
      text: sql.slice(start.start, end.end),
      startOffset: start.start,
      startLine: start.line,
      endLine: end.endLine,
    }
  })
}

/** How many statements psql would send for the script. */
export function statementCount(sql: string): number {
  return scanStatements(sql).statements.length
}

/** True when the script has a statement outside comments (a Console placeholder down has none). */
export function hasStatements(sql: string): boolean {
  return statementCount(sql) > 0
}

const UNTERMINATED: Readonly<Record<string, string>> = {
  'block-comment': 'a /* comment (block comments nest in PostgreSQL: each /* needs its own */)',
  string: 'a quoted string',
  'quoted-identifier': 'a double-quoted identifier',
  'dollar-string': 'a dollar-quoted string',
}

/**
 * One script that PostgreSQL runs as the parts run one after another: a part that ends without ';'
 * gets one, a part ending in a `--` comment gets a newline first, and every part starts on a new line.
 * `offsets[i]` is where part i starts in `sql`, in code points. A part that ends inside a block
 * comment, a quoted string or identifier, a dollar quote or a BEGIN ATOMIC body would swallow the next
 * part: that is an error of that file, thrown as a RollbackError naming `names[i]`.
 */
export function joinScripts(
  parts: readonly string[],
  names: readonly string[] = [],
): { sql: string; offsets: number[] } {
  const pieces: string[] = []
  const offsets: number[] = []
  let codePoints = 0
  parts.forEach((part, index) => {
    const tail = separatorAfter(part, names[index], `SQL script ${index + 1} of ${parts.length}`)
    offsets.push(codePoints)
    pieces.push(part, tail)
    codePoints += codePointLength(part) + tail.length
  })
  return { sql: pieces.join(''), offsets }
}

function separatorAfter(part: string, file: string | undefined, fallbackName: string): string {
  const name = file ?? fallbackName
  const { tokens, openAtEnd, openBeginDepth } = scanStatements(part)
  const lastToken = tokens.at(-1)
  if (lastToken?.unterminated === true) {
    throw new RollbackError(
      `${name} ends inside ${UNTERMINATED[lastToken.kind] ?? 'a literal'} opened on line ${lastToken.line}`,
      { file, line: lastToken.line },
    )
  }
  if (openBeginDepth > 0) {
    throw new RollbackError(`${name} ends inside a BEGIN ATOMIC function body: it needs its END;`, { file })
  }
  let tail = lastToken?.kind === 'line-comment' && lastToken.end === part.length ? '\n' : ''
  if (openAtEnd) tail += ';'
  if (part !== '' && !(part + tail).endsWith('\n')) tail += '\n'
  return tail
}

/**
 * The part and line (1-based, in that part) of a PostgreSQL error `position` (1-based, code points)
 * in the script `joinScripts` built from `parts`. A position in the text added after a part (its
 * ';' or newline) or past the end maps to that part's last line.
 */
export function locatePosition(
  joined: { offsets: number[] },
  position: number,
  parts: readonly string[],
): { part: number; line: number } {
  const index = Math.max(0, position - 1)
  let part = 0
  let low = 0
  let high = joined.offsets.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    if ((joined.offsets[middle] ?? 0) <= index) {
      part = middle
      low = middle + 1
    } else {
      high = middle - 1
    }
  }
  const text = parts[part] ?? ''
  return { part, line: lineOfCodePoint(text, index - (joined.offsets[part] ?? 0)) }
}

// Line of the code point at `target`, clamped to the text's last character.
function lineOfCodePoint(text: string, target: number): number {
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

/** Length in Unicode code points (an astral character is one, as PostgreSQL counts it). */
export function codePointLength(text: string): number {
  let length = text.length
  for (let i = 0; i < text.length; i++) {
    if (isSurrogatePairAt(text, i)) {
      length--
      i++
    }
  }
  return length
}

// A lone surrogate counts as one character: it reaches the server as one U+FFFD.
function isSurrogatePairAt(text: string, i: number): boolean {
  const high = text.charCodeAt(i)
  const low = text.charCodeAt(i + 1)
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff
}
