// README's inputs and outputs tables must say what action.yml declares (names and defaults).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { actionDefinition, repoRoot } from '../support/action-runner.js'

const firstTable = (heading: string) => {
  const text = readFileSync(join(repoRoot, 'README.md'), 'utf8')
  const section = text.slice(text.indexOf(`\n## ${heading}\n`) + 1)
  const lines = section.split('\n')
  const first = lines.findIndex((l) => l.startsWith('|'))
  const end = lines.findIndex((l, i) => i > first && !l.startsWith('|'))
  return lines.slice(first + 2, end).map((row) =>
    row
      .slice(1, -1)
      .split(' | ')
      .map((c) => c.replace(/`/g, '').trim()),
  )
}

describe('README', () => {
  const action = actionDefinition()
  it('lists every input of action.yml with its default, and no other', () => {
    const rows = firstTable('Inputs')
    expect(rows.map((r) => r[0])).toEqual(Object.keys(action.inputs))
    for (const [name, def] of rows.map((r) => [r[0]!, r[1]!])) {
      const expected = action.inputs[name]!.default ?? ''
      expect(def === "''" ? '' : def, `default of ${name}`).toBe(expected)
    }
  })

  it('lists every output of action.yml, and no other', () => {
    expect(firstTable('Outputs').map((r) => r[0])).toEqual(Object.keys(action.outputs))
  })

  it('gives npm test as the test command, which .ci/run calls', () => {
    expect(readFileSync(join(repoRoot, 'README.md'), 'utf8')).toContain('npm test')
    expect(readFileSync(join(repoRoot, '.ci/run'), 'utf8')).toMatch(/^npm test/m)
  })
})
