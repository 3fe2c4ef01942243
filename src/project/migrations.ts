// Migrations on disk, found the way the Hasura CLI's file source finds them (cli/migrate/source/file
// Scan + source.Parse): each top-level entry of the migrations directory is either a flat file
// `<version>_<name>.{up|down}.<ext>` or a folder `<version>_<name>/` whose files are matched as
// `<folder>.<file>`, so `1700_x/down.sql` reads as `1700_x.down.sql`. Deeper files are not looked at.
import { RollbackError } from '../errors.js'
import { hasStatements } from '../sql/statements.js'
import type { ProjectFiles } from './files.js'

export interface Migration {
  /** Canonical decimal string of the uint64 version ('0001' → '1'); never a JS number. */
  version: string
  /** What follows `<version>_` ('' when nothing does). */
  name: string
  /** Project-relative path of the up .sql file, when one exists (even zero-byte). */
  upFile: string | undefined
  /** Project-relative path of the down .sql file, when one exists (even zero-byte). */
  downFile: string | undefined
}

export type DownVerdict = 'runnable' | 'missing' | 'empty' | 'placeholder'

export interface DownFile {
  /** Project-relative path; '' when the migration has no down file. */
  path: string
  sql: string
  verdict: DownVerdict
  /** First line is `-- hasura:no-transaction`: the CLI runs this file outside a transaction. */
  noTransaction: boolean
}

// cli/migrate/source/parse.go: version digits, '_', identifier, direction, extension.
const MIGRATION_FILE = /^([0-9]+)_(.*)\.(down|up)\.(.*)$/
const MAX_VERSION = 2n ** 64n - 1n
const NO_TRANSACTION_MARKER = '-- hasura:no-transaction'

interface Found {
  version: string
  name: string | undefined
  up: string | undefined
  down: string | undefined
  // Name from a YAML file, used only when no .sql file names the migration.
  yamlName: string | undefined
}

/**
 * Every migration under `migrationsDirectory`, ascending by version. Lists files only; nothing is read.
 * A version exists when a `.sql` or `.yaml` file names it; only `.sql` files are runnable (config v2
 * ignores up.yaml/down.yaml). Files that do not match the CLI's pattern (README, .gitkeep) are ignored.
 * Throws RollbackError for a version above 2^64-1 or two files of one version and direction.
 */
export async function scanMigrations(files: ProjectFiles, migrationsDirectory: string): Promise<Migration[]> {
  const directory = migrationsDirectory.replace(/^(\.\/)+/, '').replace(/\/+$/, '')
  const prefix = directory === '' || directory === '.' ? '' : `${directory}/`
  const byVersion = new Map<string, Found>()
  for (const path of await files.listFiles(directory)) {
    if (!path.startsWith(prefix)) continue
    const parts = path.slice(prefix.length).split('/')
    if (parts.length > 2) continue
    const match = MIGRATION_FILE.exec(parts.join('.'))
    if (match === null) continue
    const [, digits = '', name = '', direction, extension] = match
    if (extension !== 'sql' && extension !== 'yaml') continue
    const version = parseVersion(digits, path)
    let found = byVersion.get(version)
    if (found === undefined) {
      found = { version, name: undefined, up: undefined, down: undefined, yamlName: undefined }
      byVersion.set(version, found)
    }
    if (extension === 'yaml') {
      found.yamlName ??= name
      continue
    }
    const side = direction === 'up' ? 'up' : 'down'
    const existing = found[side]
    if (existing !== undefined) {
      throw new RollbackError(
        `two ${side} migrations for version ${version}: ${existing} and ${path}; keep one of them`,
        { file: path },
      )
    }
    found[side] = path
    if (side === 'up' || found.name === undefined) found.name = name
  }
  return [...byVersion.values()]
    .sort((a, b) => compareVersions(a.version, b.version))
    .map((found) => ({
      version: found.version,
      name: found.name ?? found.yamlName ?? '',
      upFile: found.up,
      downFile: found.down,
    }))
}

function parseVersion(digits: string, path: string): string {
  const version = BigInt(digits)
  if (version > MAX_VERSION) {
    throw new RollbackError(
      `migration version ${digits} in ${path} is larger than 18446744073709551615, the largest the Hasura CLI accepts`,
      { file: path },
    )
  }
  return version.toString()
}

