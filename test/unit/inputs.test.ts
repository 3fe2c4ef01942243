import { describe, expect, it } from 'vitest'
import { RollbackError } from '../../src/errors.js'
import { parseInputs } from '../../src/inputs.js'

const base = { 'apply-metadata': 'false' }
const parse = (inputs: Record<string, string>) => parseInputs((n) => inputs[n] ?? '', '/ws')

describe('parseInputs', () => {
  it.each([
    [{ version: '1700000000001' }, { kind: 'version', version: '1700000000001' }],
    [{ version: ' 0001 ' }, { kind: 'version', version: '1' }],
    [{ count: '3' }, { kind: 'count', count: 3 }],
    [{ count: 'all' }, { kind: 'count', count: 'all' }],
    [{ count: 'ALL' }, { kind: 'count', count: 'all' }],
    [{ 'to-version': '18446744073709551615' }, { kind: 'to-version', version: '18446744073709551615' }],
  ])('reads selector %j', (inputs, selector) => {
    expect(parse({ ...base, ...inputs }).selector).toEqual(selector)
  })

  it('keeps versions beyond 2^53 exact', () => {
    expect(parse({ ...base, version: '9007199254740993' }).selector).toEqual({
      kind: 'version',
      version: '9007199254740993',
    })
  })

  it('applies the action.yml defaults when inputs are empty', () => {
    const r = parse({ ...base, count: '1' })
    expect(r).toMatchObject({
      projectDir: '.',
      dryRun: false,
      allowDirty: false,
      lockTimeoutSeconds: 60,
      httpTimeoutSeconds: 60,
      ref: '',
    })
    expect(Object.isFrozen(r)).toBe(true)
  })

  it.each([
    [{ version: '1', count: '2' }, "Inputs 'version' and 'count' exclude each other: set only one"],
    [{ count: '0' }, "Input 'count' must be a positive integer or 'all', got '0'"],
    [{ count: '-1' }, "Input 'count' must be a positive integer or 'all', got '-1'"],
    [{ count: 'abc' }, "Input 'count' must be a positive integer or 'all', got 'abc'"],
    [{ count: '1.5' }, "Input 'count' must be a positive integer or 'all', got '1.5'"],
    [{ version: 'v1' }, "Input 'version' must be a migration version (digits only), got 'v1'"],
    [{ 'to-version': '12_x' }, "Input 'to-version' must be a migration version (digits only), got '12_x'"],
    [
      { version: '18446744073709551616' },
      "Input 'version' '18446744073709551616' is larger than a 64-bit version",
    ],
    [{ count: '1', 'lock-timeout': 'soon' }, "Input 'lock-timeout' must be a number of seconds, got 'soon'"],
    ...['soon', '0', '0.0', '-5', '1e3', 'Infinity', '86401'].map((raw): [Record<string, string>, string] => [
      { count: '1', 'http-timeout': raw },
      `Input 'http-timeout' must be a positive number of seconds (at most 86400), got '${raw}'`,
    ]),
    [{ count: '1', 'dry-run': 'yes' }, "Input 'dry-run' must be true or false, got 'yes'"],
    [{ count: '1', 'allow-dirty': '1' }, "Input 'allow-dirty' must be true or false, got '1'"],
    [{}, "Nothing selected: set one of 'version', 'count', 'to-version', or a stable 'ref'"],
  ])('refuses %j with one line naming the input', (inputs, message) => {
    const attempt = () => parse({ ...base, ...inputs })
    expect(attempt).toThrow(RollbackError)
    expect(attempt).toThrow(message)
    expect(message).not.toContain('\n')
  })

  it.each([
    ['2', 2],
    ['0.5', 0.5],
    [' 90 ', 90],
    ['86400', 86400],
  ])('reads http-timeout %j as %d seconds', (raw, seconds) => {
    expect(parse({ ...base, count: '1', 'http-timeout': raw }).httpTimeoutSeconds).toBe(seconds)
  })

  it('needs a ref when metadata is to be re-applied', () => {
    expect(() => parse({ count: '1' })).toThrow(/'apply-metadata' is true but no 'ref'/)
    expect(parse({ count: '1', ref: 'v1.0' })).toMatchObject({ applyMetadata: true, ref: 'v1.0' })
  })
})

describe('project-dir', () => {
  it.each(['../elsewhere', '/etc', 'a/../../b'])('refuses %s, which leaves the workspace', (dir) => {
    expect(() => parse({ ...base, count: '1', 'project-dir': dir })).toThrow(
      `Input 'project-dir' ('${dir}') points outside the workspace /ws`,
    )
  })
  it.each(['.', 'hasura', './a/../hasura', '/ws/hasura'])('accepts %s', (dir) => {
    expect(parse({ ...base, count: '1', 'project-dir': dir }).projectDir).toBe(dir)
  })
})

describe('workflow', () => {
  const lastGood = { ref: 'last-successful-run', 'github-token': 'ghs_x' }

  it.each(['deploy.yml', 'Deploy Prod.yaml', '161335'])(
    'takes %s with ref: last-successful-run',
    (workflow) => {
      expect(parse({ ...lastGood, workflow }).workflow).toBe(workflow)
    },
  )

  it('is empty (the running workflow) when not given', () => {
    expect(parse(lastGood).workflow).toBe('')
  })

  it.each<[Record<string, string>, string]>([
    [
      { ref: 'v1', workflow: 'deploy.yml' },
      "Input 'workflow' is only used with 'ref: last-successful-run', not with ref 'v1': remove it, or set 'ref: last-successful-run'",
    ],
    [
      { ...base, count: '1', workflow: 'deploy.yml' },
      "Input 'workflow' is only used with 'ref: last-successful-run': remove it, or set 'ref: last-successful-run'",
    ],
    [
      { ...lastGood, workflow: '.github/workflows/deploy.yml' },
      "Input 'workflow' takes the workflow's file name, not its path: use 'deploy.yml' instead of '.github/workflows/deploy.yml'",
    ],
    [
      { ...lastGood, workflow: 'Deploy' },
      "Input 'workflow' must be a workflow file name such as deploy.yml, or a workflow id, got 'Deploy'",
    ],
  ])('refuses %j in one line naming the input', (inputs, message) => {
    const attempt = () => parse(inputs)
    expect(attempt).toThrow(RollbackError)
    expect(attempt).toThrow(message)
  })
})
