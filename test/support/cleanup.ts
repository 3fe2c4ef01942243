// What a test starts (databases, servers, sessions, folders) it also stops, passed or failed: each
// cleanup runs when the test ends, the last registered first.
import { onTestFinished } from 'vitest'

export function cleanUp(...cleanups: (() => unknown)[]): void {
  for (const cleanup of cleanups) onTestFinished(async () => void (await cleanup()))
}
