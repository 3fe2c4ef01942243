// The migrations of a run in the summary: a table narrow enough for GitHub's summary (status first; the
// down file's path, which repeats version and name, goes with its SQL), and each down's SQL.
import type { DownFile } from '../project/migrations.js'
import type { RollbackResult, StepReport } from '../result.js'
import { code, escapeHtml, escapeText, fenced, formatDuration, workspacePath } from './markdown.js'

const STATUS_LABEL: Record<StepReport['status'], string> = {
  'not-executed': 'not executed',
  reverted: 'reverted',
  rehearsed: 'rehearsed (rolled back)',
  failed: '**failed**',
  undone: 'undone (rolled back)',
}

interface Column {
  readonly head: string
  /** Right-aligned (numbers). */
  readonly right?: boolean
  readonly cell: (step: StepReport) => string
}

function columns(steps: readonly StepReport[]): Column[] {
  const several = new Set(steps.map((s) => s.database)).size > 1
  // Through Hasura no down is timed: the column would be empty.
  const timed = steps.some((s) => s.durationMs !== undefined)
  return [
    { head: 'Status', cell: (s) => STATUS_LABEL[s.status] },
    ...(several ? [{ head: 'Database', cell: (s: StepReport) => escapeText(s.database) }] : []),
    { head: 'Version', cell: (s) => s.version },
    { head: 'Name', cell: (s) => escapeText(s.name) },
    { head: 'Statements', right: true, cell: (s) => String(s.down.scan.statements.length) },
    ...(timed
      ? [
          {
            head: 'Duration',
            right: true,
            cell: (s: StepReport) => (s.durationMs === undefined ? '' : formatDuration(s.durationMs)),
          },
        ]
      : []),
  ]
}

/** The table of the run's migrations, with what each down did. */
export function stepsSection(result: RollbackResult): string[] {
  const { steps } = result
  if (steps.length === 0) return []
  const cols = columns(steps)
  const table = [
    `| ${cols.map((c) => c.head).join(' | ')} |`,
    `| ${cols.map((c) => (c.right ? '---:' : '---')).join(' | ')} |`,
    ...steps.map((s) => `| ${cols.map((c) => c.cell(s)).join(' | ')} |`),
  ]
  if (cols.some((c) => c.head === 'Duration')) {
    table.push(
      '',
      "_Downs run in batches of up to 1,000 per query: a duration is the down's share of its batch._",
    )
  }
  return ['### Migrations', '', ...table, '']
}

/** A down's SQL, folded: its file, then the file's text. */
export function sqlSection(step: StepReport, projectDir: string): string {
  const file = workspacePath(projectDir, step.down.path)
  return [
    '',
    `<details><summary>SQL of ${step.version} ${escapeHtml(step.name)}</summary>`,
    '',
    ...(file ? [code(file), ''] : []),
    fenced(step.down.sql, 'sql'),
    '',
    '</details>',
  ].join('\n')
}

/** At most this many lines of a failing statement are shown open; the whole down is further down. */
const STATEMENT_LINES_SHOWN = 30

/**
 * The whole lines of the statement of `down` that holds `line` (1-based), or of the last one before it;
 * a long statement is cut to STATEMENT_LINES_SHOWN lines around `line`.
 */
export function statementAt(
  down: DownFile,
  line: number,
): { from: number; to: number; text: string } | undefined {
  const { tokens, statements, text } = down.scan
  const spans = statements.map((s) => ({ from: tokens[s.first]!.line, to: tokens[s.last]!.endLine }))
  const span = spans.find((s) => s.from <= line && line <= s.to) ?? spans.findLast((s) => s.from <= line)
  if (!span) return undefined
  const from = Math.max(span.from, line - STATEMENT_LINES_SHOWN + 10)
  const to = Math.min(span.to, from + STATEMENT_LINES_SHOWN - 1)
  return {
    from,
    to,
    text: text
      .split('\n')
      .slice(from - 1, to)
      .join('\n'),
  }
}
