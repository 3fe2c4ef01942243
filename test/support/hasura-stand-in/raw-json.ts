// JSON kept as text. The server reads and writes the catalog state with aeson and jsonb, which keep
// every number exactly; a JavaScript round trip would not (2^53 and beyond, 1e400), so the
// stand-in moves those documents as raw text between the request, Postgres and the answer.
// The action has its own lossless JSON (src/lossless-json.ts); the stand-in deliberately imports
// nothing from src/ (see ../hasura-stand-in.ts), so it reads raw values here.
import type { Json } from './errors.js'

/** A JSON value to send as written. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** What a query answers with: JSON, raw JSON text, or a bulk's list of either. */
export type Answer = Json | RawJson | Answer[]

/** The answer's JSON text (raw parts spliced in as they are). */
export function encodeAnswer(answer: Answer): string {
  if (answer instanceof RawJson) return answer.text
  if (Array.isArray(answer)) return `[${answer.map(encodeAnswer).join(',')}]`
  return JSON.stringify(answer)
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\n' || c === '\r' || c === '\t'

function skipSpace(text: string, at: number): number {
  while (isSpace(text[at])) at += 1
  return at
}

/** End (exclusive) of the string starting at `at` (its opening quote). */
function stringEnd(text: string, at: number): number {
  let i = at + 1
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1
  return i + 1
}

/** End (exclusive) of the value starting at `at`; the text is known to be valid JSON. */
function valueEnd(text: string, at: number): number {
  const first = text[at]
  if (first === '"') return stringEnd(text, at)
  if (first !== '{' && first !== '[') {
    let i = at
    while (i < text.length && !/[\s,\]}]/.test(text[i] ?? '')) i += 1
    return i
  }
  let i = skipSpace(text, at + 1)
  while (text[i] !== '}' && text[i] !== ']') {
    i = skipSpace(text, valueEnd(text, i))
    if (text[i] === ':') i = skipSpace(text, valueEnd(text, skipSpace(text, i + 1)))
    if (text[i] === ',') i = skipSpace(text, i + 1)
  }
  return i + 1
}

/** [start, end) of each member (object: key → value span) or element (array: index → span). */
function children(text: string, at: number): Map<string, [number, number]> {
  const found = new Map<string, [number, number]>()
  const isObject = text[at] === '{'
  let i = skipSpace(text, at + 1)
  for (let index = 0; text[i] !== '}' && text[i] !== ']'; index += 1) {
    let key = String(index)
    if (isObject) {
      const keyEnd = stringEnd(text, i)
      key = JSON.parse(text.slice(i, keyEnd)) as string
      i = skipSpace(text, skipSpace(text, keyEnd) + 1)
    }
    const end = valueEnd(text, i)
    found.set(key, [i, end]) // a repeated key: the last one wins, as in JSON.parse
    i = skipSpace(text, end)
    if (text[i] === ',') i = skipSpace(text, i + 1)
  }
  return found
}

/** The raw text of the value at `path` in the JSON document `text`, if there is one. */
export function rawJsonAt(text: string, path: readonly (string | number)[]): string | undefined {
  let start = skipSpace(text, 0)
  let end = valueEnd(text, start)
  for (const step of path) {
    if (text[start] !== '{' && text[start] !== '[') return undefined
    const span = children(text, start).get(String(step))
    if (!span) return undefined
    ;[start, end] = span
  }
  return text.slice(start, end)
}
