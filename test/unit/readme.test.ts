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
      .map((c) => c.trim()),
  )
}

const code = (cell: string) => cell.replace(/`/g, '')
/** A description as action.yml folds it: one line, no final full stop. */
const prose = (text: string) => text.replace(/\s+/g, ' ').trim().replace(/\.$/, '')

/** The commands of README's fenced shell blocks. */
const shellCommands = (text: string) =>
  [...text.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split('\n').map((l) => l.trim()))

describe('README', () => {
  const action = actionDefinition()
  it('lists every input of action.yml with its default and description, and no other', () => {
    const rows = firstTable('Inputs')
    expect(rows.map((r) => code(r[0]!))).toEqual(Object.keys(action.inputs))
    for (const [name, def, meaning] of rows.map((r) => [code(r[0]!), code(r[1]!), r[2]!])) {
      const declared = action.inputs[name]!
      expect(def === "''" ? '' : def, `default of ${name}`).toBe(declared.default ?? '')
      expect(prose(meaning), `description of ${name}`).toBe(prose(declared.description ?? ''))
    }
  })

  it('lists every output of action.yml with its description, and no other', () => {
    const rows = firstTable('Outputs')
    expect(rows.map((r) => code(r[0]!))).toEqual(Object.keys(action.outputs))
    for (const [name, meaning] of rows.map((r) => [code(r[0]!), r[1]!])) {
      const declared = action.outputs[name] as { description?: string }
      expect(prose(meaning), `description of ${name}`).toBe(prose(declared.description ?? ''))
    }
  })

  it('gives `npm test` as the command that runs the tests, and .ci/run runs it and keeps its status', () => {
    expect(shellCommands(readFileSync(join(repoRoot, 'README.md'), 'utf8'))).toContainEqual(
      expect.stringMatching(/^npm test\b/),
    )
    const ci = readFileSync(join(repoRoot, '.ci/run'), 'utf8').split('\n')
    const at = ci.findIndex((line) => /^npm test\b/.test(line))
    expect(at).toBeGreaterThan(-1)
    expect(ci[at + 1]).toBe('status=$?')
  })
})
