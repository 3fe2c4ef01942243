import { describe, expect, it } from 'vitest'
import { restoreMetadataCommand } from '../../src/metadata/restore.js'
import type { Problem } from '../../src/plan.js'
import { downFile } from '../../src/project/migrations.js'
import type { ReportAnnotation } from '../../src/report/annotations.js'
import { capAnnotations } from '../../src/report/annotations.js'
import { escapeHtml, escapeText, workspacePath } from '../../src/report/markdown.js'
import { buildReport } from '../../src/report/report.js'
import { statementAt } from '../../src/report/steps.js'
import { SUMMARY_LIMIT_BYTES } from '../../src/report/summary.js'
import type { RollbackResult, StepReport } from '../../src/result.js'
import { BACKUP, metadata, result, SHA, step } from '../support/report-fixtures.js'

/** As the Hasura transport reports steps: no down is timed. */
const untimed = (s: StepReport): StepReport => ({ ...s, durationMs: undefined })

const report = (r: Partial<RollbackResult>, projectDir = '.') => buildReport(result(r), { projectDir })

/** The summary up to the table of migrations: what a reader sees first. */
const lead = (summary: string) => summary.split('### Migrations')[0]!

/** The summary with every <details> block taken out: what shows without a click. */
const open = (summary: string) => summary.replace(/<details>[\s\S]*?<\/details>/g, '')

const failedAtLine = {
  message: 'Down migration 2_create_t failed at migrations/2_create_t/down.sql:4: column "x" does not exist',
  version: '2',
  file: 'migrations/2_create_t/down.sql',
  line: 4,
}
const twoStatements = '-- undo\nDROP TABLE a;\nUPDATE author\n  SET x = 1\n  WHERE true;\n'

