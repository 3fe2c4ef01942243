// Medians, ratios and the Markdown tables printed at the end of a run.

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** A column's cell: the median in ms, or why there is none. */
export function cell(result) {
  if (result === undefined) return 'n/a'
  if (typeof result === 'string') return result
  if (typeof result === 'number') return String(result)
  return `${Math.round(median(result))} ms`
}

export function ratio(numerator, denominator) {
  if (!Array.isArray(numerator) || !Array.isArray(denominator)) return 'n/a'
  return `${(median(numerator) / median(denominator)).toFixed(2)}×`
}

export function markdownTable(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}
