// The job summary (Markdown) of a result: what happened, the state things are in, each step, the data
// the downs destroy, the metadata, and what to do next.
import { describeInconsistency } from '../metadata/apply.js'
import type { RollbackResult, StepReport } from '../result.js'
import type { LossCount } from '../data-loss.js'
import { countText } from '../data-loss.js'
import type { DestructiveStatement } from '../sql/destructive.js'
import { code, escapeText, fenced, formatDuration, versionList, workspacePath } from './markdown.js'

/** A statement of a down that ran (or would run) and destroys data. */
export interface DataLoss extends DestructiveStatement {
  readonly version: string
  /** Workspace-relative down file. */
  readonly file: string | undefined
  /** What it destroys, measured before the downs ran; undefined when not measured. */
  readonly count: LossCount | undefined
}

const STATUS_LABEL: Record<StepReport['status'], string> = {
  'not-executed': 'not executed',
  reverted: 'reverted',
  rehearsed: 'rehearsed (rolled back)',
  failed: 'failed',
  undone: 'undone (rolled back)',
}

/** GitHub refuses job summaries over 1 MiB; keep well under it. */
export const SUMMARY_LIMIT_BYTES = 1000 * 1024

/** The job summary; `versions` are those the outputs report as rolled back. */
export function buildSummary(
  result: RollbackResult,
  versions: readonly string[],
  losses: readonly DataLoss[],
  projectDir: string,
): string {
  const lines = ['## Hasura rollback', '', `**${headline(result, versions)}**`, '']
  const state = stateLine(result)
  if (state) lines.push(state, '')
  if (result.failure) lines.push(`Error: ${escapeText(result.failure.message)}`, '')
  if (result.problems.length > 0) {
    lines.push('Pre-flight refused the rollback; nothing was changed:', '')
    for (const p of result.problems) lines.push(`- ${escapeText(p.message)}`)
    lines.push('')
  }
  for (const note of result.notes) lines.push(`> ${escapeText(note)}`, '')
  lines.push(...stepTable(result, projectDir))
  lines.push(...dataLossSection(losses, result.status === 'dry-run'))
  lines.push(...metadataSection(result))
  const next = nextStep(result)
  if (next) lines.push('', next)
  const sql = result.steps.map((s) => sqlSection(s))
  return fitSummary(lines, sql)
}

function headline(result: RollbackResult, versions: readonly string[]): string {
  switch (result.status) {
    case 'rolled-back': {
      const schema =
        versions.length > 0 ? `rolled back ${versions.length} migration(s): ${versionList(versions)}` : ''
      const metadata = result.metadata?.applied
        ? `re-applied the metadata of ${result.metadata.sha.slice(0, 12)}`
        : ''
      const both = [schema, metadata].filter(Boolean).join('; ')
      return `✅ ${both.charAt(0).toUpperCase()}${both.slice(1)}`
    }
    case 'nothing-to-roll-back':
      return '✅ Nothing to roll back: no applied version is selected'
    case 'dry-run':
      return `🧪 Dry run passed: ${versions.length} migration(s) would be rolled back; nothing was changed`
    case 'failed':
      return '❌ Rollback failed'
  }
}

function stateLine(result: RollbackResult): string | undefined {
  if (result.status !== 'failed') return undefined
  if (result.failure?.outcomeUnknown) {
    return 'The rollback may or may not have been committed: check hdb_catalog.schema_migrations before running again. The metadata was not changed.'
  }
  if (!result.committed && !result.metadata?.applied && !result.metadata?.outcomeUnknown) {
    return 'The database and the metadata are exactly as they were before this run: nothing was committed.'
  }
  const schema = result.committed ? 'The schema rollback was committed.' : ''
  const m = result.metadata
  const metadata = m?.outcomeUnknown
    ? `Hasura did not answer the replace of the metadata of ${m.sha}: it may or may not have been applied.`
    : !m?.applied
      ? 'The metadata was not changed.'
      : m.inconsistentObjects
        ? `The metadata of ${m.sha} was applied, but Hasura reports it inconsistent.`
        : `The metadata of ${m.sha} was applied, but its consistency could not be checked.`
  return `${schema} ${metadata}`.trim()
}

function stepTable(result: RollbackResult, projectDir: string): string[] {
  const { steps } = result
  if (steps.length === 0) return []
  const v3 = result.configVersion === 3
  const rows = steps.map((s) => {
    const file = workspacePath(projectDir, s.down.path) ?? ''
    const duration = s.durationMs === undefined ? '' : formatDuration(s.durationMs)
    const cells = [s.version, escapeText(s.name), code(file), String(s.down.scan.statements.length)]
    if (v3) cells.unshift(escapeText(s.database))
    return `| ${cells.join(' | ')} | ${STATUS_LABEL[s.status]} | ${duration} |`
  })
  const head = `${v3 ? '| Database ' : ''}| Version | Name | Down file | Statements | Status | Duration |`
  const table = [head, head.replace(/[^|]+/g, ' --- '), ...rows]
  if (steps.some((s) => s.durationMs !== undefined)) {
    table.push(
      '',
      "_Downs run in batches of up to 1,000 per query: a duration is the down's share of its batch._",
    )
  }
  return table
}

