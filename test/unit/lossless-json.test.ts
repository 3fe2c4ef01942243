// The catalog state is read and written back whole: every value we do not own must survive the trip
// exactly, numbers included, and every request body must read as JSON.stringify would write it.
import { describe, expect, it } from 'vitest'
import { JsonNumber, parseLossless, stringifyLossless } from '../../src/lossless-json.js'

describe('parseLossless then stringifyLossless', () => {
  it.each([
    ['null', 'null'],
    ['true', 'true'],
    ['false', 'false'],
    ['a string', '"text"'],
    ['an empty object', '{}'],
    ['an empty array', '[]'],
    ['nesting', '{"a":[1,{"b":[[],{}]},null],"c":{"d":{"e":"f"}}}'],
    ['zero and negative zero', '[0,-0,-0.0]'],
    ['2^53 + 1', '9007199254740993'],
    ['a uint64 version', '18446744073709551615'],
    ['30 digits', '123456789012345678901234567890'],
    ['negative beyond 2^53', '-9007199254740993'],
    ['fractions', '[0.1,1.10,3.141592653589793238462643383279]'],
    ['exponents', '[1e400,1E+2,-2.5e-10,0e0,12345678901234567890e-5]'],
  ])('keeps %s as written', (_, text) => {
    expect(stringifyLossless(parseLossless(text))).toBe(text)
  })

  it('reads escapes as JSON.parse does and writes strings as JSON.stringify does', () => {
    const text = '"q\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9 \\ud83d\\ude00 \\ud800 \\u0000"'
    expect(parseLossless(text)).toBe(JSON.parse(text))
    expect(stringifyLossless(parseLossless(text))).toBe(JSON.stringify(JSON.parse(text)))
  })

  it('removes only insignificant white space', () => {
    const text = ' \t\n\r{ "a" : [ 1 , 2 ] ,\n "b" : "  kept  " } \n'
    expect(stringifyLossless(parseLossless(text))).toBe('{"a":[1,2],"b":"  kept  "}')
  })

  it('reads a number as JsonNumber holding its digits, everything else as JSON.parse does', () => {
    const parsed = parseLossless('{"n":9007199254740993,"s":"x","a":[true,null]}') as Record<string, unknown>
    expect(parsed.n).toBeInstanceOf(JsonNumber)
    expect((parsed.n as JsonNumber).raw).toBe('9007199254740993')
    expect(parsed.s).toBe('x')
    expect(parsed.a).toEqual([true, null])
  })

  it('reads a key named __proto__ as a key like any other, and writes it back', () => {
    const text = '{"__proto__":{"polluted":1},"constructor":2}'
    const parsed = parseLossless(text) as Record<string, unknown>
    expect(Object.keys(parsed)).toEqual(['__proto__', 'constructor'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(stringifyLossless(parsed as never)).toBe(text)
    // Copied the way catalog-state.ts copies documents, it stays an own key.
    expect(stringifyLossless({ ...parsed } as never)).toBe(text)
  })

  it('keeps the last of duplicate keys, as JSON.parse', () => {
    expect(stringifyLossless(parseLossless('{"a":1,"b":2,"a":3}'))).toBe(
      JSON.stringify(JSON.parse('{"a":1,"b":2,"a":3}')),
    )
  })

  it.each([
    ['', 0],
    ['   ', 3],
    ['{', 1],
    ['{"a"}', 4],
    ['{"a":1,}', 7],
    ['[1,]', 3],
    ['[1 2]', 3],
    ['01', 1],
    ['1.', 1],
    ['.5', 0],
    ['+1', 0],
    ['1e', 1],
    ['-', 0],
    ['NaN', 0],
    ['Infinity', 0],
    ["'single'", 0],
    ['"unterminated', 0],
    ['"raw\ncontrol"', 0],
    ['"bad \\x escape"', 0],
    ['{a:1}', 1],
    ['tru', 0],
    ['null x', 5],
    ['\ufeff{}', 0],
  ])('refuses %j with a SyntaxError naming the position (%i)', (text, position) => {
    expect(() => JSON.parse(text)).toThrow(SyntaxError)
    expect(() => parseLossless(text)).toThrow(SyntaxError)
    expect(() => parseLossless(text)).toThrow(new RegExp(`at position ${position} of the JSON text$`))
  })
})

describe('stringifyLossless of values built in code (every request body goes through it)', () => {
  it.each<[string, unknown]>([
    ['plain values', { a: 1, b: 'two', c: [true, false, null], d: { e: 1.5 } }],
    ['undefined properties, left out', { a: undefined, b: 1 }],
    ['undefined and functions in arrays, written as null', [undefined, () => 1, 2]],
    ['functions and symbols as properties, left out', { f: () => 1, s: Symbol('x'), k: 1 }],
    ['non-finite numbers', [Number.NaN, Infinity, -Infinity]],
    ['a Date, through its toJSON', { at: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)) }],
    ['objects with toJSON', { v: { toJSON: (key: string) => `key ${key}` } }],
    ['boxed primitives', [Object(1), Object('s'), Object(false)]],
    ['a string needing escapes', '"quoted" \u2028 \n'],
  ])('writes %s as JSON.stringify does', (_, value) => {
    expect(stringifyLossless(value as never)).toBe(JSON.stringify(value))
  })

  it('writes a JsonNumber inside built values digit for digit', () => {
    const state = { migrations: { default: { '1700000000001': false } }, n: new JsonNumber('1e999') }
    expect(stringifyLossless(state)).toBe('{"migrations":{"default":{"1700000000001":false}},"n":1e999}')
  })
})
