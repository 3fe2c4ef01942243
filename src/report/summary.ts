// The job summary (Markdown) of a result, for someone who must act on it: the state the run left (what
// is applied, which metadata Hasura serves), the one thing to do next, then the detail — each
// migration, the data the downs destroy, the metadata, each down's SQL.
import type { LossCount } from '../data-loss.js'
import { countText } from '../data-loss.js'
import type { RollbackResult } from '../result.js'
import type { DestructiveStatement } from '../sql/destructive.js'
import { code, escapeText } from './markdown.js'
import { metadataSection } from './metadata-section.js'
import { nextStep, restoreIsNext } from './next-step.js'
import { stateSection } from './state.js'
import { sqlSection, stepsSection } from './steps.js'

/** A statement of a down that ran (or would run) and destroys data. */
export interface DataLoss extends DestructiveStatement {
  readonly version: string
  /** Workspace-relative down file. */
  readonly file: string | undefined
  /** What it destroys, measured before the downs ran; undefined when not measured. */
  readonly count: LossCount | undefined
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
  const lines = [`## ${headline(result, versions)}`, '']
  lines.push(...stateSection(result))
  lines.push(...nextStep(result, projectDir))
  for (const note of result.notes) lines.push(`> ${escapeText(note)}`, '')
  lines.push(...stepsSection(result))
  lines.push(...dataLossSection(losses, result.committed))
  lines.push(...metadataSection(result, restoreIsNext(result)))
  const sql = result.steps.map((s) => sqlSection(s, projectDir))
  return fitSummary(lines, sql)
}

function headline(result: RollbackResult, versions: readonly string[]): string {
  const m = result.metadata
  switch (result.status) {
    case 'rolled-back': {
      const schema = versions.length > 0 ? `Rolled back ${versions.length} migration(s)` : ''
      const metadata = m?.applied ? `applied the metadata of ${code(m.ref)}` : ''
      const both = [schema, metadata].filter(Boolean).join(' and ')
      return `✅ ${both.charAt(0).toUpperCase()}${both.slice(1)}`
    }
    case 'nothing-to-roll-back':
      return '✅ Nothing to roll back: no applied version is selected'
    case 'dry-run':
      return `🧪 Dry run passed: ${versions.length} migration(s) would be rolled back; nothing was changed`
    case 'failed': {
      const changed = result.committed || m?.applied || m?.outcomeUnknown || result.failure?.outcomeUnknown
      if (changed) return '❌ Rollback failed part way'
      return `❌ Rollback ${result.problems.length > 0 ? 'refused' : 'failed'}: nothing was changed`
    }
  }
}

/** The losses listed in full while GitHub shows their annotations too; more are folded away. */
const LOSSES_SHOWN_OPEN = 10

/** `committed`: the downs that destroy it were committed; else they would (dry run, refusal, failure). */
function dataLossSection(losses: readonly DataLoss[], committed: boolean): string[] {
  if (losses.length === 0) return []
  const lines = losses.map((d) => {
    const counted = countText(d, d.count ?? null)
    return `- ${d.version} ${escapeText(lossText(d))}${counted ? `: ${counted}` : ''} (${code(`${d.file ?? ''}:${d.line}`)})`
  })
  const heading = `${losses.length} statement(s) ${committed ? 'dropped or deleted' : 'would drop or delete'} data`
  return losses.length <= LOSSES_SHOWN_OPEN
    ? ['### Data loss', '', `${heading}:`, '', ...lines, '']
    : ['### Data loss', '', `<details><summary>${heading}</summary>`, '', ...lines, '', '</details>', '']
}

/** e.g. "drop table public.author". */
export function lossText(loss: DestructiveStatement): string {
  return `${loss.kind.replace('-', ' ')} ${loss.target}`
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