function sqlSection(step: StepReport): string {
  const name = escapeText(step.name)
  return [
    '',
    `<details><summary>SQL of ${step.version} ${name}</summary>`,
    '',
    fenced(step.down.sql, 'sql'),
    '',
    '</details>',
  ].join('\n')
}

/** The losses listed in full while GitHub shows their annotations too; more are folded away. */
const LOSSES_SHOWN_OPEN = 10

function dataLossSection(losses: readonly DataLoss[], dryRun: boolean): string[] {
  if (losses.length === 0) return []
  const lines = losses.map((d) => {
    const counted = countText(d, d.count ?? null)
    return `- ${d.version} ${escapeText(lossText(d))}${counted ? `: ${counted}` : ''} (${code(`${d.file ?? ''}:${d.line}`)})`
  })
  const heading = `${losses.length} statement(s) ${dryRun ? 'would drop or delete' : 'dropped or deleted'} data`
  return losses.length <= LOSSES_SHOWN_OPEN
    ? ['', '### Data loss', '', `${heading}:`, '', ...lines]
    : ['', '### Data loss', '', `<details><summary>${heading}</summary>`, '', ...lines, '', '</details>']
}

/** e.g. "drop table public.author". */
export function lossText(loss: DestructiveStatement): string {
  return `${loss.kind.replace('-', ' ')} ${loss.target}`
}

function metadataSection(result: RollbackResult): string[] {
  const m = result.metadata
  if (!m) return []
  const lines = ['', '### Metadata', '', `- Ref: ${code(m.ref)} → \`${m.sha}\` (${escapeText(m.subject)})`]
  lines.push(
    `- ${m.applied ? 'Applied' : result.status === 'dry-run' ? 'Would be applied (dry run)' : 'Not applied'}`,
  )
  if (m.backupPath) lines.push(`- Backup of the previous metadata: ${code(m.backupPath)}`)
  lines.push(`- Changes against the server's metadata: ${m.changes.length === 0 ? 'none' : m.changes.length}`)
  if (m.changes.length > 0) {
    lines.push('', '<details><summary>What the stable metadata changes</summary>', '')
    for (const c of m.changes) lines.push(`- ${c.kind}: ${escapeText(c.what)}`)
    lines.push('', '</details>')
  }
  const inconsistent = m.inconsistentObjects
  if (m.applied && !inconsistent) lines.push("- Consistency: unknown (Hasura's check could not be read)")
  if (inconsistent && inconsistent.length > 0) {
    lines.push(`- Inconsistent objects: ${inconsistent.length}`)
    for (const o of inconsistent) lines.push(`  - ${escapeText(describeInconsistency(o))}`)
  }
  return lines
}

function nextStep(result: RollbackResult): string | undefined {
  if (result.status !== 'failed') return undefined
  const m = result.metadata
  if (result.failure?.outcomeUnknown) {
    return '**Next step:** look at hdb_catalog.schema_migrations to see whether the versions above are still applied, then re-run.'
  }
  if (m?.applied && m.inconsistentObjects && m.inconsistentObjects.length > 0) {
    const backup = m.backupPath ? ` ${code(m.backupPath)}` : ''
    return `**Next step:** fix the inconsistent objects listed above (Hasura console: Settings > Metadata Status), or restore the previous metadata from the backup${backup} with \`hasura metadata apply\`.`
  }
  if (result.committed || m?.applied || m?.outcomeUnknown) {
    return '**Next step:** re-run this job: it reverts nothing more and applies the metadata (if a deploy step in the job re-applies the migrations first, it rolls them back again).'
  }
  return '**Next step:** fix the cause named above, then re-run this workflow.'
}

function fitSummary(head: string[], sql: string[]): string {
  const full = [...head, ...sql].join('\n') + '\n'
  if (Buffer.byteLength(full) <= SUMMARY_LIMIT_BYTES) return full
  const note = ['', "_The SQL of the downs is left out: the summary would exceed GitHub's 1 MiB limit._"]
  const short = [...head, ...note].join('\n') + '\n'
  if (Buffer.byteLength(short) <= SUMMARY_LIMIT_BYTES) return short
  const cut = Buffer.from(short)
    .subarray(0, SUMMARY_LIMIT_BYTES - 200)
    .toString('utf8')
  return `${cut}\n\n_Summary truncated at GitHub's 1 MiB limit; the log has everything._\n`
}
