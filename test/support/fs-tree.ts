// Fixture folders from object literals: { 'migrations/1_a/up.sql': 'CREATE TABLE a ();' }, and the
// files of a folder on disk (real-world testdata) read back the same way.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, relative, sep } from 'node:path'
import { cleanUp } from './cleanup.js'

/** '/'-separated relative path → file content. */
export type FileTree = Readonly<Record<string, string>>

/** Writes every file of `tree` under `dir`, creating folders as needed. */
export async function writeTree(dir: string, tree: FileTree): Promise<void> {
  for (const [path, content] of Object.entries(tree)) {
    const target = join(dir, ...path.split('/'))
    await mkdir(dirname(target), { recursive: true })
    await writeFile(target, content)
  }
}

/** A fresh temporary directory holding `tree`; remove it with `removeTree`. */
export async function makeTempTree(tree: FileTree, prefix = 'hasura-rollback-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  await writeTree(dir, tree)
  return dir
}

export async function removeTree(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
}

// Temp folders that outlive one test — git repositories, a workspace the tests of a file share, the
// action's RUNNER_TEMP that a test reads after the run — removed after a test file's last test by
// test/support/after-each-file.ts (a vitest setup file); a script outside vitest calls removeScratch.
const scratch: string[] = []

/** `dir`, removed once the test file (or the script) is done with it. */
export function removeAfterFile(dir: string): string {
  scratch.push(dir)
  return dir
}

export async function removeScratch(): Promise<void> {
  await Promise.all(scratch.splice(0).map(removeTree))
}

/** A fresh temporary directory holding `tree`, removed when the running test ends. */
export async function makeTestTree(tree: FileTree): Promise<string> {
  const dir = await makeTempTree(tree)
  cleanUp(() => removeTree(dir))
  return dir
}

/** Every file under `dir`, as its full path, each folder's files before the next entry. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

/** Every file under `dir` with its text, keyed by '/'-separated path relative to `dir`, as writeTree takes it. */
export function readTree(dir: string): FileTree {
  return Object.fromEntries(
    filesUnder(dir).map((path) => [relative(dir, path).split(sep).join('/'), readFileSync(path, 'utf8')]),
  )
}
