// Annotations as GitHub shows them: at most ANNOTATIONS_PER_LEVEL of each level per step.

export interface ReportAnnotation {
  readonly level: 'error' | 'warning' | 'notice'
  readonly message: string
  /** Workspace-relative. */
  readonly file?: string
  readonly line?: number
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
