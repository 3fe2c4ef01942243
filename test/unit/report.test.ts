import { describe, expect, it } from 'vitest'
import { downFile } from '../../src/project/migrations.js'
import type { ReportAnnotation } from '../../src/report/annotations.js'
import { capAnnotations } from '../../src/report/annotations.js'
import { escapeText, workspacePath } from '../../src/report/markdown.js'
import { buildReport } from '../../src/report/report.js'
import { SUMMARY_LIMIT_BYTES } from '../../src/report/summary.js'
import type { RollbackResult, StepReport } from '../../src/result.js'

const step = (
  version: string,
  status: StepReport['status'],
  name = 'create_t',
  sql = 'DROP TABLE t;',
): StepReport => ({
  version,
  database: 'default',
  name,
  status,
  durationMs: status === 'not-executed' ? undefined : 12.4,
  down: downFile(`migrations/${version}_${name}/down.sql`, sql),
})

const result = (overrides: Partial<RollbackResult>): RollbackResult => ({
  status: 'rolled-back',
  configVersion: 2,
  transport: 'postgres',
  databases: [],
  steps: [],
  alreadyReverted: [],
  problems: [],
  notes: [],
  failure: undefined,
  committed: false,
  metadata: undefined,
  dataLoss: [],
  ...overrides,
})

describe('buildReport', () => {
  it('reports reverted versions in order, with a table of steps', () => {
    const r = buildReport(
      result({ committed: true, steps: [step('3', 'reverted'), step('2', 'reverted')] }),
      { projectDir: 'hasura' },
    )
    expect(r.outputs).toMatchObject({
      status: 'rolled-back',
      'rolled-back-versions': '["3","2"]',
      'rolled-back-count': '2',
    })
    expect(r.failureMessage).toBeUndefined()
    expect(r.summary).toContain(
      '| 3 | create\\_t | <code>hasura/migrations/3\\_create\\_t/down.sql</code> | 1 | reverted | 12 ms |',
    )
    expect(r.summary).toContain('<details><summary>SQL of 3 create\\_t</summary>')
    expect(r.annotations).toContainEqual({
      level: 'notice',
      message: 'Data loss: 3 drop table t',
      file: 'hasura/migrations/3_create_t/down.sql',
      line: 1,
    })
  })

  it('reports nothing reverted when the transaction was rolled back, and says the state', () => {
    const r = buildReport(
      result({
        status: 'failed',
        steps: [step('3', 'undone'), step('2', 'failed')],
        failure: {
          message: 'Down migration 2_create_t failed at x:3: boom',
          version: '2',
          file: 'x',
          line: 3,
        },
      }),
      { projectDir: '.' },
    )
    expect(r.outputs['rolled-back-versions']).toBe('[]')
    expect(r.failureMessage).toBe('Down migration 2_create_t failed at x:3: boom')
    expect(r.annotations).toContainEqual({ level: 'error', message: r.failureMessage, file: 'x', line: 3 })
    expect(r.summary).toContain('exactly as they were before this run')
    expect(r.summary).toContain('| undone (rolled back) |')
  })

  it('shows a duration under a millisecond as <1 ms, not 0 ms', () => {
    const fast = { ...step('3', 'reverted'), durationMs: 0.2 }
    const r = buildReport(result({ committed: true, steps: [fast] }), { projectDir: '.' })
    expect(r.summary).toContain('| reverted | <1 ms |')
  })

  it('lists the planned versions in a dry run', () => {
    const r = buildReport(result({ status: 'dry-run', steps: [step('3', 'rehearsed')] }), { projectDir: '.' })
    expect(r.outputs).toMatchObject({
      status: 'dry-run',
      'rolled-back-versions': '["3"]',
      'rolled-back-count': '1',
    })
    expect(r.summary).toContain('Dry run passed')
  })

  it('joins several pre-flight problems into one failure line and annotates each on its file', () => {
    const r = buildReport(
      result({
        status: 'failed',
        problems: [
          { message: 'Migration 3 has no down.sql', file: 'migrations/3_a/up.sql', version: '3' },
          { message: 'Migration 2 is marked dirty', version: '2' },
        ],
      }),
      { projectDir: 'db' },
    )
    expect(r.failureMessage).toMatch(
      /^Pre-flight found 2 problems; nothing was changed: Migration 3 .*; Migration 2/,
    )
    expect(r.failureMessage).not.toContain('\n')
    expect(r.annotations[0]).toMatchObject({ file: 'db/migrations/3_a/up.sql' })
  })

  it('escapes what comes from files and servers', () => {
    expect(escapeText('<script>|`x`\n*y*')).toBe('&lt;script&gt;&#124;\\`x\\` \\*y\\*')
    expect(escapeText('a\\b\r\nc_d[e]#&')).toBe('a\\\\b c\\_d\\[e\\]\\#&amp;')
    const r = buildReport(result({ committed: true, steps: [step('1', 'reverted', '<img src=x>|pipe')] }), {
      projectDir: '.',
    })
    expect(r.summary).not.toContain('<img')
    expect(r.summary).toContain('&lt;img src=x&gt;&#124;pipe')
  })
})

