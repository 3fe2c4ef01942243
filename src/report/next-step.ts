// The one thing to do after a run, said right after the state: where a failed run failed (file, line,
// the statement), what finishes a run that changed part of what it meant to, how to apply a dry run.
import type { RollbackResult } from '../result.js'
import { restoreBlock } from './metadata-section.js'
import { code, escapeText, fenced, workspacePath } from './markdown.js'
import { metadataName } from './state.js'
import { statementAt } from './steps.js'

/** Pre-flight problems listed open; the rest are folded (GitHub shows few annotations anyway). */
const PROBLEMS_SHOWN_OPEN = 10

/** The restore of the backup is the next step: the metadata applied, and Hasura says it is inconsistent. */
export function restoreIsNext(result: RollbackResult): boolean {
  const m = result.metadata
  return result.status === 'failed' && m?.applied === true && (m.inconsistentObjects?.length ?? 0) > 0
}

/** What to do after the run: a line for a run that went as asked, a section for one that failed. */
export function nextStep(result: RollbackResult, projectDir: string): string[] {
  switch (result.status) {
    case 'rolled-back':
      return [
        '**Next:** revert or fix the bad commit on the branch you deploy from: until then, the next push deploys it again.',
        '',
      ]
    case 'dry-run':
      return [`**To apply it:** ${applyDryRun(result)}`, '']
    case 'nothing-to-roll-back':
      return []
    case 'failed':
      return ['### What to do', '', ...failedNextStep(result, projectDir), '']
  }
}

function applyDryRun(result: RollbackResult): string {
  const count = result.steps.length
  const m = result.metadata
  const does = [
    count > 0 ? `rolls back these ${count} migration(s)` : '',
    m ? `applies ${metadataName(m)}` : '',
  ].filter(Boolean)
  const rerun = `run the workflow again with ${code('dry-run: false')} and the same other inputs`
  return does.length > 0 ? `${rerun}: it ${does.join(' and ')}.` : `${rerun}.`
}

function failedNextStep(result: RollbackResult, projectDir: string): string[] {
  const m = result.metadata
  const error = result.failure ? ['', `**Error:** ${escapeText(result.failure.message)}`] : []
  if (result.failure?.outcomeUnknown) {
    const status = code('hasura migrate status')
    const where = result.configVersion === 3 ? status : `${status} or hdb\\_catalog.schema\\_migrations`
    return [
      `Check the migration state (${where}) to see whether the versions below are still applied, then re-run this job: it reverts only what is still applied.`,
      ...error,
    ]
  }
  if (m && restoreIsNext(result)) {
    return [
      'Fix the inconsistent objects listed under Metadata (Hasura console: Settings > Metadata Status), or put back the metadata Hasura served before this run' +
        (m.restoreCommand ? ':' : ', from the backup named under Metadata.'),
      '',
      ...restoreBlock(m),
      ...error,
    ]
  }
  if (m && !m.applied && (m.inconsistentObjects?.length ?? 0) > 0) {
    const rerun = result.committed ? `: it reverts nothing already reverted and ${whatIsLeft(result)}` : ''
    return [
      `Hasura refused ${metadataName(m)} as inconsistent with the databases (the objects are listed under Metadata). ` +
        `Fix what they name, or choose another ${code('ref')}, then re-run this job${rerun}.`,
      ...error,
    ]
  }
  if (result.committed || m?.applied || m?.outcomeUnknown) {
    return [
      `**Re-run this job** to finish: it reverts nothing already reverted and ${whatIsLeft(result)} (if a deploy step in the job re-applies the migrations first, it rolls them back again).`,
      ...error,
    ]
  }
  if (result.problems.length > 0) return problemList(result, projectDir)
  return [...locatedFailure(result, projectDir), ...error]
}

/** What a re-run of a run that changed part of what it meant to does. */
function whatIsLeft(result: RollbackResult): string {
  const m = result.metadata
  const left = [
    result.databases.some((d) => d.stateWrite === 'failed') ? 'finishes the catalog state write' : '',
    result.steps.some((s) => s.status !== 'reverted') ? 'rolls back the rest' : '',
    m && !m.applied ? `applies ${metadataName(m)}` : '',
    m?.applied ? `re-applies ${metadataName(m)} and checks its consistency` : '',
  ].filter(Boolean)
  return left.length > 0 ? left.join(', then ') : 'does what is left'
}

/** "Fix file:line" with the statement that failed, open; or "fix the cause" when no file is at fault. */
function locatedFailure(result: RollbackResult, projectDir: string): string[] {
  const failure = result.failure
  const file = workspacePath(projectDir, failure?.file)
  if (!failure || !file) return ['Fix the cause below, then re-run this workflow.']
  const place = code(failure.line ? `${file}:${failure.line}` : file)
  const step = result.steps.find(
    (s) => s.down.path === failure.file && (failure.version ?? s.version) === s.version,
  )
  const statement = step && failure.line ? statementAt(step.down, failure.line) : undefined
  const of = step ? ` (the down of ${step.version} ${escapeText(step.name)})` : ''
  if (!statement) return [`Fix ${place}${of}, then re-run this workflow.`]
  const lines =
    statement.from === statement.to ? `line ${statement.from}` : `lines ${statement.from}–${statement.to}`
  return [
    `Fix ${place}${of}, then re-run this workflow. The statement that failed, ${lines}:`,
    '',
    fenced(statement.text, 'sql'),
  ]
}

function problemList(result: RollbackResult, projectDir: string): string[] {
  const { problems } = result
  const items = problems.map((p) => {
    const file = workspacePath(projectDir, p.file)
    return `- ${escapeText(p.message)}${file ? ` (${code(file)})` : ''}`
  })
  const intro = `Pre-flight refused the rollback. Fix ${problems.length === 1 ? 'this problem' : `these ${problems.length} problems`}, then re-run this workflow:`
  if (items.length <= PROBLEMS_SHOWN_OPEN) return [intro, '', ...items]
  const more = items.length - PROBLEMS_SHOWN_OPEN
  return [
    intro,
    '',
    ...items.slice(0, PROBLEMS_SHOWN_OPEN),
    '',
    `<details><summary>${more} more problems</summary>`,
    '',
    ...items.slice(PROBLEMS_SHOWN_OPEN),
    '',
    '</details>',
  ]
}
