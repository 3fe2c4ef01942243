// Read-only view of a project's files, so the same loaders work on the workspace and on a git
// commit (the stable ref) without checking anything out.
import { readdirSync } from 'node:fs'
import { lstat, readFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'

export interface ProjectFiles {
  /** Human-readable origin used in messages, e.g. "workspace" or "commit 1a2b3c4". */
  readonly origin: string
  /** Every regular file under `dir` (relative to the project root, '/'-separated), sorted; [] when `dir` is absent. */
  listFiles(dir: string): Promise<string[]>
  /** The file's text, or undefined when it does not exist. `path` is relative to the project root. */
  readText(path: string): Promise<string | undefined>
}

/** Files of a project directory on disk. Symlinks are not followed (see issue: hardening). */
export function workspaceFiles(projectDir: string): ProjectFiles {
  return {
    origin: 'workspace',
    async listFiles(dir) {
      const root = join(projectDir, dir)
      const found: string[] = []
      // Synchronous on purpose: one awaited readdir per folder made 10,000 migration folders take
      // ~0.9 s, a concurrent walk ~0.4 s (promises and GC), this ~0.2 s. Not readdir's `recursive`
      // option: Node 24 follows directory symlinks with it.
      function walk(abs: string, rel: string): void {
        let entries
        try {
          entries = readdirSync(abs, { withFileTypes: true })
        } catch (error) {
          if (isNotFound(error)) return
          throw error
        }
        for (const entry of entries) {
          const path = rel === '' ? entry.name : `${rel}/${entry.name}`
          if (entry.isDirectory()) walk(join(abs, entry.name), path)
          else if (entry.isFile()) found.push(path)
        }
      }
      walk(root, relative(projectDir, root).split(sep).join('/'))
      return found.sort()
    },
    async readText(path) {
      const abs = join(projectDir, path)
      try {
        if (!(await lstat(abs)).isFile()) return undefined
        return await readFile(abs, 'utf8')
      } catch (error) {
        if (isNotFound(error)) return undefined
        throw error
      }
    },
  }
}

export function isNotFound(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  return code === 'ENOENT' || code === 'ENOTDIR'
}
