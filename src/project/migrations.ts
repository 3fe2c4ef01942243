// Migrations on disk, found the way the Hasura CLI's file source finds them (cli/migrate/source/file
// Scan + source.Parse): each top-level entry of the migrations directory is either a flat file
// `<version>_<name>.{up|down}.<ext>` or a folder `<version>_<name>/` whose files are matched as
// `<folder>.<file>`, so `1700_x/down.sql` reads as `1700_x.down.sql`. Deeper files are not looked at.
import { RollbackError } from '../errors.js'
import type { Scan } from '../sql/scan.js'
import { scanStatements } from '../sql/scan.js'
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

/** 'no-op': only comments, not the Console's placeholder: it runs and changes nothing but the state. */
export type DownVerdict = 'runnable' | 'no-op' | 'missing' | 'empty' | 'placeholder'

export interface DownFile {
  /** Project-relative path; '' when the migration has no down file. */
  readonly path: string
  /** The file's text, without a leading byte-order mark. */
  readonly sql: string
  /** `sql` as psql splits it, scanned once. */
  readonly scan: Scan
  readonly verdict: DownVerdict
  /** First line is `-- hasura:no-transaction`: the CLI runs this file outside a transaction. */
  readonly noTransaction: boolean
}

// cli/migrate/source/parse.go: version digits, '_', identifier, direction, extension.
const MIGRATION_FILE = /^([0-9]+)_(.*)\.(down|up)\.(.*)$/
const MAX_VERSION = 2n ** 64n - 1n
const NO_TRANSACTION_MARKER = '-- hasura:no-transaction'
const BYTE_ORDER_MARK = '\ufeff'
// The first comment the Console writes when it cannot generate a down migration.
const CONSOLE_PLACEHOLDER = /^--\s*Could not auto-generate a down migration/i

interface Found {
  version: string
  name: string | undefined
  up: string | undefined
  down: string | undefined
  // Name from a YAML file, used only when no .sql file names the migration.
  yamlName: string | undefined
}

/**
 * Every migration under `migrationsDirectory` (config v2), ascending by version. Lists files only;
 * nothing is read. A version exists when a `.sql` or `.yaml` file names it; only `.sql` files are
 * runnable (up.yaml/down.yaml are ignored). Files that do not match the CLI's pattern (README,
 * .gitkeep) are ignored. Throws RollbackError for a version above 2^64-1 or two files of one version
 * and direction.
 */
export async function scanMigrations(files: ProjectFiles, migrationsDirectory: string): Promise<Migration[]> {
  const directory = plainDirectory(migrationsDirectory)
  return migrationsIn(await files.listFiles(directory), prefixOf(directory))
}

/**
 * Config v3: the migrations of each database folder `<migrationsDirectory>/<database>/`, scanned as in
 * config v2. A version folder or file directly under the migrations directory belongs to no database:
 * a RollbackError naming it.
 */
export async function scanDatabaseMigrations(
  files: ProjectFiles,
  migrationsDirectory: string,
): Promise<Map<string, Migration[]>> {
  const directory = plainDirectory(migrationsDirectory)
  const prefix = prefixOf(directory)
  const paths = await files.listFiles(directory)
  const byDatabase = new Map<string, string[]>()
  for (const path of paths) {
    if (!path.startsWith(prefix)) continue
    const parts = path.slice(prefix.length).split('/')
    const direct = parts.length === 1 ? parts[0]! : parts.length === 2 ? parts.join('.') : ''
    if (MIGRATION_FILE.test(direct)) {
      throw new RollbackError(
        `${path} is a migration directly under ${directory}/: config v3 keeps each database's migrations in ${directory}/<database>/; move it into the folder of its database`,
        { file: path },
      )
    }
    if (parts.length < 2) continue
    const database = parts[0]!
    const inFolder = byDatabase.get(database) ?? []
    inFolder.push(path)
    byDatabase.set(database, inFolder)
  }
  const result = new Map<string, Migration[]>()
  for (const [database, inFolder] of byDatabase) {
    result.set(database, migrationsIn(inFolder, `${prefix}${database}/`))
  }
  return result
}

