// A PostgreSQL tokenizer just deep enough to find statement boundaries and leading keywords. It follows
// the rules of the server's scan.l and psql's psqlscan.l (PostgreSQL docs, "Lexical Structure"), with
// standard_conforming_strings on (the default since 9.1): plain '…' strings have no backslash escapes.
// Offsets are UTF-16 indexes into the scanned string (what String#slice takes); lines are 1-based and
// end at '\n', so a CRLF file counts each line once.

export type TokenKind =
  /** Unquoted identifier or key word (may contain '$' after its first character). */
  | 'word'
  /** "…" or U&"…" */
  | 'quoted-identifier'
  /** '…', E'…', B'…', X'…', N'…', U&'…' */
  | 'string'
  /** $$…$$ or $tag$…$tag$ */
  | 'dollar-string'
  | 'line-comment'
  | 'block-comment'
  | ';'
  | '('
  | ')'
  | ','
  | '.'
  /** Numbers, $1 parameters, operator characters and anything else, one token each. */
  | 'other'

export interface Token {
  kind: TokenKind
  /** UTF-16 index of the first character. */
  start: number
  /** UTF-16 index just past the last character. */
  end: number
  /** Line of the first character. */
  line: number
  /** Line of the last character. */
  endLine: number
  /** A string, quoted identifier, dollar string or block comment that the text ends inside. */
  unterminated: boolean
}

const NEWLINE = 0x0a
const CARRIAGE_RETURN = 0x0d
const SINGLE_QUOTE = 0x27
const DOUBLE_QUOTE = 0x22
const DOLLAR = 0x24
const BACKSLASH = 0x5c

// [ \t\n\r\f] as in scan.l, plus \v which PostgreSQL 16 added (and downVerdict already skips).
function isSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d)
}

function isHorizontalSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0b || code === 0x0c
}

function isNewline(code: number): boolean {
  return code === NEWLINE || code === CARRIAGE_RETURN
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39
}

// ident_start: [A-Za-z\200-\377_] — the server sees UTF-8 bytes, so every non-ASCII character qualifies.
function isIdentifierStart(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f || code >= 0x80
}

function isTagChar(code: number): boolean {
  return isIdentifierStart(code) || isDigit(code)
}

function singleCharKind(code: number): TokenKind {
  switch (code) {
    case 0x3b:
      return ';'
    case 0x28:
      return '('
    case 0x29:
      return ')'
    case 0x2c:
      return ','
    case 0x2e:
      return '.'
    default:
      return 'other'
  }
}

/** Every token of `sql` (comments included, whitespace left out), in order; never throws. */
export function tokenize(sql: string): Token[] {
  const tokens: Token[] = []
  const length = sql.length
  let line = 1
  let counted = 0
  // Line of the character at `index`; indexes only grow, so the whole text is walked once.
  const lineAt = (index: number): number => {
    for (; counted < index; counted++) if (sql.charCodeAt(counted) === NEWLINE) line++
    return line
  }
  const push = (kind: TokenKind, start: number, end: number, unterminated = false): void => {
    const startLine = lineAt(start)
    tokens.push({ kind, start, end, line: startLine, endLine: lineAt(end - 1), unterminated })
  }

  let i = 0
  while (i < length) {
    const code = sql.charCodeAt(i)
    const next = sql.charCodeAt(i + 1)
    if (isSpace(code)) {
      i++
    } else if (code === 0x2d && next === 0x2d) {
      const end = endOfLine(sql, i + 2)
      push('line-comment', i, end)
      i = end
    } else if (code === 0x2f && next === 0x2a) {
      const end = endOfBlockComment(sql, i + 2)
      push('block-comment', i, end < 0 ? length : end, end < 0)
      i = end < 0 ? length : end
    } else if (code === SINGLE_QUOTE) {
      i = pushString(sql, i, i + 1, false, push)
    } else if (code === DOUBLE_QUOTE) {
      i = pushQuotedIdentifier(sql, i, i + 1, push)
    } else if (code === DOLLAR) {
      i = pushDollar(sql, i, push)
    } else if (isIdentifierStart(code)) {
      i = pushWordOrPrefixedQuote(sql, i, push)
    } else if (isDigit(code)) {
      let end = i + 1
      while (end < length && (isTagChar(sql.charCodeAt(end)) || sql.charCodeAt(end) === 0x2e)) end++
      push('other', i, end)
      i = end
    } else {
      push(singleCharKind(code), i, i + 1)
      i++
    }
  }
  return tokens
}

type Push = (kind: TokenKind, start: number, end: number, unterminated?: boolean) => void

function endOfLine(sql: string, from: number): number {
  let i = from
  while (i < sql.length && !isNewline(sql.charCodeAt(i))) i++
  return i
}

