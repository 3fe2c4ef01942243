// Metadata YAML is read by js-yaml for speed and by the yaml package for errors, lines and aliases:
// both must give the same values for every real metadata file.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'
import { RollbackError } from '../../src/errors.js'
import { IncludeTag, parseYamlFile } from '../../src/metadata/yaml-file.js'
import { filesUnder } from '../support/fs-tree.js'
import { hasTestdata, testdataPath } from '../support/testdata.js'

/** The value as the yaml package alone reads it; undefined for text it finds broken. */
function slowValue(text: string): unknown {
  const tag = { tag: '!include', resolve: (path: string) => new IncludeTag(path) }
  const doc = parseDocument(text, { merge: true, customTags: [tag] })
  return doc.errors.length > 0 ? undefined : (doc.toJS({ maxAliasCount: 10_000 }) ?? null)
}

describe('parseYamlFile', () => {
  it.each([
    [
      'scalars of the core schema',
      'a: 1\nb: 1.5\nc: true\nd: null\ne: yes\nf: 0x1F\ng: 2021-01-01\nh: "x"\n',
    ],
    ['merge keys', 'base: &b {x: 1, y: 2}\nuse:\n  <<: *b\n  y: 3\n'],
    [
      'an !include tag and an include as a string',
      'tables: !include "default/tables/tables.yaml"\nf: "!include x.yaml"\n',
    ],
    ['an empty document', ''],
    ['a list of mappings', '- table: {schema: public, name: a}\n  select_permissions: []\n'],
  ])('reads %s as the yaml package does', (_, text) => {
    expect(parseYamlFile(text, 'm.yaml').value).toEqual(slowValue(text))
  })

  it('keeps dates as strings, as the Hasura CLI sends them', () => {
    expect(parseYamlFile('schedule_at: 2021-01-01\n', 'c.yaml').value).toEqual({ schedule_at: '2021-01-01' })
  })

  it('names the file and line of broken YAML, as the yaml package words it', () => {
    let error: unknown
    try {
      parseYamlFile('a: 1\nb: [1, 2\nc: 3\n', 'metadata/tables.yaml')
    } catch (thrown) {
      error = thrown
    }
    expect(error).toBeInstanceOf(RollbackError)
    expect((error as RollbackError).message).toMatch(/^metadata\/tables\.yaml:\d+: /)
    expect((error as RollbackError).file).toBe('metadata/tables.yaml')
  })

  it('refuses aliases that expand without end', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    for (let i = 0; i < 8; i++) {
      const prev = String.fromCharCode(97 + i)
      const next = String.fromCharCode(98 + i)
      bomb.push(`${next}: &${next} [${Array(10).fill(`*${prev}`).join(',')}]`)
    }
    expect(() => parseYamlFile(bomb.join('\n'), 'bomb.yaml')).toThrow(RollbackError)
  })
})

describe.skipIf(!hasTestdata)('every metadata file of the real projects (../shared/testdata)', () => {
  const folders = ['hasura-projects', 'hasura-projects-v3', 'cli-golden', 'cli-golden-v3']
  // vitest runs this body to collect the tests even when it skips them: list only when testdata is there.
  const files = hasTestdata
    ? folders.flatMap((folder) => filesUnder(testdataPath(folder)).filter((path) => path.endsWith('.yaml')))
    : []

  it(`reads ${files.length} files to the same values as the yaml package`, () => {
    const read = files.map((path) => {
      const text = readFileSync(path, 'utf8')
      return { path, text, slow: slowValue(text) }
    })
    // Broken files (a config.yaml with a repeated key) have no value to compare: parseYamlFile refuses
    // each of them, naming the file.
    for (const { path, text } of read.filter(({ slow }) => slow === undefined)) {
      expect(() => parseYamlFile(text, path), path).toThrow(
        expect.objectContaining({
          name: 'RollbackError',
          file: path,
          message: expect.stringMatching(/:\d+: /),
        }),
      )
    }
    const compared = read.filter(({ slow }) => slow !== undefined)
    expect(compared.length).toBeGreaterThanOrEqual(600)
    const differing = compared.filter(
      ({ path, text, slow }) => JSON.stringify(parseYamlFile(text, path).value) !== JSON.stringify(slow),
    )
    expect(differing.map(({ path }) => path)).toEqual([])
  })
})
