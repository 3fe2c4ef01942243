// The project's `.env` file, read the way the Hasura CLI reads it (github.com/subosito/gotenv):
// KEY=VALUE or `KEY: VALUE`, optional `export `, `#` comments, single quotes (literal), double quotes
// (\n, \r and backslash escapes), and $NAME / ${NAME} expansion outside single quotes.
import { RollbackError } from '../errors.js'

export const DOT_ENV_FILE = '.env'

const LINE = /^\s*(?:export\s+)?([\w.]+)(?:\s*=\s*|:\s+)(.*)$/
// gotenv only expands upper-case names; `\$` keeps a literal dollar.
const VARIABLE = /(\\)?\$(\{?([A-Z0-9_]+)?\}?)/g

/**
 * KEY → value for every assignment in a `.env` text; a later line wins. `env` feeds $NAME expansion
 * for names the file has not set itself. Throws RollbackError naming `.env` and the line on a line
 * that is neither blank, a comment, nor an assignment.
 */
export function parseDotEnv(text: string, env: Readonly<Record<string, string | undefined>> = {}) {
  const values = new Map<string, string>()
  const lines = text.replace(/^\uFEFF/, '').split('\n')
  lines.forEach((rawLine, index) => {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine
    const trimmed = line.trim()
    if (trimmed === '' || trimmed.startsWith('#')) return
    const match = LINE.exec(line)
    const value = match === null ? undefined : parseValue(match[2] ?? '')
    if (match === null || value === undefined) {
      // The line itself is not quoted: it may hold a secret.
      throw new RollbackError(`${DOT_ENV_FILE} line ${index + 1} is not KEY=VALUE`, {
        file: DOT_ENV_FILE,
        line: index + 1,
      })
    }
    const lookup = (name: string) => values.get(name) ?? env[name] ?? ''
    values.set(match[1] ?? '', value.quote === "'" ? value.text : expand(value.text, lookup))
  })
  return Object.fromEntries(values) as Record<string, string>
}

interface RawValue {
  text: string
  quote: '"' | "'" | ''
}

/** The value part of an assignment, or undefined when a quote is left open or followed by text. */
function parseValue(rest: string): RawValue | undefined {
  const quote = rest[0]
  if (quote !== '"' && quote !== "'") {
    // Unquoted: up to a `#`, surrounding spaces dropped.
    const hash = rest.indexOf('#')
    return { text: (hash === -1 ? rest : rest.slice(0, hash)).trim(), quote: '' }
  }
  const close = quote === "'" ? rest.indexOf("'", 1) : closingDoubleQuote(rest)
  if (close === -1) return undefined
  const after = rest.slice(close + 1).trim()
  if (after !== '' && !after.startsWith('#')) return undefined
  const inner = rest.slice(1, close)
  return { text: quote === "'" ? inner : unescapeDoubleQuoted(inner), quote }
}

function closingDoubleQuote(rest: string): number {
  for (let i = 1; i < rest.length; i++) {
    if (rest[i] === '\\') i++
    else if (rest[i] === '"') return i
  }
  return -1
}

// Every escape but `\$`, which expansion treats as a literal dollar.
function unescapeDoubleQuoted(inner: string): string {
  return inner
    .replaceAll('\\n', '\n')
    .replaceAll('\\r', '\r')
    .replace(/\\([^$])/g, '$1')
}

function expand(text: string, lookup: (name: string) => string): string {
  return text.replace(
    VARIABLE,
    (whole: string, escape: string | undefined, _body, name: string | undefined) => {
      if (escape !== undefined) return whole.slice(1)
      return name === undefined ? whole : lookup(name)
    },
  )
}
