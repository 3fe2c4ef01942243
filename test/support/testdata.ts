// Real-world data shared by the team lives beside the repository, in ../shared/testdata (never copied
// into it). Tests that read it skip when it is absent, and the run ends with one line saying so
// (global-setup.ts). When it is present, a file a test names must be there: a skip never hides a
// missing file.
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const testdataDir = resolve(import.meta.dirname, '../../../shared/testdata')

/** Whether ../shared/testdata is there; tests that read it use `describe.skipIf(!hasTestdata)`. */
export const hasTestdata = existsSync(testdataDir)

/** Absolute path of `relative` inside ../shared/testdata; throws when testdata is present but lacks it. */
export function testdataPath(relative: string): string {
  const path = join(testdataDir, relative)
  if (hasTestdata && !existsSync(path))
    throw new Error(`../shared/testdata is present but has no ${relative}`)
  return path
}
