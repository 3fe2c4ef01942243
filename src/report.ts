// Pure rendering of a result: action outputs, the job summary (Markdown) and annotations.
// Everything taken from files, SQL or servers is escaped: core.summary escapes nothing.
import { posix } from 'node:path'
import { describeInconsistency } from './metadata/apply.js'
import { destructiveStatements } from './sql/destructive.js'
import { statementCount } from './sql/statements.js'
import type { RollbackResult, StepReport } from './result.js'

export interface ReportAnnotation {
  readonly level: 'error' | 'warning' | 'notice'
  readonly message: string
  /** Workspace-relative. */
  readonly file?: string
  readonly line?: number
}

export interface Report {
  readonly outputs: Readonly<Record<string, string>>
  readonly summary: string
  /** To emit, within GitHub's per-step limits; setFailed adds the failure line itself. */
  readonly annotations: readonly ReportAnnotation[]
  /** The one line main.ts passes to core.setFailed, when the run failed. */
  readonly failureMessage: string | undefined
}

export interface ReportContext {
  /** Workspace-relative project dir, to turn project-relative files into annotation paths. */
  readonly projectDir: string
  /** Steps rendered earlier, while the downs ran (main.ts); used when made for the same projectDir. */
  readonly rendered?: RenderedSteps
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '|': '&#124;',
  '\n': ' ',
  '\r\n': ' ',
}

