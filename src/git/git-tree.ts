// ProjectFiles read from a git commit with ls-tree and cat-file: nothing is checked out, so the
// workspace, index and HEAD stay as they are. One ls-tree per listed directory (cached); reads that
// arrive together share one ls-tree lookup and one `cat-file --batch`. `ls-tree --long` gives each
// blob's size, so a huge file is refused before cat-file loads it into memory.
import { posix } from 'node:path'
import { RollbackError } from '../errors.js'
import { gitFailure, type RunGit } from './git-run.js'
import type { FileSizeLimits, ProjectFiles } from '../project/files.js'
import { checkFileSize, DEFAULT_FILE_SIZE_LIMITS } from '../project/files.js'

interface TreeEntry {
  mode: string
  type: string
  oid: string
  /** Bytes of a blob; NaN for trees and submodules ('-' in ls-tree --long). */
  size: number
}

/** Entries keyed by their path from the repository top level. */
type TreeEntries = Map<string, TreeEntry>

// Symlinks (120000) and submodules (160000) are not files of the project.
const regularFileModes = new Set(['100644', '100755'])
// Keeps each command line far below the OS argument limit.
const maxPathsPerCommand = 500

/** `prefix` is the project directory from the repository top level, '' for the top level itself. */
export function gitTreeFiles(
  runGit: RunGit,
  sha: string,
  prefix: string,
  limits: FileSizeLimits = DEFAULT_FILE_SIZE_LIMITS,
): ProjectFiles {
  const origin = `commit ${sha.slice(0, 7)}`
  const listings = new Map<string, Promise<TreeEntries>>()

  async function lsTree(args: string[]): Promise<TreeEntries> {
    // Literal pathspecs: a file named `*.yaml` must not match every YAML file.
    const result = await runGit(['--literal-pathspecs', 'ls-tree', '-z', '--long', '--full-tree', ...args])
    if (result.exitCode !== 0) {
      throw new RollbackError(`cannot read the files of ${origin}: ${gitFailure(result.stderr)}`)
    }
    return parseLsTree(result.stdout)
  }

  /** The path from the repository top level, or undefined when it leaves the project directory. */
  function repositoryPath(path: string): string | undefined {
    const full = posix.normalize(posix.join(prefix, path)).replace(/\/$/, '')
    if (full === '.') return prefix === '' ? '' : undefined
    if (prefix === '' || full === prefix) return full.startsWith('../') || full === '..' ? undefined : full
    return full.startsWith(`${prefix}/`) ? full : undefined
  }

  function projectPath(full: string): string {
    return prefix === '' ? full : full.slice(prefix.length + 1)
  }

  function listing(fullDir: string): Promise<TreeEntries> {
    let entries = listings.get(fullDir)
    if (!entries) {
      // The trailing slash matches a directory only: listing a file gives [], as on disk.
      entries = lsTree(['-r', sha, '--', ...(fullDir === '' ? [] : [`${fullDir}/`])])
      listings.set(fullDir, entries)
    }
    return entries
  }

  const lookUpEntry = batched(async (paths: string[]) => {
    const found: TreeEntries = new Map()
    for (const chunk of chunks(paths, maxPathsPerCommand)) {
      for (const [path, entry] of await lsTree([sha, '--', ...chunk])) found.set(path, entry)
    }
    return found
  })

  const readBlob = batched(async (oids: string[]) => {
    const result = await runGit(['cat-file', '--batch'], {
      input: Buffer.from(oids.map((oid) => `${oid}\n`).join('')),
      bytes: true,
    })
    if (result.exitCode !== 0) {
      throw new RollbackError(`cannot read the files of ${origin}: ${gitFailure(result.stderr)}`)
    }
    return parseCatFileBatch(result.stdoutBytes)
  })

  async function entryAt(full: string): Promise<TreeEntry | undefined> {
    // A directory listed already answers without another command.
    for (const [dir, entries] of listings) {
      if (dir === '' || full.startsWith(`${dir}/`)) return (await entries).get(full)
    }
    return lookUpEntry(full)
  }

  return {
    origin,
    async listFiles(dir) {
      const fullDir = repositoryPath(dir)
      if (fullDir === undefined) return []
      const files: string[] = []
      for (const [full, entry] of await listing(fullDir)) {
        if (regularFileModes.has(entry.mode)) files.push(projectPath(full))
      }
      return files.sort()
    },
    async readText(path) {
      const full = repositoryPath(path)
      if (!full) return undefined
      const entry = await entryAt(full)
      if (!entry || entry.type !== 'blob' || !regularFileModes.has(entry.mode)) return undefined
      checkFileSize(path, entry.size, { origin, limits })
      const text = await readBlob(entry.oid)
      if (text === undefined)
        throw new RollbackError(`cannot read ${path} at ${origin}: git object ${entry.oid} is missing`)
      return text
    },
  }
}

function parseLsTree(stdout: string): TreeEntries {
  const entries: TreeEntries = new Map()
  for (const record of stdout.split('\0')) {
    const tab = record.indexOf('\t')
    if (tab < 0) continue
    // `<mode> <type> <oid> <size>`, the size right-aligned with spaces.
    const [mode = '', type = '', oid = '', size = ''] = record.slice(0, tab).split(' ').filter(Boolean)
    entries.set(record.slice(tab + 1), { mode, type, oid, size: Number(size) })
  }
  return entries
}

/** `cat-file --batch` output: per object `<oid> <type> <size>\n<bytes>\n`, or `<oid> missing\n`. */
function parseCatFileBatch(output: Buffer): Map<string, string> {
  const texts = new Map<string, string>()
  let offset = 0
  while (offset < output.length) {
    const endOfHeader = output.indexOf(0x0a, offset)
    if (endOfHeader < 0) break
    const [oid = '', type = '', size = ''] = output.toString('utf8', offset, endOfHeader).split(' ')
    offset = endOfHeader + 1
    if (type === 'missing' || size === '') continue
    const end = offset + Number(size)
    texts.set(oid, output.toString('utf8', offset, end))
    offset = end + 1
  }
  return texts
}

/**
 * Collects the keys asked for until the event loop turns (callers awaiting together, as with
 * Promise.all), then loads them with one call.
 */
function batched<V>(
  loadMany: (keys: string[]) => Promise<Map<string, V>>,
): (key: string) => Promise<V | undefined> {
  let pending: { keys: Set<string>; loaded: Promise<Map<string, V>> } | undefined
  return (key) => {
    if (!pending) {
      const keys = new Set<string>()
      const loaded = new Promise((resolve) => setImmediate(resolve)).then(() => {
        pending = undefined
        return loadMany([...keys])
      })
      pending = { keys, loaded }
    }
    pending.keys.add(key)
    return pending.loaded.then((values) => values.get(key))
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = []
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size))
  return result
}
