/** Where the core reports progress; main.ts backs it with @actions/core, tests with a recorder. */
export interface Annotation {
  /** Workspace-relative file. */
  readonly file?: string
  readonly line?: number
  readonly title?: string
}

export interface Log {
  info(line: string): void
  notice(message: string, annotation?: Annotation): void
  warning(message: string, annotation?: Annotation): void
  error(message: string, annotation?: Annotation): void
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
}
