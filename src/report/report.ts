// Pure rendering of a result: action outputs, the job summary and annotations — one function of the
// result, computed once the run has ended.
import type { RollbackResult, StepReport, VersionOf } from '../result.js'
import { countText } from '../data-loss.js'
import { destructiveStatements } from '../sql/destructive.js'
import type { ReportAnnotation } from './annotations.js'
import { capAnnotations } from './annotations.js'
import { firstFew, shortened, workspacePath } from './markdown.js'
import { restoreIsNext } from './next-step.js'
import type { DataLoss } from './summary.js'
import { buildSummary, lossText } from './summary.js'

export interface Report {
  readonly outputs: Readonly<Record<string, string>>
  readonly summary: string
  /** Notices to emit, within GitHub's per-step limits. */
  readonly annotations: readonly ReportAnnotation[]
  /** The run's one error, on its file and line when known: main.ts emits it and fails the step. */
  readonly failure: ReportAnnotation | undefined
}

export interface ReportContext {
  /** Workspace-relative project dir, to turn project-relative files into annotation paths. */
  readonly projectDir: string
}

/** The versions the outputs report: reverted (by this run or an earlier attempt), or planned in a dry run. */
function reportedVersions(result: RollbackResult): VersionOf[] {
  if (result.status === 'dry-run') return [...result.steps]
  return [...result.alreadyReverted, ...result.steps.filter((s) => s.status === 'reverted')]
}

/** Config v3: each database to its reported versions; `{}` for config v2. */
function byDatabase(result: RollbackResult, versions: readonly VersionOf[]): Record<string, string[]> {
  const grouped: Record<string, string[]> = {}
  if (result.configVersion !== 3) return grouped
  for (const { database, version } of versions) (grouped[database] ??= []).push(version)
  return grouped
}

/**
 * What the downs that ran (or would run, in a dry run) destroy, statement by statement, with what was
 * measured. When none ran (a refusal), those measured to hold data.
 */
function dataLoss(result: RollbackResult, projectDir: string): DataLoss[] {
  const ran = result.steps.filter((s) => s.status === 'reverted' || s.status === 'rehearsed')
  const measured = new Map(
    result.dataLoss.map((m) => [`${m.database}/${m.version}/${m.line}/${m.target}`, m.count]),
  )
  const losses = (steps: readonly StepReport[]) =>
    steps.flatMap((s) =>
      destructiveStatements(s.down.scan).map((d) => ({
        ...d,
        version: s.version,
        file: workspacePath(projectDir, s.down.path),
        count: measured.get(`${s.database}/${s.version}/${d.line}/${d.target}`),
      })),
    )
  if (ran.length > 0) return losses(ran)
  return losses(result.steps).filter((d) => (d.count ?? 0) > 0)
}

/** An error line stays short: a refusal names its first few problems, the summary lists them all. */
const ERROR_LINE_MAX_CHARS = 1000

function failureOf(result: RollbackResult, projectDir: string): ReportAnnotation | undefined {
  if (result.status !== 'failed') return undefined
  const { failure, problems } = result
  const error = (message: string, file?: string, line?: number): ReportAnnotation => ({
    level: 'error',
    message: shortened(message, ERROR_LINE_MAX_CHARS, '(the job summary has the whole message)'),
    file: workspacePath(projectDir, file),
    line,
  })
  if (failure) {
    const restore =
      restoreIsNext(result) && result.metadata?.restoreCommand
        ? ': the job summary gives the command that restores it'
        : ''
    return error(`${failure.message}${restore}`, failure.file, failure.line)
  }
  if (problems.length === 1) return error(problems[0]!.message, problems[0]!.file)
  const listed = firstFew(
    problems.map((p) => p.message),
    'in the job summary',
  )
  return error(`Pre-flight refused the rollback, nothing was changed: ${problems.length} problems: ${listed}`)
}

function noticesOf(result: RollbackResult, losses: readonly DataLoss[]): ReportAnnotation[] {
  const dryRun = result.status === 'dry-run'
  // An emptied table or column loses nothing: only what holds data (or was not measured) is annotated.
  return losses
    .filter((l) => l.count !== 0)
    .map((d) => {
      const counted = countText(d, d.count ?? null)
      return {
        level: 'notice',
        message: `Data loss: ${d.version} ${lossText(d)}${counted ? `: ${counted}` : ''}${dryRun ? ' (would run)' : ''}`,
        file: d.file,
        line: d.line,
      }
    })
}

export function buildReport(result: RollbackResult, context: ReportContext): Report {
  const reported = reportedVersions(result)
  const versions = reported.map((v) => v.version)
  const losses = dataLoss(result, context.projectDir)
  return {
    outputs: {
      status: result.status,
      'rolled-back-versions': JSON.stringify(versions),
      'rolled-back-count': String(versions.length),
      'rolled-back-by-database': JSON.stringify(byDatabase(result, reported)),
      'metadata-ref': result.metadata?.sha ?? '',
      'metadata-backup': result.metadata?.backupPath ?? '',
      'inconsistent-objects': JSON.stringify(result.metadata?.inconsistentObjects ?? []),
    },
    summary: buildSummary(result, versions, losses, context.projectDir),
    // Plan notes were logged as notices already.
    annotations: capAnnotations(noticesOf(result, losses), { notice: result.notes.length }),
    failure: failureOf(result, context.projectDir),
  }
}
