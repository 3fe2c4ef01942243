/** Where the core reports progress; main.ts backs it with @actions/core. */
export interface Log {
  info(line: string): void
  /** A notice annotation: something the user should read, not a failure. */
  notice(message: string): void
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
}
