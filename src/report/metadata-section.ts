// The metadata part of the summary: the ref, what it changes, Hasura's consistency verdict, the backup
// and the command that puts the backup back.
import { describeInconsistency } from '../metadata/apply.js'
import type { MetadataReport, RollbackResult } from '../result.js'
import { code, escapeHtml, escapeText, fenced } from './markdown.js'

/** The restore command in a block, and what it needs where it runs. */
export function restoreBlock(m: MetadataReport): string[] {
  if (!m.restoreCommand) return []
  return [
    fenced(m.restoreCommand, 'sh'),
    '',
    'It needs `HASURA_GRAPHQL_ENDPOINT` and `HASURA_GRAPHQL_ADMIN_SECRET` exported, and bash and curl. ' +
      'The runner deletes the backup when the job ends: run it in a later step of this job, or change the path ' +
      "to the file downloaded from the run's artifacts (the examples upload it as `hasura-metadata-backup`).",
  ]
}

function appliedLine(result: RollbackResult, m: MetadataReport): string {
  if (m.applied) return 'Applied'
  if (m.outcomeUnknown) return 'Replaced without an answer from Hasura: it may or may not be applied'
  return result.status === 'dry-run' ? 'Would be applied (dry run)' : 'Not applied'
}

function consistencyLines(m: MetadataReport): string[] {
  const inconsistent = m.inconsistentObjects
  if (!m.applied) {
    if (!inconsistent?.length) return []
    return [
      `- Refused by Hasura as inconsistent: ${inconsistent.length} object(s)`,
      ...inconsistent.map((o) => `  - ${escapeText(describeInconsistency(o))}`),
    ]
  }
  if (!inconsistent) return ["- Consistency: unknown (Hasura's check could not be read)"]
  if (inconsistent.length === 0) return ['- Consistency: Hasura reports no inconsistent object']
  return [
    `- Inconsistent objects: ${inconsistent.length}`,
    ...inconsistent.map((o) => `  - ${escapeText(describeInconsistency(o))}`),
  ]
}

/** `restoreIsNext`: the restore command is shown open under "What to do", so not folded here. */
export function metadataSection(result: RollbackResult, restoreIsNext: boolean): string[] {
  const m = result.metadata
  if (!m) return []
  const lines = [
    '### Metadata',
    '',
    `- Ref: ${code(m.ref)} → ${code(m.sha)} (${escapeText(m.subject)})`,
    `- ${appliedLine(result, m)}`,
    `- Changes against the metadata Hasura served: ${m.changes.length === 0 ? 'none' : m.changes.length}`,
    ...(m.backupPath
      ? [`- Backup of the metadata Hasura served before this run: ${code(m.backupPath)}`]
      : []),
    ...consistencyLines(m),
  ]
  if (m.changes.length > 0) {
    lines.push('', '<details><summary>What the metadata of the ref changes</summary>', '')
    for (const c of m.changes) lines.push(`- ${c.kind}: ${escapeText(c.what)}`)
    lines.push('', '</details>')
  }
  if (m.uncheckedByGuard.length > 0) {
    const heading = `${m.uncheckedByGuard.length} object(s) the guard cannot check, left to Hasura's consistency check`
    lines.push('', `<details><summary>${escapeHtml(heading)}</summary>`, '')
    for (const u of m.uncheckedByGuard)
      lines.push(`- database ${escapeText(u.database)}: ${escapeText(u.what)}`)
    lines.push('', '</details>')
  }
  if (!restoreIsNext && (m.applied || m.outcomeUnknown) && m.restoreCommand) {
    lines.push('', '<details><summary>Restore the metadata from the backup</summary>', '')
    lines.push(...restoreBlock(m), '', '</details>')
  }
  return [...lines, '']
}
