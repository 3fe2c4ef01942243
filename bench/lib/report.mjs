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

/**
 * numerator / denominator. Each round runs every contender once, back to back, so the ratio is taken
 * round by round: the median of those ratios, and their range, which shows the machine's noise. Runs
 * that failed leave the rounds unpaired: then the ratio of the medians.
 */
export function ratio(numerator, denominator) {
  if (!Array.isArray(numerator) || !Array.isArray(denominator)) return 'n/a'
  if (numerator.length !== denominator.length)
    return `${(median(numerator) / median(denominator)).toFixed(2)}×`
  const each = numerator.map((n, i) => n / denominator[i])
  const range = each.length > 1 ? ` (${Math.min(...each).toFixed(2)}–${Math.max(...each).toFixed(2)})` : ''
  return `${median(each).toFixed(2)}×${range}`
}

export function markdownTable(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}