describe('the summary leads with the state, then the one thing to do', () => {
  it('a rollback: what is reverted, the metadata Hasura serves and its consistency, then the next step', () => {
    const r = report({
      committed: true,
      steps: [step('3', 'reverted'), step('2', 'reverted')],
      metadata: metadata({}),
    })
    expect(r.outputs).toMatchObject({
      status: 'rolled-back',
      'rolled-back-versions': '["3","2"]',
      'rolled-back-count': '2',
    })
    expect(r.failure).toBeUndefined()
    expect(lead(r.summary)).toContain('- **Database:** rolled back 2 migration(s): 3, 2.')
    expect(lead(r.summary)).toContain(
      `- **Metadata:** the metadata of <code>v1.4.0</code> (<code>${SHA.slice(0, 12)}</code>, Release 1.4); Hasura reports it consistent.`,
    )
    expect(lead(r.summary)).toContain('**Next:** revert or fix the bad commit')
    expect(lead(r.summary)).toContain('the next push deploys it again')
  })

  it('a down failing at a line: nothing changed, the file and line, the statement shown open, before the table', () => {
    const r = report(
      {
        status: 'failed',
        steps: [step('3', 'undone'), step('2', 'failed', 'create_t', twoStatements)],
        failure: failedAtLine,
      },
      'hasura',
    )
    expect(r.outputs['rolled-back-versions']).toBe('[]')
    const shown = open(lead(r.summary))
    expect(shown).toContain('## ❌ Rollback failed: nothing was changed')
    expect(shown).toContain(
      '- **Database:** unchanged: the transaction was rolled back, so the 2 selected migration(s) are still applied.',
    )
    expect(shown).toContain(
      '- **Metadata:** unchanged: Hasura serves the metadata it served before this run.',
    )
    expect(shown).toContain(
      'Fix <code>hasura/migrations/2\\_create\\_t/down.sql:4</code> (the down of 2 create\\_t), then re-run this workflow. The statement that failed, lines 3–5:\n\n```sql\nUPDATE author\n  SET x = 1\n  WHERE true;\n```',
    )
    expect(shown).toContain(`**Error:** ${escapeText(failedAtLine.message)}`)
  })

  it('a dry run: nothing changed, and how to apply it', () => {
    const r = report({
      status: 'dry-run',
      steps: [step('3', 'rehearsed')],
      metadata: metadata({ applied: false }),
    })
    expect(r.outputs).toMatchObject({
      status: 'dry-run',
      'rolled-back-versions': '["3"]',
      'rolled-back-count': '1',
    })
    expect(lead(r.summary)).toContain(
      'Dry run passed: 1 migration(s) would be rolled back; nothing was changed',
    )
    expect(lead(r.summary)).toContain(
      '- **Database:** unchanged (dry run): the downs of 1 migration(s) ran and were rolled back.',
    )
    expect(lead(r.summary)).toContain(
      '- **Metadata:** unchanged; the run would apply the metadata of <code>v1.4.0</code>',
    )
    expect(lead(r.summary)).toContain(
      '**To apply it:** run the workflow again with <code>dry-run: false</code> and the same other inputs: it rolls back these 1 migration(s) and applies the metadata of <code>v1.4.0</code>',
    )
  })

  it('a run that committed but failed on the metadata: what is applied now, and that a re-run finishes', () => {
    const r = report({
      status: 'failed',
      committed: true,
      steps: [step('3', 'reverted')],
      failure: {
        message: 'The schema rollback was committed (reverted 3), but applying the metadata failed: 500',
      },
      metadata: metadata({ applied: false, inconsistentObjects: undefined }),
    })
    expect(lead(r.summary)).toContain('## ❌ Rollback failed part way')
    expect(lead(r.summary)).toContain('- **Database:** rolled back 1 migration(s): 3.')
    expect(lead(r.summary)).toContain(
      '- **Metadata:** unchanged: Hasura serves the metadata it served before this run, not the metadata of <code>v1.4.0</code>',
    )
    expect(lead(r.summary)).toContain(
      '**Re-run this job** to finish: it reverts nothing already reverted and applies the metadata of <code>v1.4.0</code>',
    )
  })

  it('a COMMIT without an answer: the database state is unknown, and where to look', () => {
    const r = report({
      status: 'failed',
      steps: [step('3', 'not-executed')],
      failure: { message: 'Lost the connection at COMMIT', outcomeUnknown: true },
    })
    expect(lead(r.summary)).toContain('## ❌ Rollback failed part way')
    expect(lead(r.summary)).toContain(
      '- **Database:** unknown: the rollback may or may not have been committed.',
    )
    expect(lead(r.summary)).toContain(
      'Check the migration state (<code>hasura migrate status</code> or hdb\\_catalog.schema\\_migrations) to see whether the versions below are still applied',
    )
  })

  it.each<[string, Partial<RollbackResult>, string]>([
    [
      'no metadata asked for',
      { status: 'rolled-back', committed: true },
      'unchanged: this run applies no metadata.',
    ],
    ['applied, consistent', { committed: true, metadata: metadata({}) }, 'Hasura reports it consistent.'],
    [
      'applied, inconsistent',
      {
        status: 'failed',
        committed: true,
        metadata: metadata({ inconsistentObjects: [{ name: 'a', reason: 'b' }] }),
      },
      'which Hasura reports inconsistent: 1 object(s), listed under Metadata.',
    ],
    [
      'applied, check unread',
      { status: 'failed', committed: true, metadata: metadata({ inconsistentObjects: undefined }) },
      "its consistency is unknown: Hasura's check could not be read.",
    ],
    [
      'replace unanswered',
      { status: 'failed', committed: true, metadata: metadata({ applied: false, outcomeUnknown: true }) },
      'unknown: Hasura did not answer the replace with the metadata of <code>v1.4.0</code>',
    ],
    [
      'refused before any change',
      { status: 'failed', failure: { message: "Input 'count' must be a positive integer" } },
      'unchanged: Hasura serves the metadata it served before this run.',
    ],
  ])('says which metadata Hasura serves now: %s', (_what, r, says) => {
    const metadataLine = lead(report(r).summary)
      .split('\n')
      .find((l) => l.startsWith('- **Metadata:**'))
    expect(metadataLine).toContain(says)
  })

  const SEQUENCES = 'Sequences the downs advanced stay advanced: Postgres does not roll sequences back.'
  it.each<[string, Partial<RollbackResult>, boolean]>([
    ['a dry run', { status: 'dry-run', steps: [step('3', 'rehearsed')] }, true],
    ['a failed transaction', { status: 'failed', steps: [step('3', 'undone'), step('2', 'failed')] }, true],
    ['a failing first down', { status: 'failed', steps: [step('3', 'failed')] }, true],
    ['a committed rollback', { committed: true, steps: [step('3', 'reverted')] }, false],
    ['a failure before any down ran', { status: 'failed', steps: [step('3', 'not-executed')] }, false],
    [
      'a pre-flight refusal',
      { status: 'failed', problems: [{ message: 'Migration 3 has no down.sql' }] },
      false,
    ],
    [
      'a committed rollback whose metadata failed',
      {
        status: 'failed',
        committed: true,
        steps: [step('3', 'reverted')],
        metadata: metadata({ applied: false }),
      },
      false,
    ],
  ])('says sequences stay advanced only when downs ran and nothing was changed: %s', (_what, r, says) => {
    expect(report(r).summary.includes(SEQUENCES)).toBe(says)
  })
})