/** The migration's down file and whether running it would do anything. */
export async function readDown(files: ProjectFiles, migration: Migration): Promise<DownFile> {
  if (migration.downFile === undefined) return { path: '', sql: '', verdict: 'missing', noTransaction: false }
  const sql = await files.readText(migration.downFile)
  if (sql === undefined)
    return { path: migration.downFile, sql: '', verdict: 'missing', noTransaction: false }
  return {
    path: migration.downFile,
    sql,
    verdict: downVerdict(sql),
    noTransaction: hasNoTransactionMarker(sql),
  }
}

/** How many downs are read between two turns of the event loop (readDowns, readDownsUntil). */
const READS_PER_TURN = 20

/** Lets the event loop handle what arrived (database replies) before reading on. */
const nextTurn = () => new Promise((resume) => setImmediate(resume))

/** The downs of `versions` that have files on disk, taking those in `prefetched` as read. */
export async function readDowns(
  files: ProjectFiles,
  migrations: readonly Migration[],
  versions: readonly string[],
  prefetched: ReadonlyMap<string, DownFile> = new Map(),
): Promise<Map<string, DownFile>> {
  const byVersion = new Map(migrations.map((m) => [m.version, m]))
  const downs = new Map<string, DownFile>()
  // One after another: workspace reads are synchronous (files.ts), a pool would gain nothing. A turn
  // of the event loop now and then lets the database session move on meanwhile (lock, BEGIN).
  let read = 0
  for (const version of versions) {
    const migration = byVersion.get(version)
    if (!migration) continue
    const known = prefetched.get(version)
    downs.set(version, known ?? (await readDown(files, migration)))
    if (!known && ++read % READS_PER_TURN === 0) await nextTurn()
  }
  return downs
}

/**
 * Downs of `migrations` (those the rollback will likely select) read while `pending` (the connection
 * and the state read) is under way, highest version first. Its round trips would otherwise keep
 * pre-flight waiting with nothing to do (1,000 downs: ~6 ms). A few reads, then a turn of the event
 * loop so the replies are handled; stops as soon as `pending` settles. A down that cannot be read is
 * left to pre-flight, which reads what it needs again and reports it there.
 */
export async function readDownsUntil(
  pending: Promise<unknown>,
  files: ProjectFiles,
  migrations: readonly Migration[],
): Promise<Map<string, DownFile>> {
  let settled = false
  const settle = () => (settled = true)
  pending.then(settle, settle)
  const downs = new Map<string, DownFile>()
  let next = migrations.length - 1
  while (!settled && next >= 0) {
    for (const end = Math.max(-1, next - READS_PER_TURN); next > end && !settled; next--) {
      const migration = migrations[next]!
      const down = await readDown(files, migration).catch(() => undefined)
      if (down) downs.set(migration.version, down)
    }
    await nextTurn()
  }
  return downs
}

// The CLI compares the first line with surrounding whitespace (and a CRLF's '\r') trimmed.
function hasNoTransactionMarker(sql: string): boolean {
  const newline = sql.indexOf('\n')
  return (newline === -1 ? sql : sql.slice(0, newline)).trim() === NO_TRANSACTION_MARKER
}

/**
 * 'empty' when the text is zero bytes or whitespace; 'placeholder' when nothing but comments and stray
 * ';' remain — the Console's "Could not auto-generate a down migration" file, which runs without
 * doing anything; else 'runnable'. The SQL lexer decides, as Postgres would.
 */
export function downVerdict(sql: string): Exclude<DownVerdict, 'missing'> {
  if (sql.trim() === '') return 'empty'
  return hasStatements(sql) ? 'runnable' : 'placeholder'
}

/** Orders decimal version strings numerically without converting them to JS numbers. */
export function compareVersions(a: string, b: string): number {
  const left = a.replace(/^0+(?=\d)/, '')
  const right = b.replace(/^0+(?=\d)/, '')
  if (left.length !== right.length) return left.length - right.length
  return left < right ? -1 : left > right ? 1 : 0
}
