/**
 * An error the user can act on: `message` is one line naming the input, file, version or object at
 * fault. `file`/`line` place the annotation. Anything else reaching main.ts is a bug or an I/O failure.
 */
export class RollbackError extends Error {
  readonly file: string | undefined
  readonly line: number | undefined
  /** The request or COMMIT got no answer: what it would have changed may or may not have happened. */
  readonly outcomeUnknown: boolean

  constructor(
    message: string,
    options: { file?: string; line?: number; cause?: unknown; outcomeUnknown?: boolean } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'RollbackError'
    this.file = options.file
    this.line = options.line
    this.outcomeUnknown = options.outcomeUnknown ?? false
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