describe('the error line: one per failure, short, on its file and line', () => {
  it('places a down failure on its file and line, once', () => {
    const r = report({ status: 'failed', steps: [step('2', 'failed')], failure: failedAtLine }, 'db')
    expect(r.failure).toEqual({
      level: 'error',
      message: failedAtLine.message,
      file: 'db/migrations/2_create_t/down.sql',
      line: 4,
    })
    expect(r.annotations.filter((a) => a.level === 'error')).toEqual([])
  })

  it('gives a failure without a file as one line of its own', () => {
    const r = report({ status: 'failed', failure: { message: 'Another run holds the lock' } })
    expect(r.failure).toEqual({ level: 'error', message: 'Another run holds the lock' })
    expect(r.annotations).toEqual([])
  })

  it('names the first three of 107 problems, says how many more the summary lists, and lists them all there', () => {
    const problems: Problem[] = Array.from({ length: 107 }, (_, i) => ({
      message: `Migration ${1000 + i} has no down.sql`,
      version: String(1000 + i),
      file: `migrations/${1000 + i}_a/up.sql`,
    }))
    const r = report({ status: 'failed', problems }, 'db')
    expect(r.failure).toEqual({
      level: 'error',
      message:
        'Pre-flight refused the rollback, nothing was changed: 107 problems: Migration 1000 has no down.sql; Migration 1001 has no down.sql; Migration 1002 has no down.sql; and 104 more in the job summary',
    })
    expect(r.summary).toContain('## ❌ Rollback refused: nothing was changed')
    for (const p of problems) {
      expect(r.summary).toContain(`- ${p.message} (<code>db/migrations/${p.version}\\_a/up.sql</code>)`)
    }
    // The first ten open, the rest one click away.
    expect(open(r.summary)).toContain('Migration 1009 has no down.sql')
    expect(open(r.summary)).not.toContain('Migration 1010 has no down.sql')
    expect(r.summary).toContain('<details><summary>97 more problems</summary>')
  })

  it('places the only problem on its file', () => {
    const r = report({
      status: 'failed',
      problems: [{ message: 'Migration 3 has no down.sql', file: 'migrations/3_a/up.sql', version: '3' }],
    })
    expect(r.failure).toMatchObject({ message: 'Migration 3 has no down.sql', file: 'migrations/3_a/up.sql' })
  })

  it('cuts a very long message, saying the summary has the rest', () => {
    const message = `Hasura reports 300 inconsistent object(s): ${'table public.some_table: no such table; '.repeat(300)}`
    const r = report({ status: 'failed', failure: { message } })
    expect(r.failure!.message.length).toBeLessThanOrEqual(1000)
    expect(r.failure!.message).toMatch(/^Hasura reports 300 inconsistent object\(s\): table public/)
    expect(r.failure!.message).toMatch(/… \(the job summary has the whole message\)$/)
    expect(r.summary).toContain(escapeText(message.trim()))
  })
})

