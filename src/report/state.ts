// What a run leaves behind, said first in the summary: what each database has applied now and which
// metadata Hasura serves now (unchanged, the ref's, or unknown).
import type { DatabaseOutcome, MetadataReport, RollbackResult, StepReport } from '../result.js'
import { code, escapeText, versionList } from './markdown.js'

/** "the metadata of `v1.4.0` (`3f2a9c1d0e4b`, Release 1.4)": the ref as given, its commit and subject. */
export function metadataName(m: MetadataReport): string {
  const sha = code(m.sha.slice(0, 12))
  const bySha = m.sha.startsWith(m.ref)
  const about = [bySha ? '' : sha, escapeText(m.subject)].filter(Boolean)
  return `the metadata of ${bySha ? sha : code(m.ref)}${about.length > 0 ? ` (${about.join(', ')})` : ''}`
}

/** The state lines: each database, then the metadata, then what a rolled-back transaction leaves. */
export function stateSection(result: RollbackResult): string[] {
  const lines = [...databaseLines(result), `- **Metadata:** ${metadataState(result)}`]
  if (result.alreadyReverted.length > 0) {
    const versions = versionList(result.alreadyReverted.map((v) => v.version))
    lines.push(
      `- An earlier attempt of this run rolled back ${versions}; this attempt reverted nothing more.`,
    )
  }
  if (sequencesMayHaveMoved(result)) {
    lines.push('- Sequences the downs advanced stay advanced: Postgres does not roll sequences back.')
  }
  return [...lines, '']
}

/** Nothing was changed, yet downs ran and were rolled back (a dry run, a failed transaction). */
function sequencesMayHaveMoved(result: RollbackResult): boolean {
  const m = result.metadata
  const changed = result.committed || m?.applied || m?.outcomeUnknown || result.failure?.outcomeUnknown
  const ran = result.steps.some(
    (s) => s.status === 'rehearsed' || s.status === 'undone' || s.status === 'failed',
  )
  return !changed && ran
}

function databaseLines(result: RollbackResult): string[] {
  const names = [...new Set([...result.steps.map((s) => s.database), ...result.databases.map((d) => d.name)])]
  const committed = (name: string) => result.databases.find((d) => d.name === name)?.committed === true
  if (result.configVersion !== 3 || names.length === 0) {
    const unknown = result.failure?.outcomeUnknown === true && !result.committed
    return [`- **Database:** ${databaseState(result, result.steps, result.databases.at(-1), { unknown })}`]
  }
  // Databases run in plan order: the one whose COMMIT got no answer is the first not committed.
  const running = result.failure?.outcomeUnknown ? names.find((name) => !committed(name)) : undefined
  return names.map((name) => {
    const steps = result.steps.filter((s) => s.database === name)
    const outcome = result.databases.find((d) => d.name === name) ?? { name, committed: false }
    const state = databaseState(result, steps, outcome, { unknown: name === running, v3: true })
    return `- **Database ${escapeText(name)}:** ${state}`
  })
}

const reverted = (steps: readonly StepReport[]) =>
  versionList(steps.filter((s) => s.status === 'reverted').map((s) => s.version))

/** One database's state; `v3` words it as that database's outcome among several. */
function databaseState(
  result: RollbackResult,
  steps: readonly StepReport[],
  outcome: DatabaseOutcome | undefined,
  { unknown, v3 = false }: { unknown: boolean; v3?: boolean },
): string {
  const count = steps.filter((s) => s.status === 'reverted').length
  const committed = v3 ? outcome?.committed === true : result.committed
  if (committed && outcome?.stateWrite === 'failed') {
    return `state write failed: the downs of ${reverted(steps)} were committed, but writing the catalog state through Hasura failed; a re-run finishes it and reverts nothing more.`
  }
  if (committed) {
    return count > 0
      ? `rolled back ${count} migration(s): ${reverted(steps)}.`
      : 'unchanged: no migration to revert.'
  }
  if (unknown) {
    return 'unknown: the rollback may or may not have been committed.'
  }
  if (result.status === 'dry-run') {
    const ran = steps.filter((s) => s.status === 'rehearsed').length
    return ran > 0
      ? `${v3 ? 'rehearsed' : 'unchanged'} (dry run): the downs of ${ran} migration(s) ran and were rolled back.`
      : 'unchanged: no migration to revert.'
  }
  if (result.status !== 'failed' || steps.length === 0) {
    if (result.status === 'nothing-to-roll-back') return 'unchanged: no applied version is selected.'
    return result.status === 'failed' ? 'unchanged: the run stopped before changing anything.' : 'unchanged.'
  }
  const ran = steps.some((s) => s.status === 'undone' || s.status === 'failed')
  const still = `the ${steps.length} selected migration(s) are still applied`
  const verdict = v3 ? 'not rolled back' : 'unchanged'
  return ran ? `${verdict}: the transaction was rolled back, so ${still}.` : `${verdict}: ${still}.`
}

function metadataState(result: RollbackResult): string {
  const m = result.metadata
  if (!m) {
    return result.status === 'failed'
      ? 'unchanged: Hasura serves the metadata it served before this run.'
      : 'unchanged: this run applies no metadata.'
  }
  if (m.outcomeUnknown) {
    return `unknown: Hasura did not answer the replace with ${metadataName(m)}; it may or may not serve it.`
  }
  if (!m.applied) {
    if (result.status === 'dry-run') return `unchanged; the run would apply ${metadataName(m)}.`
    if (m.inconsistentObjects?.length) {
      return `unchanged: Hasura refused ${metadataName(m)} as inconsistent and serves the metadata it served before this run.`
    }
    return `unchanged: Hasura serves the metadata it served before this run${result.committed ? `, not ${metadataName(m)}` : ''}.`
  }
  const inconsistent = m.inconsistentObjects
  if (!inconsistent) {
    return `${metadataName(m)}; its consistency is unknown: Hasura's check could not be read.`
  }
  return inconsistent.length === 0
    ? `${metadataName(m)}; Hasura reports it consistent.`
    : `${metadataName(m)}, which Hasura reports inconsistent: ${inconsistent.length} object(s), listed under Metadata.`
}
