// Read-only view of a project's files, so the same loaders work on the workspace and on a git
// commit (the stable ref) without checking anything out.
import { lstatSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { RollbackError } from '../errors.js'

export interface ProjectFiles {
  /** Human-readable origin used in messages, e.g. "workspace" or "commit 1a2b3c4". */
  readonly origin: string
  /** Every regular file under `dir` (relative to the project root, '/'-separated), sorted; [] when `dir` is absent. */
  listFiles(dir: string): Promise<string[]>
  /** The file's text, or undefined when it does not exist. `path` is relative to the project root. */
  readText(path: string): Promise<string | undefined>
}

/** The largest file, in bytes, read for each kind of project file; a bigger one is refused unread. */
export interface FileSizeLimits {
  /** Migrations (.sql). */
  readonly sql: number
  /** Everything else: config.yaml, .env, metadata YAML/JSON and GraphQL SDL. */
  readonly other: number
}

const MiB = 1024 * 1024

// Far above any real project, far below what breaks us: a down.sql is sent whole (one query, or JSON
// inside one run_sql body: up to twice its size again), and data-migration downs with large INSERTs
// exist, so SQL gets 64 MiB. YAML, .env and SDL are parsed into trees many times their text size and
// the largest real metadata directories are a few MiB, so 16 MiB. Both stay far below V8's ~512 MiB
// string limit, which would otherwise fail with an unhelpful "Invalid string length".
export const DEFAULT_FILE_SIZE_LIMITS: FileSizeLimits = Object.freeze({ sql: 64 * MiB, other: 16 * MiB })

/** Throws when `size` exceeds the limit for `path`'s kind: one line naming the file, its size and the limit. */
export function checkFileSize(
  path: string,
  size: number,
  where: { origin: string; limits: FileSizeLimits; file?: string },
): void {
  const sql = path.toLowerCase().endsWith('.sql')
  const limit = sql ? where.limits.sql : where.limits.other
  if (size <= limit) return
  throw new RollbackError(
    `${path} (${where.origin}) is ${formatSize(size)}${size >= 1024 ? ` (${size} bytes)` : ''}, over the ${formatSize(limit)} limit for ${sql ? 'SQL' : 'YAML, GraphQL and .env'} files: refused without reading it`,
    { file: where.file },
  )
}

function formatSize(bytes: number): string {
  if (bytes >= MiB) return `${+(bytes / MiB).toFixed(1)} MiB`
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`
  return `${bytes} bytes`
}

/** Files of a project directory on disk. Symlinks are not followed (see issue: hardening). */
export function workspaceFiles(
  projectDir: string,
  limits: FileSizeLimits = DEFAULT_FILE_SIZE_LIMITS,
): ProjectFiles {
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
      // Synchronous on purpose, like listFiles: the files are small and many (1,000 downs), and a
      // promise round trip per file cost several times the read itself.
      try {
        const stats = lstatSync(abs)
        if (!stats.isFile()) return undefined
        checkFileSize(path, stats.size, { origin: 'workspace', limits, file: path })
        return readFileSync(abs, 'utf8')
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