describe('the backup restore', () => {
  const inconsistent = {
    status: 'failed' as const,
    committed: true,
    steps: [step('3', 'reverted')],
    failure: {
      message: `Hasura reports 1 inconsistent object(s) after applying the metadata of ${SHA}: a: b. The previous metadata is in ${BACKUP}`,
    },
    metadata: metadata({ inconsistentObjects: [{ name: 'author.articles', reason: 'no such table' }] }),
  }

  it('is the next step when Hasura reports the applied metadata inconsistent: the command open, in a sh block', () => {
    const r = report(inconsistent)
    const shown = open(lead(r.summary))
    expect(shown).toContain(`\`\`\`sh\n${restoreMetadataCommand(BACKUP, 'v2')}\n\`\`\``)
    expect(shown).toContain('It needs `HASURA_GRAPHQL_ENDPOINT` and `HASURA_GRAPHQL_ADMIN_SECRET` exported')
    expect(r.summary).not.toContain('hasura metadata apply')
    expect(r.failure!.message).toMatch(
      new RegExp(
        `The previous metadata is in ${BACKUP}: the job summary gives the command that restores it$`,
      ),
    )
    // Once: not repeated, folded, under Metadata.
    expect(r.summary.split(restoreMetadataCommand(BACKUP, 'v2'))).toHaveLength(2)
  })

  it('lists what the guard cannot check, per database, as left to Hasura', () => {
    const unchecked = [
      { database: 'intuition', what: 'relationship cache_entry to database cache' },
      { database: 'cache', what: 'native query top_accounts' },
    ]
    const r = report({ committed: true, metadata: metadata({ uncheckedByGuard: unchecked }) })
    expect(r.summary).toContain(
      "<details><summary>2 object(s) the guard cannot check, left to Hasura's consistency check</summary>",
    )
    expect(r.summary).toContain('- database intuition: relationship cache\\_entry to database cache')
    expect(r.summary).toContain('- database cache: native query top\\_accounts')
    expect(report({ committed: true, metadata: metadata({}) }).summary).not.toContain(
      'the guard cannot check',
    )
  })

  it('is offered folded after a rollback that applied metadata, and not at all when none was applied', () => {
    const applied = report({ committed: true, steps: [step('3', 'reverted')], metadata: metadata({}) })
    expect(applied.summary).toContain('<details><summary>Restore the metadata from the backup</summary>')
    expect(applied.summary).toContain(restoreMetadataCommand(BACKUP, 'v2'))
    expect(open(applied.summary)).not.toContain(restoreMetadataCommand(BACKUP, 'v2'))
    const dry = report({
      status: 'dry-run',
      steps: [step('3', 'rehearsed')],
      metadata: metadata({ applied: false }),
    })
    expect(dry.summary).not.toContain('curl')
  })
})

describe('the table of migrations', () => {
  it('puts the status first and repeats neither version nor name in a file column', () => {
    const r = report({ committed: true, steps: [step('3', 'reverted')] }, 'hasura')
    expect(r.summary).toContain(
      [
        '| Status | Version | Name | Statements | Duration |',
        '| --- | --- | --- | ---: | ---: |',
        '| reverted | 3 | create\\_t | 1 | 12 ms |',
      ].join('\n'),
    )
    // The down's path goes with its SQL.
    expect(r.summary).toContain(
      '<details><summary>SQL of 3 create_t</summary>\n\n<code>hasura/migrations/3\\_create\\_t/down.sql</code>',
    )
  })

  it('leaves Duration out when no down was timed (Hasura transport)', () => {
    const r = report({ transport: 'hasura', committed: true, steps: [untimed(step('3', 'reverted'))] })
    expect(r.summary).toContain('| Status | Version | Name | Statements |\n')
    expect(r.summary).toContain('| reverted | 3 | create\\_t | 1 |\n')
    expect(r.summary).not.toContain('a duration is')
  })

  it('shows a duration under a millisecond as <1 ms, not 0 ms', () => {
    const fast = { ...step('3', 'reverted'), durationMs: 0.2 }
    expect(report({ committed: true, steps: [fast] }).summary).toContain(
      '| reverted | 3 | create\\_t | 1 | <1 ms |',
    )
  })

  it('escapes names in <summary> as HTML only, so no backslash shows', () => {
    const r = report({ committed: true, steps: [step('3', 'reverted', 'a_b*c<d>&e')] })
    expect(r.summary).toContain('<details><summary>SQL of 3 a_b*c&lt;d&gt;&amp;e</summary>')
    expect(r.summary).toContain('| reverted | 3 | a\\_b\\*c&lt;d&gt;&amp;e |')
  })
})

