// Metadata YAML is read by js-yaml for speed and by the yaml package for errors, lines and aliases:
// both must give the same values for every real metadata file.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'
import { RollbackError } from '../../src/errors.js'
import { IncludeTag, parseYamlFile } from '../../src/metadata/yaml-file.js'
import { hasTestdata, testdataPath } from '../support/testdata.js'

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry)
    if (statSync(path).isDirectory()) return yamlFiles(path)
    return entry.endsWith('.yaml') ? [path] : []
  })
}

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
  const files = folders.flatMap((folder) => yamlFiles(testdataPath(folder)))

  it(`reads ${files.length} files to the same values as the yaml package`, () => {
    expect(files.length).toBeGreaterThan(500)
    const differing = files.filter((path) => {
      const text = readFileSync(path, 'utf8')
      const slow = slowValue(text)
      // Broken files (a config.yaml with a repeated key) are refused by both, as other tests show.
      return slow !== undefined && JSON.stringify(parseYamlFile(text, path).value) !== JSON.stringify(slow)
    })
    expect(differing).toEqual([])
  })
})
