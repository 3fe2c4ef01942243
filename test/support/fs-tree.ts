// Fixture folders from object literals: { 'migrations/1_a/up.sql': 'CREATE TABLE a ();' }.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

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