/** Escapes text for a Markdown table cell or paragraph (HTML entities; pipes and newlines too). */
export function escapeText(text: string): string {
  // One pass: the summary escapes a few thousand names and paths for 1,000 downs.
  return text.replace(/\r\n|[&<>|\n\\`*_[\]#]/g, (c) => ESCAPES[c] ?? `\\${c}`)
}

/**
 * Text as inline code. Not a Markdown code span: inside one, backslash escapes and entities show
 * literally (a path would read `3\_create\_t`), so escaped text goes in a <code> element instead.
 */
function code(text: string): string {
  return `<code>${escapeText(text)}</code>`
}

// A relative path without '.', '..' or empty segments: joining it needs no normalizing.
const PLAIN_PATH = /^(?!\.\.?(?:\/|$))[^/]+(?:\/(?!\.\.?(?:\/|$))[^/]+)*$/

/** A project-relative file as a workspace-relative path (annotations, the summary). */
export function workspacePath(projectDir: string, file: string | undefined): string | undefined {
  if (!file) return undefined
  const dir = projectDir.split('\\').join('/')
  // posix.normalize allocates per segment: the summary of 1,000 downs makes 4,000 of these paths.
  if (PLAIN_PATH.test(file) && (dir === '.' || PLAIN_PATH.test(dir)))
    return dir === '.' ? file : `${dir}/${file}`
  return posix.normalize(posix.join(dir, file))
}

const STATUS_LABEL: Record<StepReport['status'], string> = {
  'not-executed': 'not executed',
  reverted: 'reverted',
  rehearsed: 'rehearsed (rolled back)',
  failed: 'failed',
  undone: 'undone (rolled back)',
}

function revertedVersions(result: RollbackResult): string[] {
  if (result.status === 'dry-run') return result.steps.map((s) => s.version)
  const now = result.committed
    ? result.steps.filter((s) => s.status === 'reverted').map((s) => s.version)
    : []
  return [...result.alreadyReverted, ...now]
}

/** A step's duration: under a millisecond is not "0 ms" (a down's share of a fast batch often is). */
export function formatDuration(ms: number): string {
  return ms < 0.5 ? '<1 ms' : `${Math.round(ms)} ms`
}

/** Versions for one line: each of a few, else the first and the last (the table lists them all). */
export function versionList(versions: readonly string[]): string {
  return versions.length <= 10 ? versions.join(', ') : `${versions[0]} … ${versions.at(-1)}`
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

/** What the report shows of a step whatever its outcome: the same text before and after it runs. */
export type StepText = Pick<StepReport, 'version' | 'name' | 'downFile' | 'sql'>

interface StepParts extends StepText {
  /** The table row's first cells: version, name, down file, statement count. */
  readonly cells: string
  /** Its SQL, collapsed; the fence is longer than any backtick run in the SQL. */
  readonly sqlSection: string
  /** What running it destroys, statement by statement. */
  readonly losses: readonly DataLoss[]
}

function renderStep(step: StepText, projectDir: string): StepParts {
  const file = workspacePath(projectDir, step.downFile)
  const name = escapeText(step.name)
  const fence = step.sql.includes('`')
    ? '`'.repeat(Math.max(3, ...[...step.sql.matchAll(/`+/g)].map((m) => m[0].length + 1)))
    : '```'
  const losses = destructiveStatements(step.sql).map((d) => {
    const what = `${d.kind.replace('-', ' ')} ${d.target}`
    return {
      version: step.version,
      what,
      file,
      line: d.line,
      listItem: `- ${step.version} ${escapeText(what)} (${code(`${file ?? ''}:${d.line}`)})`,
    }
  })
  return {
    version: step.version,
    name: step.name,
    downFile: step.downFile,
    sql: step.sql,
    cells: `${step.version} | ${name} | ${code(file ?? '')} | ${statementCount(step.sql)}`,
    sqlSection: [
      '',
      `<details><summary>SQL of ${step.version} ${name}</summary>`,
      '',
      `${fence}sql`,
      step.sql.replace(/\n$/, ''),
      fence,
      '',
      '</details>',
    ].join('\n'),
    losses,
  }
}

/**
 * Steps rendered once each. The summary of 1,000 downs takes ~15 ms to render: main.ts renders each
 * step as it runs, while Postgres runs the next batch, so little is left to do after COMMIT.
 */
export class RenderedSteps {
  private readonly byVersion = new Map<string, StepParts>()

  constructor(readonly projectDir: string) {}

  render(step: StepText): StepParts {
    const known = this.byVersion.get(step.version)
    if (known && known.name === step.name && known.downFile === step.downFile && known.sql === step.sql) {
      return known
    }
    const parts = renderStep(step, this.projectDir)
    this.byVersion.set(step.version, parts)
    return parts
  }
}

function stepTable(steps: readonly StepReport[], rendered: RenderedSteps): string[] {
  if (steps.length === 0) return []
  const rows = steps.map((s) => {
    const duration = s.durationMs === undefined ? '' : formatDuration(s.durationMs)
    return `| ${rendered.render(s).cells} | ${STATUS_LABEL[s.status]} | ${duration} |`
  })
  return [
    '| Version | Name | Down file | Statements | Status | Duration |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ]
}

/** GitHub refuses job summaries over 1 MiB; keep well under it. */
export const SUMMARY_LIMIT_BYTES = 1000 * 1024

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

interface DataLoss {
  readonly version: string
  readonly what: string
  /** Workspace-relative down file. */
  readonly file: string | undefined
  readonly line: number
  /** Its line in the summary's list. */
  readonly listItem: string
}

/** What the downs that ran (or would run, in a dry run) destroy, statement by statement. */
function dataLoss(result: RollbackResult, rendered: RenderedSteps): DataLoss[] {
  const ran = result.steps.filter((s) => s.status === 'reverted' || s.status === 'rehearsed')
  return ran.flatMap((s) => rendered.render(s).losses)
}

function dataLossNotices(losses: readonly DataLoss[], dryRun: boolean): ReportAnnotation[] {
  return losses.map((d) => ({
    level: 'notice' as const,
    message: `Data loss: ${d.version} ${d.what}${dryRun ? ' (would run)' : ''}`,
    file: d.file,
    line: d.line,
  }))
}

function dataLossSection(losses: readonly DataLoss[], dryRun: boolean): string[] {
  if (losses.length === 0) return []
  const lines = losses.map((d) => d.listItem)
  const heading = `${losses.length} statement(s) ${dryRun ? 'would drop or delete' : 'dropped or deleted'} data`
  return losses.length <= ANNOTATIONS_PER_LEVEL
    ? ['', '### Data loss', '', `${heading}:`, '', ...lines]
    : ['', '### Data loss', '', `<details><summary>${heading}</summary>`, '', ...lines, '', '</details>']
}

/** GitHub shows at most this many annotations of each level per step and drops the rest unseen. */
export const ANNOTATIONS_PER_LEVEL = 10

type Level = ReportAnnotation['level']

/**
 * What fits GitHub's ANNOTATIONS_PER_LEVEL, in order, given how many of each level the step emits
 * elsewhere (`used`). Where there are more, the last one shown says how many were left out, so none
 * is lost without a word (the summary lists them all).
 */
export function capAnnotations(
  annotations: readonly ReportAnnotation[],
  used: Partial<Record<Level, number>> = {},
): ReportAnnotation[] {
  let kept = [...annotations]
  const more: ReportAnnotation[] = []
  for (const level of ['error', 'warning', 'notice'] as const) {
    const budget = Math.max(1, ANNOTATIONS_PER_LEVEL - (used[level] ?? 0))
    const all = kept.filter((a) => a.level === level)
    if (all.length <= budget) continue
    const shown = new Set(all.slice(0, budget - 1))
    kept = kept.filter((a) => a.level !== level || shown.has(a))
    const noun = level === 'notice' ? 'notices' : `${level}s`
    more.push({
      level,
      message: `…and ${all.length - shown.size} more ${noun}: GitHub shows ${ANNOTATIONS_PER_LEVEL} per step, the job summary lists them all`,
    })
  }
  return [...kept, ...more]
}

export function buildReport(result: RollbackResult, context: ReportContext): Report {
  const versions = revertedVersions(result)
  const annotations: ReportAnnotation[] = []
  for (const problem of result.problems) {
    annotations.push({
      level: 'error',
      message: problem.message,
      file: workspacePath(context.projectDir, problem.file),
    })
  }
  const rendered =
    context.rendered?.projectDir === context.projectDir
      ? context.rendered
      : new RenderedSteps(context.projectDir)
  const losses = dataLoss(result, rendered)
  const dryRun = result.status === 'dry-run'
  annotations.push(...dataLossNotices(losses, dryRun))
  const failure = result.failure
  if (failure) {
    annotations.push({
      level: 'error',
      message: failure.message,
      file: workspacePath(context.projectDir, failure.file),
      line: failure.line,
    })
  }
  const failureMessage =
    result.status !== 'failed'
      ? undefined
      : (failure?.message ??
        (result.problems.length === 1
          ? result.problems[0]!.message
          : `Pre-flight found ${result.problems.length} problems; nothing was changed: ${result.problems.map((p) => p.message).join('; ')}`))

  const lines = [`## Hasura rollback`, '', `**${headline(result, versions)}**`, '']
  const state = stateLine(result)
  if (state) lines.push(state, '')
  if (failure) lines.push(`Error: ${escapeText(failure.message)}`, '')
  if (result.problems.length > 0) {
    lines.push('Pre-flight refused the rollback; nothing was changed:', '')
    for (const p of result.problems) lines.push(`- ${escapeText(p.message)}`)
    lines.push('')
  }
  for (const note of result.notes) lines.push(`> ${escapeText(note)}`, '')
  if (result.alreadyReverted.length > 0) {
    lines.push(`An earlier attempt of this run already reverted ${result.alreadyReverted.join(', ')}.`, '')
  }
  lines.push(...stepTable(result.steps, rendered))
  if (result.transport === 'postgres' && result.steps.some((s) => s.durationMs !== undefined)) {
    lines.push(
      '',
      "_Downs run in batches of up to 1,000 per query: a duration is the down's share of its batch._",
    )
  }
  lines.push(...dataLossSection(losses, dryRun))
  lines.push(...metadataSection(result))
  const tail: string[] = []
  if (result.status === 'failed') {
    const m = result.metadata
    const next = result.failure?.outcomeUnknown
      ? '**Next step:** look at hdb_catalog.schema_migrations to see whether the versions above are still applied, then re-run.'
      : m?.applied && m.inconsistentObjects && m.inconsistentObjects.length > 0
        ? `**Next step:** fix the inconsistent objects listed above (Hasura console: Settings > Metadata Status), or restore the previous metadata from the backup${m.backupPath ? ` ${code(m.backupPath)}` : ''} with \`hasura metadata apply\`.`
        : result.committed || m?.applied || m?.outcomeUnknown
          ? '**Next step:** re-run this job: it reverts nothing more and applies the metadata (if a deploy step in the job re-applies the migrations first, it rolls them back again).'
          : '**Next step:** fix the cause named above, then re-run this workflow.'
    tail.push('', next)
  }

  return {
    outputs: {
      status: result.status,
      'rolled-back-versions': JSON.stringify(versions),
      'rolled-back-count': String(versions.length),
      'metadata-ref': result.metadata?.sha ?? '',
      'metadata-backup': result.metadata?.backupPath ?? '',
      'inconsistent-objects': JSON.stringify(result.metadata?.inconsistentObjects ?? []),
    },
    summary: fitSummary(
      [...lines, ...tail],
      result.steps.map((s) => rendered.render(s).sqlSection),
    ),
    // setFailed repeats the failure as an error annotation of its own; plan notes were logged as notices.
    annotations: capAnnotations(
      annotations.filter((a) => a.file || a.message !== failureMessage),
      { error: failureMessage ? 1 : 0, notice: result.notes.length },
    ),
    failureMessage,
  }
}