describe('config v3: each database and its outcome', () => {
  const intuition = (status: StepReport['status']) =>
    step('2', status, 'create_t', 'DROP TABLE t;', 'intuition')
  const cache = (status: StepReport['status']) => step('1', status, 'create_s', 'DROP TABLE s;', 'cache')

  it.each<[string, Partial<RollbackResult>, string[]]>([
    [
      'both rolled back',
      {
        committed: true,
        databases: [
          { name: 'intuition', committed: true },
          { name: 'cache', committed: true, stateWrite: 'written' },
        ],
        steps: [intuition('reverted'), cache('reverted')],
      },
      [
        '**Database intuition:** rolled back 1 migration(s): 2.',
        '**Database cache:** rolled back 1 migration(s): 1.',
      ],
    ],
    [
      'the second not rolled back',
      {
        status: 'failed',
        committed: true,
        databases: [
          { name: 'intuition', committed: true },
          { name: 'cache', committed: false },
        ],
        steps: [intuition('reverted'), cache('failed')],
        failure: { message: 'Rolled back database(s) intuition. boom' },
      },
      [
        '**Database intuition:** rolled back 1 migration(s): 2.',
        '**Database cache:** not rolled back: the transaction was rolled back, so the 1 selected migration(s) are still applied.',
      ],
    ],
    [
      'the state write of the second failed',
      {
        status: 'failed',
        committed: true,
        databases: [
          { name: 'intuition', committed: true },
          { name: 'cache', committed: true, stateWrite: 'failed' },
        ],
        steps: [intuition('reverted'), cache('reverted')],
        failure: { message: 'writing the catalog state through Hasura failed' },
      },
      [
        '**Database intuition:** rolled back 1 migration(s): 2.',
        '**Database cache:** state write failed: the downs of 1 were committed, but writing the catalog state through Hasura failed; a re-run finishes it and reverts nothing more.',
      ],
    ],
    [
      'both rehearsed (dry run)',
      {
        status: 'dry-run',
        databases: [
          { name: 'intuition', committed: false },
          { name: 'cache', committed: false },
        ],
        steps: [intuition('rehearsed'), cache('rehearsed')],
      },
      [
        '**Database intuition:** rehearsed (dry run): the downs of 1 migration(s) ran and were rolled back.',
        '**Database cache:** rehearsed (dry run): the downs of 1 migration(s) ran and were rolled back.',
      ],
    ],
  ])('%s', (_what, r, lines) => {
    const summary = report({ configVersion: 3, transport: 'hasura', ...r }).summary
    for (const line of lines) expect(lead(summary)).toContain(`- ${line}`)
    expect(summary).toContain('| Status | Database | Version | Name | Statements |')
    expect(summary).toContain('| intuition | 2 | create\\_t | 1 |')
  })

  it('has no Database column with one database', () => {
    const r = report({
      configVersion: 3,
      committed: true,
      databases: [{ name: 'intuition', committed: true }],
      steps: [intuition('reverted')],
    })
    expect(r.summary).toContain('- **Database intuition:** rolled back 1 migration(s): 2.')
    expect(r.summary).toContain('| Status | Version | Name | Statements | Duration |')
  })

  it('says a re-run rolls back the rest', () => {
    const r = report({
      status: 'failed',
      configVersion: 3,
      committed: true,
      databases: [{ name: 'intuition', committed: true }],
      steps: [intuition('reverted'), cache('not-executed')],
      failure: { message: 'Rolled back database(s) intuition; not rolled back: cache. boom' },
    })
    expect(lead(r.summary)).toContain(
      '- **Database cache:** not rolled back: the 1 selected migration(s) are still applied.',
    )
    expect(lead(r.summary)).toContain(
      '**Re-run this job** to finish: it reverts nothing already reverted and rolls back the rest',
    )
  })
})