const plainDirectory = (directory: string): string => directory.replace(/^(\.\/)+/, '').replace(/\/+$/, '')
const prefixOf = (directory: string): string => (directory === '' || directory === '.' ? '' : `${directory}/`)

/** The migrations that `paths` (the files under `prefix`) hold, ascending by version. */
function migrationsIn(paths: readonly string[], prefix: string): Migration[] {
  const byVersion = new Map<string, Found>()
  for (const path of paths) {
    if (!path.startsWith(prefix)) continue
    const parts = path.slice(prefix.length).split('/')
    if (parts.length > 2) continue
    const match = MIGRATION_FILE.exec(parts.join('.'))
    if (match === null) continue
    const [, digits = '', name = '', direction, extension] = match
    if (extension !== 'sql' && extension !== 'yaml') continue
    const version = parseVersion(digits, path)
    const found = byVersion.get(version) ?? {
      version,
      name: undefined,
      up: undefined,
      down: undefined,
      yamlName: undefined,
    }
    byVersion.set(version, found)
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

/** The migration's down file, read and scanned once; what pre-flight, the transports and the report use. */
export async function readDown(files: ProjectFiles, migration: Migration): Promise<DownFile> {
  const text = migration.downFile === undefined ? undefined : await files.readText(migration.downFile)
  if (text === undefined) return { ...downFile(migration.downFile ?? '', ''), verdict: 'missing' }
  return downFile(migration.downFile!, text)
}

/** A down file's text as pre-flight, the transports and the report see it. */
export function downFile(path: string, text: string): DownFile {
  // psql skips a UTF-8 byte-order mark at the start of a file; Postgres would read it as part of a word.
  const sql = text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text
  const scan = scanStatements(sql)
  return { path, sql, scan, verdict: downVerdict(scan), noTransaction: hasNoTransactionMarker(sql) }
}

/** The downs of `versions` that have a migration on disk, read one after another. */
export async function readDowns(
  files: ProjectFiles,
  migrations: readonly Migration[],
  versions: readonly string[],
): Promise<Map<string, DownFile>> {
  const byVersion = new Map(migrations.map((m) => [m.version, m]))
  const downs = new Map<string, DownFile>()
  for (const version of versions) {
    const migration = byVersion.get(version)
    if (migration) downs.set(version, await readDown(files, migration))
  }
  return downs
}

// The CLI compares the first line with surrounding whitespace (and a CRLF's '\r') trimmed.
function hasNoTransactionMarker(sql: string): boolean {
  const newline = sql.indexOf('\n')
  return (newline === -1 ? sql : sql.slice(0, newline)).trim() === NO_TRANSACTION_MARKER
}

/**
 * 'empty' when the text is zero bytes or whitespace. Nothing but comments (and stray ';'): the
 * Console's placeholder when it starts with its "Could not auto-generate a down migration" header —
 * the down still has to be written — else 'no-op', a hand-written "nothing to undo" that the CLI runs
 * as it is. Else 'runnable'. The SQL lexer decides, as Postgres would.
 */
export function downVerdict(scan: Scan): Exclude<DownVerdict, 'missing'> {
  if (scan.text.trim() === '') return 'empty'
  if (scan.statements.length > 0) return 'runnable'
  const first = scan.tokens[0]
  const header = first ? scan.text.slice(first.start, first.end) : ''
  return CONSOLE_PLACEHOLDER.test(header) ? 'placeholder' : 'no-op'
}

/** Orders decimal version strings numerically without converting them to JS numbers. */
export function compareVersions(a: string, b: string): number {
  const left = a.replace(/^0+(?=\d)/, '')
  const right = b.replace(/^0+(?=\d)/, '')
  if (left.length !== right.length) return left.length - right.length
  return left < right ? -1 : left > right ? 1 : 0
}
