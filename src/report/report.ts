// Pure rendering of a result: action outputs, the job summary and annotations — one function of the
// result, computed once the run has ended.
import type { RollbackResult, StepReport, VersionOf } from '../result.js'
import { countText } from '../data-loss.js'
import { destructiveStatements } from '../sql/destructive.js'
import type { ReportAnnotation } from './annotations.js'
import { capAnnotations } from './annotations.js'
import { workspacePath } from './markdown.js'
import type { DataLoss } from './summary.js'
import { buildSummary, lossText } from './summary.js'

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

function failureMessageOf(result: RollbackResult): string | undefined {
  if (result.status !== 'failed') return undefined
  if (result.failure) return result.failure.message
  const { problems } = result
  if (problems.length === 1) return problems[0]!.message
  return `Pre-flight found ${problems.length} problems; nothing was changed: ${problems.map((p) => p.message).join('; ')}`
}

function annotationsOf(
  result: RollbackResult,
  losses: readonly DataLoss[],
  projectDir: string,
): ReportAnnotation[] {
  const annotations: ReportAnnotation[] = result.problems.map((problem) => ({
    level: 'error',
    message: problem.message,
    file: workspacePath(projectDir, problem.file),
  }))
  const dryRun = result.status === 'dry-run'
  // An emptied table or column loses nothing: only what holds data (or was not measured) is annotated.
  for (const d of losses.filter((l) => l.count !== 0)) {
    const counted = countText(d, d.count ?? null)
    const message = `Data loss: ${d.version} ${lossText(d)}${counted ? `: ${counted}` : ''}${dryRun ? ' (would run)' : ''}`
    annotations.push({ level: 'notice', message, file: d.file, line: d.line })
  }
  const { failure } = result
  if (failure) {
    const file = workspacePath(projectDir, failure.file)
    annotations.push({ level: 'error', message: failure.message, file, line: failure.line })
  }
  return annotations
}

export function buildReport(result: RollbackResult, context: ReportContext): Report {
  const reported = reportedVersions(result)
  const versions = reported.map((v) => v.version)
  const losses = dataLoss(result, context.projectDir)
  const failureMessage = failureMessageOf(result)
  const annotations = annotationsOf(result, losses, context.projectDir)
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
    // setFailed repeats the failure as an error annotation of its own; plan notes were logged as notices.
    annotations: capAnnotations(
      annotations.filter((a) => a.file || a.message !== failureMessage),
      { error: failureMessage ? 1 : 0, notice: result.notes.length },
    ),
    failureMessage,
  }
}
