// What one database says about a config v3 rollback (readSourceSql's one cell): whether it holds the
// catalog state, the journal rows of this database, this run's record, config v2's state rows.
import { describe, expect, it } from 'vitest'
import { parseSourceState } from '../../src/transport/catalog-state-sql.js'

const UUID = '5f2e6e0a-9d3b-4c1e-8a7f-0b1c2d3e4f50'

/** A journal row as row_to_json prints it (the table's columns). */
const row = (id: number, runKey: string, versions: string, database: string | null, pending: boolean) => ({
  run_key: runKey,
  versions,
  metadata_sha: '',
  recorded_at: '2025-01-01T00:00:00+00:00',
  attempt: 1,
  database,
  state_pending: pending,
  id,
})

describe('parseSourceState', () => {
  it('reads a database without hdb_catalog: no catalog state, no journal, no config v2 rows', () => {
    const cell = JSON.stringify({ metadataDbId: null, journalRows: null, legacy: null })
    expect(parseSourceState(cell, 'default')).toEqual({
      metadataDbId: undefined,
      journal: undefined,
      journalRows: [],
      legacyApplied: undefined,
    })
  })

  it("reads the hasura_uuid of the database holding the catalog state, and this run's record", () => {
    const record = row(3, 'o/r/9/job#default', '1700000000003,1700000000002', 'default', false)
    const cell = JSON.stringify({ metadataDbId: UUID, journalRows: [record], legacy: null, journal: record })
    const state = parseSourceState(cell, 'default')
    expect(state.metadataDbId).toBe(UUID)
    expect(state.journal).toEqual({
      versions: ['1700000000003', '1700000000002'],
      metadataSha: '',
      attempt: 1,
    })
  })

  it("keeps only this database's journal rows, with their versions and whether the state write is pending", () => {
    const rows = [
      row(1, 'local/a#default', '1700000000003', 'default', true),
      row(2, 'local/a#pg2', '1700000000009', 'pg2', true),
      row(3, 'o/r/1/job#default', '1700000000002,1700000000001', 'default', false),
      row(4, 'o/r/0/job', '1600000000000', null, false),
    ]
    const cell = JSON.stringify({ metadataDbId: null, journalRows: rows, legacy: null })
    expect(parseSourceState(cell, 'default').journalRows).toEqual([
      { id: '1.1', runKey: 'local/a#default', versions: ['1700000000003'], statePending: true },
      {
        id: '3.1',
        runKey: 'o/r/1/job#default',
        versions: ['1700000000002', '1700000000001'],
        statePending: false,
      },
    ])
  })

  it('tells a row rewritten by a re-run attempt from the row as it was (older rows: attempt 0)', () => {
    const rows = [
      row(5, 'o/r/1/job#default', '1', 'default', false),
      { ...row(6, 'x#default', '2', 'default', false), attempt: null },
    ]
    const cell = JSON.stringify({ metadataDbId: null, journalRows: rows, legacy: null })
    expect(parseSourceState(cell, 'default').journalRows.map((r) => r.id)).toEqual(['5.1', '6.0'])
    const rewritten = [{ ...rows[0]!, attempt: 2 }]
    const again = JSON.stringify({ metadataDbId: null, journalRows: rewritten, legacy: null })
    expect(parseSourceState(again, 'default').journalRows.map((r) => r.id)).toEqual(['5.2'])
  })

  it('reads config v2 state rows, versions beyond 2^53 as text, exactly', () => {
    const cell = JSON.stringify({
      metadataDbId: null,
      journalRows: null,
      legacy: [
        ['9007199254740993', false],
        ['1700000000001', true],
      ],
    })
    expect(parseSourceState(cell, 'default').legacyApplied).toEqual([
      { version: '9007199254740993', dirty: false },
      { version: '1700000000001', dirty: true },
    ])
  })

  it('reads an empty config v2 state table as no rows (not as no table)', () => {
    const cell = JSON.stringify({ metadataDbId: null, journalRows: null, legacy: [] })
    expect(parseSourceState(cell, 'default').legacyApplied).toEqual([])
  })

  it.each([undefined, 'null', '[1]', '"text"', '{"other":1}'])('refuses the unexpected answer %j', (cell) => {
    expect(() => parseSourceState(cell, 'default')).toThrow(/^unexpected state answer: /)
  })

  it('refuses an answer that is not JSON', () => {
    expect(() => parseSourceState('{not json', 'default')).toThrow(SyntaxError)
  })
})
