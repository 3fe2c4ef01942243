// The CLI's catalog state document: what it says is applied, whether migrations are enabled, and the
// document written back with one database's versions removed and everything else exactly as read.
import { describe, expect, it } from 'vitest'
import type { CatalogState } from '../../src/databases/catalog-state.js'
import {
  appliedIn,
  isStateCopyCompleted,
  migrationModeOf,
  parseCatalogState,
  withoutVersions,
} from '../../src/databases/catalog-state.js'
import { RollbackError } from '../../src/errors.js'
import { parseLossless, stringifyLossless } from '../../src/lossless-json.js'

const ID = '5f2e6e0a-9d3b-4c1e-8a7f-0b1c2d3e4f50'
const WHERE = 'Hasura at http://hasura.test'

/** get_catalog_state's answer with this cli_state text, read as the client reads it (losslessly). */
function stateOf(cliState: string): CatalogState {
  return parseCatalogState(parseLossless(`{"id":"${ID}","cli_state":${cliState},"console_state":{}}`), WHERE)
}

const written = (state: CatalogState, database: string, versions: string[]) =>
  stringifyLossless(withoutVersions(state, database, versions))

describe('parseCatalogState', () => {
  it('reads the id and the cli_state document', () => {
    const state = stateOf('{"migrations":{"default":{"1":false}}}')
    expect(state.id).toBe(ID)
    expect(stringifyLossless(state.cliState)).toBe('{"migrations":{"default":{"1":false}}}')
  })

  it("reads a fresh server's empty or null cli_state as an empty document", () => {
    expect(stateOf('{}').cliState).toEqual({})
    expect(stateOf('null').cliState).toEqual({})
  })

  it.each([
    ['no id', '{"cli_state":{}}'],
    ['a numeric id', '{"id":1,"cli_state":{}}'],
    ['a cli_state that is a list', `{"id":"${ID}","cli_state":[]}`],
    ['a cli_state that is a number', `{"id":"${ID}","cli_state":1}`],
    ['an answer that is not an object', '[]'],
  ])('refuses an answer with %s, naming the server', (_, answer) => {
    const parse = () => parseCatalogState(parseLossless(answer), WHERE)
    expect(parse).toThrow(RollbackError)
    expect(parse).toThrow(`${WHERE} answered get_catalog_state without an id and a cli_state object`)
  })
})

describe('appliedIn', () => {
  it("lists one database's versions with their dirty flags, beyond 2^53 exactly", () => {
    const state = stateOf(
      '{"migrations":{"default":{"1700000000001":false,"9007199254740993":true},"other":{"5":false}}}',
    )
    expect(appliedIn(state, 'default')).toEqual([
      { version: '1700000000001', dirty: false },
      { version: '9007199254740993', dirty: true },
    ])
    expect(appliedIn(state, 'other')).toEqual([{ version: '5', dirty: false }])
  })

  it.each([
    ['no migrations key', '{}'],
    ['no entry for the database', '{"migrations":{"other":{"1":false}}}'],
    ['an empty entry (its last version removed)', '{"migrations":{"default":{}}}'],
    ['an entry that is not an object', '{"migrations":{"default":[1]}}'],
    ['migrations that is not an object', '{"migrations":"x"}'],
  ])('lists nothing for %s', (_, cliState) => {
    expect(appliedIn(stateOf(cliState), 'default')).toEqual([])
  })

  it('takes only true as dirty', () => {
    const state = stateOf('{"migrations":{"db":{"1":true,"2":false,"3":"true","4":null,"5":1}}}')
    expect(appliedIn(state, 'db').filter((a) => a.dirty)).toEqual([{ version: '1', dirty: true }])
  })
})

describe('migrationModeOf and isStateCopyCompleted', () => {
  it.each([
    ['{"settings":{"migration_mode":"true"}}', 'true'],
    ['{"settings":{"migration_mode":"false"}}', 'false'],
    ['{"settings":{"migration_mode":""}}', undefined],
    ['{"settings":{"migration_mode":false}}', undefined],
    ['{"settings":{}}', undefined],
    ['{"settings":"x"}', undefined],
    ['{}', undefined],
  ])('%s has migration_mode %s', (cliState, mode) => {
    expect(migrationModeOf(stateOf(cliState))).toBe(mode)
  })

  it.each([
    ['{"isStateCopyCompleted":true}', true],
    ['{"isStateCopyCompleted":false}', false],
    ['{"isStateCopyCompleted":"true"}', false],
    ['{}', false],
  ])('%s: isStateCopyCompleted is %s', (cliState, completed) => {
    expect(isStateCopyCompleted(stateOf(cliState))).toBe(completed)
  })
})

describe('withoutVersions', () => {
  const full =
    '{"migrations":{"default":{"1":false,"2":false,"3":true},"pg2":{"2":false,"18446744073709551615":false}},' +
    '"settings":{"migration_mode":"true","other":[1.50,2e10]},"isStateCopyCompleted":true,' +
    '"unknown":{"n":123456789012345678901234567890,"__proto__":{"x":1}}}'

  it('removes the versions from that database only and keeps every other key exactly as read', () => {
    expect(written(stateOf(full), 'default', ['3', '1'])).toBe(
      full.replace('"1":false,', '').replace(',"3":true', ''),
    )
  })

  it("leaves another database's entry of the same version alone", () => {
    const after = JSON.parse(written(stateOf(full), 'pg2', ['2'])) as { migrations: Record<string, object> }
    expect(after.migrations.default).toEqual({ 1: false, 2: false, 3: true })
    expect(Object.keys(after.migrations.pg2!)).toEqual(['18446744073709551615'])
  })

  it('leaves {} for a database whose last version is removed, as the CLI does', () => {
    const state = stateOf(
      '{"migrations":{"default":{"1":false},"pg2":{"7":false}},"isStateCopyCompleted":true}',
    )
    expect(written(state, 'default', ['1'])).toBe(
      '{"migrations":{"default":{},"pg2":{"7":false}},"isStateCopyCompleted":true}',
    )
  })

  it('ignores versions the database does not have', () => {
    const state = stateOf('{"migrations":{"default":{"1":false}}}')
    expect(written(state, 'default', ['2'])).toBe('{"migrations":{"default":{"1":false}}}')
  })

  it('adds no entry for a database the document does not record', () => {
    const state = stateOf('{"migrations":{"default":{"1":false}},"settings":{"migration_mode":"true"}}')
    expect(written(state, 'pg2', ['1'])).toBe(stringifyLossless(state.cliState))
    expect(written(stateOf('{}'), 'default', ['1'])).toBe('{}')
  })

  it('does not change the document it was given', () => {
    const state = stateOf(full)
    withoutVersions(state, 'default', ['1', '2', '3'])
    expect(stringifyLossless(state.cliState)).toBe(full)
  })
})