describe('the failing statement', () => {
  const down = downFile(
    'd.sql',
    '-- header\nDROP TABLE a;\n\n-- why\nUPDATE b\n   SET c = 1;\nDROP TABLE d; DROP TABLE e;\n',
  )
  it.each([
    [2, { from: 2, to: 2, text: 'DROP TABLE a;' }],
    [6, { from: 5, to: 6, text: 'UPDATE b\n   SET c = 1;' }],
    // A line of comments between statements: the statement before it.
    [4, { from: 2, to: 2, text: 'DROP TABLE a;' }],
    [7, { from: 7, to: 7, text: 'DROP TABLE d; DROP TABLE e;' }],
  ])('line %i is in %j', (line, statement) => {
    expect(statementAt(down, line)).toEqual(statement)
  })

  it('is undefined before the first statement', () => {
    expect(statementAt(down, 1)).toBeUndefined()
  })

  it('is cut to 30 lines around the line of a long statement', () => {
    const long = downFile(
      'd.sql',
      `SELECT\n${Array.from({ length: 99 }, (_, i) => `  ${i + 2},`).join('\n')}\n  0;\n`,
    )
    const shown = statementAt(long, 80)!
    expect(shown.to - shown.from + 1).toBe(30)
    expect(shown.from).toBeLessThanOrEqual(80)
    expect(shown.to).toBeGreaterThanOrEqual(80)
    expect(shown.text.split('\n')).toHaveLength(30)
  })
})

describe('escaping', () => {
  it('escapes Markdown text with entities and backslashes', () => {
    expect(escapeText('<script>|`x`\n*y*')).toBe('&lt;script&gt;&#124;\\`x\\` \\*y\\*')
    expect(escapeText('a\\b\r\nc_d[e]#&')).toBe('a\\\\b c\\_d\\[e\\]\\#&amp;')
    const r = report({ committed: true, steps: [step('1', 'reverted', '<img src=x>|pipe')] })
    expect(r.summary).not.toContain('<img')
    expect(r.summary).toContain('&lt;img src=x&gt;&#124;pipe')
  })

  it('escapes HTML-block text with entities only', () => {
    expect(escapeHtml('a_b*c\\d <e> & "f"\ng')).toBe('a_b*c\\d &lt;e&gt; &amp; &quot;f&quot; g')
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

  it('lists every data loss in the summary, with its file and line, and annotates it', () => {
    const steps = [
      step('3', 'reverted', 'create_t', 'SELECT 1;\nALTER TABLE a DROP COLUMN b;\nTRUNCATE c;'),
      step('2', 'reverted'),
    ]
    const r = report({ committed: true, steps }, 'db')
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
    expect(r.annotations).toContainEqual({
      level: 'notice',
      message: 'Data loss: 2 drop table t',
      file: 'db/migrations/2_create_t/down.sql',
      line: 1,
    })
    const dry = report({ status: 'dry-run', steps: [step('2', 'rehearsed')] })
    expect(dry.summary).toContain('1 statement(s) would drop or delete data:')
    // Refused or rolled back: what the downs would have destroyed, measured, is not said to be gone.
    const refused = report({
      status: 'failed',
      steps: [step('2', 'undone')],
      dataLoss: [
        {
          kind: 'drop-table',
          target: 't',
          object: 't',
          line: 1,
          version: '2',
          file: 'x',
          database: 'default',
          count: 5,
        },
      ],
      failure: {
        message: "Input 'data-loss' is 'refuse' and the downs would destroy data: table t (5 rows)",
      },
    })
    expect(refused.summary).toContain(
      '1 statement(s) would drop or delete data:\n\n- 2 drop table t: 5 rows (',
    )
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
    const r = report({ committed: true, steps })
    expect(Buffer.byteLength(r.summary)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES)
    expect(r.summary).toContain('The SQL of the downs is left out')
    expect(r.summary).toContain('| reverted | 3 | create\\_t |')
  })
})
