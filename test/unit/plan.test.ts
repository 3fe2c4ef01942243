// Table-driven planning tests: selector × applied state × workspace → ordered versions or problems.
import { describe, expect, it } from 'vitest'
import type { Selector } from '../../src/inputs.js'
import type { AppliedState } from '../../src/plan.js'
import { planRollback, selectByRef, selectVersions } from '../../src/plan.js'
import type { DownFile, Migration } from '../../src/project/migrations.js'
import { downFile } from '../../src/project/migrations.js'

const state = (versions: string[], extra: Partial<AppliedState> = {}): AppliedState => ({
  stateTableExists: true,
  applied: versions.map((version) => ({ version, dirty: false })),
  migrationMode: 'true',
  ...extra,
})

describe('selectVersions', () => {
  const applied = state(['3', '10', '2', '1'])
  it.each<[Selector, string[]]>([
    [{ kind: 'count', count: 1 }, ['10']],
    [{ kind: 'count', count: 3 }, ['10', '3', '2']],
    [{ kind: 'count', count: 4 }, ['10', '3', '2', '1']],
    [{ kind: 'count', count: 'all' }, ['10', '3', '2', '1']],
    [{ kind: 'version', version: '3' }, ['3']],
    [{ kind: 'to-version', version: '2' }, ['10', '3']],
    [{ kind: 'to-version', version: '10' }, []],
  ])('%j selects %j (numeric order, highest first)', (selector, versions) => {
    const selection = selectVersions(selector, applied)
    expect(selection.problems).toEqual([])
    expect(selection.versions).toEqual(versions)
  })

  it('orders versions beyond 2^53 exactly', () => {
    const s = selectVersions({ kind: 'count', count: 'all' }, state(['9007199254740993', '9007199254740992']))
    expect(s.versions).toEqual(['9007199254740993', '9007199254740992'])
  })

  it.each<[Selector, RegExp]>([
    [{ kind: 'count', count: 5 }, /'count' is 5 but only 4 version\(s\) are applied/],
    [{ kind: 'version', version: '4' }, /Version 4 \(input 'version'\) is not applied/],
    [{ kind: 'to-version', version: '4' }, /Version 4 \(input 'to-version'\) is not applied/],
  ])('%j is refused', (selector, message) => {
    const selection = selectVersions(selector, applied)
    expect(selection.versions).toEqual([])
    expect(selection.problems.map((p) => p.message)).toEqual([expect.stringMatching(message)])
  })

  it('says clearly when the state table is missing', () => {
    const none = state([], { stateTableExists: false })
    expect(selectVersions({ kind: 'count', count: 1 }, none)).toMatchObject({
      versions: [],
      problems: [],
      notes: [expect.stringContaining('hdb_catalog.schema_migrations does not exist')],
    })
    expect(selectVersions({ kind: 'version', version: '7' }, none).problems[0]?.message).toMatch(
      /not applied on the database \(hdb_catalog.schema_migrations does not exist/,
    )
  })
})

describe('planRollback pre-flight', () => {
  const migration = (version: string, name = `m${version}`): Migration => ({
    version,
    name,
    upFile: `migrations/${version}_${name}/up.sql`,
    downFile: `migrations/${version}_${name}/down.sql`,
  })
  const down = (
    version: string,
    verdict: DownFile['verdict'] = 'runnable',
    noTransaction = false,
  ): DownFile => ({
    ...downFile(`migrations/${version}_m${version}/down.sql`, verdict === 'runnable' ? 'DROP TABLE t;' : ''),
    verdict,
    noTransaction,
  })
  const plan = (opts: {
    applied?: AppliedState
    migrations?: Migration[]
    downs?: DownFile[]
    selector?: Selector
    allowDirty?: boolean
  }) => {
    const applied = opts.applied ?? state(['1', '2', '3'])
    const selection = selectVersions(opts.selector ?? { kind: 'count', count: 'all' }, applied)
    const downs = opts.downs ?? ['1', '2', '3'].map((v) => down(v))
    return planRollback({
      selection,
      state: applied,
      migrations: opts.migrations ?? ['1', '2', '3'].map((v) => migration(v)),
      downs: new Map(downs.map((d) => [d.path.split('/')[1]!.split('_')[0]!, d])),
      allowDirty: opts.allowDirty ?? false,
      migrationsDirectory: 'migrations',
      stateName: 'hdb_catalog.schema_migrations',
    })
  }

  it('plans every selected version, highest first, when all is well', () => {
    const p = plan({})
    expect(p.problems).toEqual([])
    expect(p.steps.map((s) => [s.version, s.name])).toEqual([
      ['3', 'm3'],
      ['2', 'm2'],
      ['1', 'm1'],
    ])
  })

  it('collects every problem at once and plans nothing', () => {
    const p = plan({
      applied: state(['1', '2', '3', '4'], {
        applied: [
          { version: '1', dirty: false },
          { version: '2', dirty: true },
          { version: '3', dirty: false },
          { version: '4', dirty: false },
        ],
      }),
      downs: [down('1', 'placeholder'), down('2'), down('3', 'empty')],
    })
    expect(p.steps).toEqual([])
    expect(p.problems).toEqual([
      {
        version: '4',
        message: expect.stringMatching(/Version 4 is applied but has no migration in migrations\//),
      },
      { version: '3', file: 'migrations/3_m3/down.sql', message: 'Migration 3_m3 has an empty down.sql' },
      { version: '2', message: expect.stringMatching(/Migration 2_m2 is marked dirty.*'allow-dirty: true'/) },
      {
        version: '1',
        file: 'migrations/1_m1/down.sql',
        message: expect.stringMatching(/Migration 1_m1 has a down.sql holding only comments/),
      },
    ])
  })

  it('names the up file when a migration has no down file at all', () => {
    const p = plan({
      migrations: [migration('1'), migration('2'), { ...migration('3'), downFile: undefined }],
      downs: [down('1'), down('2')],
    })
    expect(p.problems).toEqual([
      { version: '3', file: 'migrations/3_m3/up.sql', message: 'Migration 3_m3 has no down.sql' },
    ])
  })

  it('allows a dirty version with allow-dirty', () => {
    const applied = state([], { applied: [{ version: '1', dirty: true }] })
    expect(plan({ applied, allowDirty: true }).steps.map((s) => s.version)).toEqual(['1'])
  })

  it('refuses a no-transaction down, which cannot join the rollback transaction', () => {
    const p = plan({ downs: [down('1'), down('2'), down('3', 'runnable', true)] })
    expect(p.problems[0]?.message).toMatch(/marked '-- hasura:no-transaction'/)
  })

  it.each([
    ['false', true],
    [undefined, false],
    ['true', false],
  ])('migration_mode %s refused: %s', (mode, refused) => {
    const p = plan({ applied: state(['1', '2', '3'], { migrationMode: mode }) })
    expect(p.problems.some((x) => /migration_mode is/.test(x.message))).toBe(refused)
  })
})

describe('selectByRef', () => {
  it('selects the applied versions the ref lacks, highest first, and reports the ones it has but the database lacks', () => {
    const s = selectByRef(state(['1', '2', '10', '5']), new Set(['1', '2', '3']), 'v1.0')
    expect(s.versions).toEqual(['10', '5'])
    expect(s.notes).toEqual([
      "Ref 'v1.0' has 1 migration(s) not applied on the database (left as they are): 3",
    ])
  })

  it('handles an older version added after a newer one (out of order)', () => {
    // The bad release added 4 after 5 was already applied; the ref knows 1..3 and 5.
    const s = selectByRef(state(['1', '2', '3', '4', '5']), new Set(['1', '2', '3', '5']), 'stable')
    expect(s.versions).toEqual(['4'])
  })

  it('selects nothing when the ref has every applied version', () => {
    expect(selectByRef(state(['1', '2']), new Set(['1', '2']), 'main').versions).toEqual([])
  })
})

describe('planRollback refuses downs that would break the one transaction', () => {
  const applied = state(['1'])
  const planWith = (sql: string) =>
    planRollback({
      selection: selectVersions({ kind: 'count', count: 1 }, applied),
      state: applied,
      migrations: [
        { version: '1', name: 'a', upFile: 'migrations/1_a/up.sql', downFile: 'migrations/1_a/down.sql' },
      ],
      downs: new Map([['1', downFile('migrations/1_a/down.sql', sql)]]),
      allowDirty: false,
      migrationsDirectory: 'migrations',
      stateName: 'hdb_catalog.schema_migrations',
    })

  it.each([
    ['DROP TABLE a;\nCOMMIT;\n', /down.sql:2 has COMMIT, which would end the rollback transaction/],
    ['BEGIN;\nDROP TABLE a;\n', /down.sql:1 has BEGIN/],
    ['ALTER TABLE a RENAME TO "b;\n', /migrations\/1_a\/down.sql/],
  ])('%j', (sql, message) => {
    const p = planWith(sql)
    expect(p.steps).toEqual([])
    expect(p.problems).toEqual([
      { version: '1', file: 'migrations/1_a/down.sql', message: expect.stringMatching(message) },
    ])
  })

  it('accepts DO blocks and BEGIN ATOMIC function bodies', () => {
    const sql =
      'DO $$ BEGIN PERFORM 1; END $$;\nCREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END;\n'
    expect(planWith(sql).problems).toEqual([])
  })
})
