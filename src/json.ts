// Narrowing for values parsed from JSON or YAML, whose shape is not known until checked.

/** A plain object (a JSON object or YAML mapping): not null, not a list. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