// Block comments nest; returns the index after the closing "*/", or -1 when the text ends first.
function endOfBlockComment(sql: string, from: number): number {
  let depth = 1
  let i = from
  while (i < sql.length) {
    if (sql.startsWith('/*', i)) {
      depth++
      i += 2
    } else if (sql.startsWith('*/', i)) {
      depth--
      i += 2
      if (depth === 0) return i
    } else {
      i++
    }
  }
  return -1
}

// A literal's body from `bodyStart`; '' is a quote inside it, and in E'…' strings (`backslashes`) a
// backslash escapes the next character. Returns the index after the closing quote or -1.
function endOfQuoted(sql: string, bodyStart: number, backslashes: boolean): number {
  let i = bodyStart
  while (i < sql.length) {
    const code = sql.charCodeAt(i)
    if (backslashes && code === BACKSLASH) {
      i += 2
    } else if (code === SINGLE_QUOTE) {
      if (sql.charCodeAt(i + 1) !== SINGLE_QUOTE) return i + 1
      i += 2
    } else {
      i++
    }
  }
  return -1
}

// 'a' <whitespace holding a newline> 'b' is one literal (scan.l {quotecontinue}). It only changes the
// lexing of E'…' strings, whose continuation keeps backslash escapes. Returns the index after the
// continuation's opening quote, or -1.
function continuationAfter(sql: string, from: number): number {
  let i = from
  for (;;) {
    if (isHorizontalSpace(sql.charCodeAt(i))) i++
    else if (sql.startsWith('--', i)) i = endOfLine(sql, i + 2)
    else break
  }
  if (!isNewline(sql.charCodeAt(i))) return -1
  for (;;) {
    if (isSpace(sql.charCodeAt(i))) i++
    else if (sql.startsWith('--', i)) {
      i = endOfLine(sql, i + 2)
      if (i >= sql.length) return -1
    } else break
  }
  return sql.charCodeAt(i) === SINGLE_QUOTE ? i + 1 : -1
}

function pushString(sql: string, start: number, bodyStart: number, backslashes: boolean, push: Push): number {
  let end = endOfQuoted(sql, bodyStart, backslashes)
  while (backslashes && end >= 0) {
    const continued = continuationAfter(sql, end)
    if (continued < 0) break
    end = endOfQuoted(sql, continued, true)
  }
  if (end < 0) {
    push('string', start, sql.length, true)
    return sql.length
  }
  push('string', start, end)
  return end
}

function pushQuotedIdentifier(sql: string, start: number, bodyStart: number, push: Push): number {
  let i = bodyStart
  for (;;) {
    const quote = sql.indexOf('"', i)
    if (quote < 0) {
      push('quoted-identifier', start, sql.length, true)
      return sql.length
    }
    if (sql.charCodeAt(quote + 1) !== DOUBLE_QUOTE) {
      push('quoted-identifier', start, quote + 1)
      return quote + 1
    }
    i = quote + 2
  }
}

// "$$" or "$tag$" opens a dollar-quoted string that ends at the first identical delimiter; "$1" is a
// parameter; a lone '$' is just a character (the server then rejects it).
function pushDollar(sql: string, start: number, push: Push): number {
  let i = start + 1
  if (isDigit(sql.charCodeAt(i))) {
    while (isDigit(sql.charCodeAt(i))) i++
    push('other', start, i)
    return i
  }
  if (isIdentifierStart(sql.charCodeAt(i))) {
    while (isTagChar(sql.charCodeAt(i))) i++
  }
  if (sql.charCodeAt(i) !== DOLLAR) {
    push('other', start, start + 1)
    return start + 1
  }
  const delimiter = sql.slice(start, i + 1)
  const close = sql.indexOf(delimiter, i + 1)
  if (close < 0) {
    push('dollar-string', start, sql.length, true)
    return sql.length
  }
  push('dollar-string', start, close + delimiter.length)
  return close + delimiter.length
}

// An identifier runs over letters, digits, '_', '$' and non-ASCII characters, so "a$$b" is one word and
// not a dollar quote. A single E, B, X, N right before a quote, or U& before a quote, prefixes a literal.
function pushWordOrPrefixedQuote(sql: string, start: number, push: Push): number {
  const first = sql[start]?.toLowerCase()
  const next = sql.charCodeAt(start + 1)
  if (next === SINGLE_QUOTE && (first === 'e' || first === 'b' || first === 'x' || first === 'n')) {
    return pushString(sql, start, start + 2, first === 'e', push)
  }
  if (first === 'u' && sql[start + 1] === '&') {
    const quote = sql.charCodeAt(start + 2)
    if (quote === SINGLE_QUOTE) return pushString(sql, start, start + 3, false, push)
    if (quote === DOUBLE_QUOTE) return pushQuotedIdentifier(sql, start, start + 3, push)
  }
  let i = start + 1
  while (i < sql.length && (isTagChar(sql.charCodeAt(i)) || sql.charCodeAt(i) === DOLLAR)) i++
  push('word', start, i)
  return i
}
