// JSON read and written back without losing a number: JSON.parse turns 12345678901234567890 into
// 12345678901234567000. The catalog state is one document shared with the Hasura CLI and other tools;
// what we write back must keep every value we do not own exactly as it was.

/** A JSON number as written. */
export class JsonNumber {
  constructor(readonly raw: string) {}
}

export type LosslessJson =
  null | boolean | string | JsonNumber | LosslessJson[] | { [key: string]: LosslessJson }

/** Parses JSON text; numbers become JsonNumber. Throws SyntaxError on invalid JSON. */
export function parseLossless(text: string): LosslessJson {
  const parser = new Parser(text)
  const value = parser.value()
  parser.end()
  return value
}

/**
 * JSON text of a value from parseLossless, or of any value JSON.stringify takes (every request body
 * goes through here), written as JSON.stringify writes it, with each JsonNumber as written.
 */
export function stringifyLossless(value: LosslessJson): string {
  return write(value, '') ?? 'null'
}

/** JSON.stringify's rules: toJSON first; undefined, functions and symbols are left out of objects, null in arrays. */
function write(input: unknown, key: string): string | undefined {
  const value = hasToJson(input) ? input.toJSON(key) : input
  if (value instanceof JsonNumber) return value.raw
  if (Array.isArray(value)) return `[${value.map((v, i) => write(v, String(i)) ?? 'null').join(',')}]`
  const boxed = value instanceof Number || value instanceof String || value instanceof Boolean
  if (value !== null && typeof value === 'object' && !boxed) {
    const entries: string[] = []
    for (const [k, v] of Object.entries(value)) {
      const text = write(v, k)
      if (text !== undefined) entries.push(`${JSON.stringify(k)}:${text}`)
    }
    return `{${entries.join(',')}}`
  }
  return JSON.stringify(value) as string | undefined
}

function hasToJson(value: unknown): value is { toJSON(key: string): unknown } {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  )
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
// eslint-disable-next-line no-control-regex -- a JSON string holds no raw control character
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y
const SPACE = /[ \t\n\r]*/y

class Parser {
  private at = 0

  constructor(private readonly text: string) {}

  value(): LosslessJson {
    this.skip()
    const c = this.text[this.at]
    if (c === '{') return this.object()
    if (c === '[') return this.array()
    if (c === '"') return this.string()
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length
        return value
      }
    }
    return new JsonNumber(this.match(NUMBER, 'a value'))
  }

  end(): void {
    this.skip()
    if (this.at !== this.text.length) this.fail('the end of the text')
  }

  private object(): { [key: string]: LosslessJson } {
    // No prototype: a key named __proto__ is a key like any other.
    const result = Object.create(null) as { [key: string]: LosslessJson }
    this.at++
    this.skip()
    if (this.eat('}')) return result
    do {
      this.skip()
      const key = this.string()
      this.skip()
      if (!this.eat(':')) this.fail("':'")
      result[key] = this.value()
      this.skip()
    } while (this.eat(','))
    if (!this.eat('}')) this.fail("',' or '}'")
    return result
  }

  private array(): LosslessJson[] {
    const result: LosslessJson[] = []
    this.at++
    this.skip()
    if (this.eat(']')) return result
    do {
      result.push(this.value())
      this.skip()
    } while (this.eat(','))
    if (!this.eat(']')) this.fail("',' or ']'")
    return result
  }

  private string(): string {
    return JSON.parse(this.match(STRING, 'a string')) as string
  }

  private match(pattern: RegExp, what: string): string {
    pattern.lastIndex = this.at
    const found = pattern.exec(this.text)
    if (!found || found[0] === '') this.fail(what)
    this.at += found![0].length
    return found![0]
  }

  private eat(char: string): boolean {
    if (this.text[this.at] !== char) return false
    this.at++
    return true
  }

  private skip(): void {
    SPACE.lastIndex = this.at
    this.at += SPACE.exec(this.text)![0].length
  }

  private fail(expected: string): never {
    throw new SyntaxError(`expected ${expected} at position ${this.at} of the JSON text`)
  }
}