describe('annotations within GitHub limits', () => {
  const notes = (n: number, level: ReportAnnotation['level'] = 'notice') =>
    Array.from({ length: n }, (_, i) => ({ level, message: `${level} ${i}`, file: `f${i}.sql`, line: 1 }))

  it('keeps up to 10 of a level as they are', () => {
    expect(capAnnotations(notes(10))).toEqual(notes(10))
  })

  it('shows 9 and says how many more there are, per level, counting what the step emits elsewhere', () => {
    const capped = capAnnotations([...notes(12, 'error'), ...notes(30)], { error: 1, notice: 2 })
    expect(capped.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([
      ...notes(8, 'error').map((a) => a.message),
      '…and 4 more errors: GitHub shows 10 per step, the job summary lists them all',
    ])
    expect(capped.filter((a) => a.level === 'notice').map((a) => a.message)).toEqual([
      ...notes(7).map((a) => a.message),
      '…and 23 more notices: GitHub shows 10 per step, the job summary lists them all',
    ])
  })

  it('leaves out the failure that setFailed repeats, but not one placed on a file', () => {
    const failed = (file?: string) =>
      buildReport(result({ status: 'failed', failure: { message: 'boom', file } }), { projectDir: '.' })
    expect(failed().annotations).toEqual([])
    expect(failed('x.sql').annotations).toEqual([{ level: 'error', message: 'boom', file: 'x.sql' }])
  })

  it('lists every data loss in the summary, with its file and line', () => {
    const steps = [
      step('3', 'reverted', 'create_t', 'SELECT 1;\nALTER TABLE a DROP COLUMN b;\nTRUNCATE c;'),
      step('2', 'reverted'),
    ]
    const r = buildReport(result({ committed: true, steps }), { projectDir: 'db' })
    expect(r.summary).toContain(
      [
        '### Data loss',
        '',
        '3 statement(s) dropped or deleted data:',
        '',
        '- 3 drop column a.b (<code>db/migrations/3\\_create\\_t/down.sql:2</code>)',
        '- 3 truncate c (<code>db/migrations/3\\_create\\_t/down.sql:3</code>)',
        '- 2 drop table t (<code>db/migrations/2\\_create\\_t/down.sql:1</code>)',
      ].join('\n'),
    )
    const dry = buildReport(result({ status: 'dry-run', steps: [step('2', 'rehearsed')] }), {
      projectDir: '.',
    })
    expect(dry.summary).toContain('1 statement(s) would drop or delete data:')
    expect(dry.annotations).toContainEqual(
      expect.objectContaining({ message: 'Data loss: 2 drop table t (would run)' }),
    )
  })
})

describe('workspace paths of project files', () => {
  it.each([
    ['.', 'migrations/1_a/down.sql', 'migrations/1_a/down.sql'],
    ['db', 'migrations/1_a/down.sql', 'db/migrations/1_a/down.sql'],
    ['apps\\hasura', 'down.sql', 'apps/hasura/down.sql'],
    ['./db/', './m//down.sql', 'db/m/down.sql'],
    ['a/../b', 'm/../x.sql', 'b/x.sql'],
  ])('%s + %s is %s', (dir, file, path) => {
    expect(workspacePath(dir, file)).toBe(path)
  })

  it('is undefined without a file', () => {
    expect(workspacePath('db', undefined)).toBeUndefined()
    expect(workspacePath('db', '')).toBeUndefined()
  })
})

describe('summary size', () => {
  it("leaves the SQL out, saying so, when it would pass GitHub's 1 MiB limit", () => {
    const big = 'SELECT 1;\n'.repeat(60_000)
    const steps = ['3', '2'].map((v) => step(v, 'reverted', 'create_t', big))
    const r = buildReport(result({ committed: true, steps }), { projectDir: '.' })
    expect(Buffer.byteLength(r.summary)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES)
    expect(r.summary).toContain('The SQL of the downs is left out')
    expect(r.summary).toContain('| 3 | create\\_t |')
  })
})
