import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { RollbackError } from '../../src/errors.js'
import { workspaceFiles, type ProjectFiles } from '../../src/project/files.js'
import { scanStatements } from '../../src/sql/scan.js'
import {
  compareVersions,
  downVerdict,
  readDown,
  readDowns,
  scanMigrations,
  type Migration,
} from '../../src/project/migrations.js'
import { makeTestTree, type FileTree } from '../support/fs-tree.js'
import { rollbackError } from '../support/rollback-error.js'
import { hasTestdata, testdataPath } from '../support/testdata.js'

async function project(tree: FileTree): Promise<ProjectFiles> {
  return workspaceFiles(await makeTestTree(tree))
}

async function scan(tree: FileTree, directory = 'migrations'): Promise<Migration[]> {
  return scanMigrations(await project(tree), directory)
}

const scanError = (tree: FileTree): Promise<RollbackError> => rollbackError(scan(tree))

const migration = (version: string, name: string, upFile?: string, downFile?: string): Migration => ({
  version,
  name,
  upFile,
  downFile,
})

describe('scanMigrations', () => {
  it.each<[string, FileTree, Migration[]]>([
    [
      'directory form',
      { 'migrations/1700000000000_create_a/up.sql': 'x', 'migrations/1700000000000_create_a/down.sql': 'y' },
      [
        migration(
          '1700000000000',
          'create_a',
          'migrations/1700000000000_create_a/up.sql',
          'migrations/1700000000000_create_a/down.sql',
        ),
      ],
    ],
    [
      'flat form',
      { 'migrations/5_x.up.sql': 'x', 'migrations/5_x.down.sql': 'y' },
      [migration('5', 'x', 'migrations/5_x.up.sql', 'migrations/5_x.down.sql')],
    ],
    [
      'numeric order, not text order',
      { 'migrations/10_b/up.sql': '', 'migrations/9_a/up.sql': '', 'migrations/100_c.up.sql': '' },
      [
        migration('9', 'a', 'migrations/9_a/up.sql'),
        migration('10', 'b', 'migrations/10_b/up.sql'),
        migration('100', 'c', 'migrations/100_c.up.sql'),
      ],
    ],
    [
      'leading zeros and an empty name',
      { 'migrations/0007_/down.sql': '' },
      [migration('7', '', undefined, 'migrations/0007_/down.sql')],
    ],
    [
      'zero-byte files still count as present',
      { 'migrations/1_a/up.sql': '', 'migrations/1_a/down.sql': '' },
      [migration('1', 'a', 'migrations/1_a/up.sql', 'migrations/1_a/down.sql')],
    ],
    [
      'YAML files are not runnable: a YAML-only folder has no up or down',
      {
        'migrations/3_perm/up.yaml': '- {}',
        'migrations/3_perm/down.yaml': '- {}',
        'migrations/4_b/down.yaml': '[]',
      },
      [migration('3', 'perm'), migration('4', 'b')],
    ],
    [
      'files the CLI does not match are ignored',
      {
        'migrations/README.md': 'x',
        'migrations/.gitkeep': '',
        'migrations/1_a/notes.txt': 'x',
        'migrations/1_a/up.sql.bak': 'x',
        'migrations/1_a/up.sql': 'x',
        'migrations/2/up.sql': 'no underscore after the version',
        'migrations/drafts/3_c/up.sql': 'x',
        'migrations/1_a/nested/down.sql': 'too deep',
        'migrations/4_d.down.txt': 'x',
      },
      [migration('1', 'a', 'migrations/1_a/up.sql')],
    ],
    [
      'the largest uint64 version',
      { 'migrations/18446744073709551615_max/up.sql': 'x' },
      [migration('18446744073709551615', 'max', 'migrations/18446744073709551615_max/up.sql')],
    ],
    ['no migrations directory', { 'config.yaml': 'version: 2' }, []],
  ])('%s', async (_name, tree, expected) => {
    expect(await scan(tree)).toEqual(expected)
  })

  it('follows migrations_directory, with ./ and a trailing slash', async () => {
    const found = await scan({ 'db/migs/1_a/up.sql': 'x', 'migrations/2_b/up.sql': 'x' }, './db/migs/')
    expect(found).toEqual([migration('1', 'a', 'db/migs/1_a/up.sql')])
  })

  it('refuses a version above 2^64-1, naming the file', async () => {
    const error = await scanError({ 'migrations/18446744073709551616_big/up.sql': 'x' })
    expect(error.message).toContain('18446744073709551616 in migrations/18446744073709551616_big/up.sql')
    expect(error.file).toBe('migrations/18446744073709551616_big/up.sql')
  })

  it.each([
    [
      'two folders',
      { 'migrations/1_a/down.sql': 'x', 'migrations/1_b/down.sql': 'y' },
      ['1_a/down.sql', '1_b/down.sql'],
    ],
    [
      'folder and flat file',
      { 'migrations/1_a/up.sql': 'x', 'migrations/1_a.up.sql': 'y' },
      ['1_a.up.sql', '1_a/up.sql'],
    ],
    [
      'equal numbers written differently',
      { 'migrations/01_a/up.sql': 'x', 'migrations/1_a/up.sql': 'y' },
      ['01_a', '1_a'],
    ],
  ])('refuses two files of one version and direction (%s), naming both', async (_name, tree, names) => {
    const error = await scanError(tree)
    expect(error.message).toMatch(/^two (up|down) migrations for version 1: /)
    for (const name of names) expect(error.message).toContain(name)
  })

  it('scans 10,000 migration folders from the listing alone, reading nothing', async () => {
    const paths: string[] = []
    for (let i = 0; i < 10_000; i++) {
      const folder = `migrations/${1_700_000_000_000 + i}_step_${i}`
      paths.push(`${folder}/down.sql`, `${folder}/up.sql`)
    }
    const reads: string[] = []
    const files: ProjectFiles = {
      origin: 'memory',
      listFiles: async () => paths,
      readText: async (path) => {
        reads.push(path)
        return undefined
      },
    }
    const found = await scanMigrations(files, 'migrations')
    expect(found).toHaveLength(10_000)
    expect(found.at(-1)?.version).toBe('1700000009999')
    expect(reads).toEqual([])
  })
})

describe('downVerdict', () => {
  it.each([
    ['', 'empty'],
    [' \n\t\r\n', 'empty'],
    [
      '-- Could not auto-generate a down migration.\n-- Please write an appropriate down migration for the SQL below:\n-- alter table "t" add column "c" int;\n',
      'placeholder',
    ],
    ['-- could not auto-generate a down migration', 'placeholder'],
    ['-- nothing to undo: the up only added rows', 'no-op'],
    ['-- comment without newline', 'no-op'],
    ['/* block */ ;\n;', 'no-op'],
    ['/* outer /* nested */ still comment */', 'no-op'],
    [';', 'no-op'],
    ['-- a note\n-- Could not auto-generate a down migration.\n', 'no-op'],
    [
      '-- Could not auto-generate a down migration.\n-- alter table "t" add column "c" int;\nalter table "t" drop column "c";',
      'runnable',
    ],
    ['/* outer /* nested */ */ DROP TABLE t;', 'runnable'],
    ['/* a */ select 1 /* b */', 'runnable'],
    ['DROP TABLE t', 'runnable'],
  ] as const)('%j is %s', (sql, verdict) => {
    expect(downVerdict(scanStatements(sql))).toBe(verdict)
  })
})

describe('readDown', () => {
  it.each([
    ['-- hasura:no-transaction\nDROP INDEX CONCURRENTLY i;', 'runnable', true],
    ['  -- hasura:no-transaction  \r\nDROP INDEX CONCURRENTLY i;', 'runnable', true],
    ['-- header\n-- hasura:no-transaction\nSELECT 1;', 'runnable', false],
    ['--hasura:no-transaction\nSELECT 1;', 'runnable', false],
    ['-- hasura:no-transaction and more\nSELECT 1;', 'runnable', false],
    ['-- hasura:no-transaction\n', 'no-op', true],
    ['', 'empty', false],
  ] as const)('reads %j as %s (noTransaction %s)', async (sql, verdict, noTransaction) => {
    const files = await project({ 'migrations/1_a/down.sql': sql })
    const [found] = await scanMigrations(files, 'migrations')
    expect(await readDown(files, found as Migration)).toMatchObject({
      path: 'migrations/1_a/down.sql',
      sql,
      verdict,
      noTransaction,
    })
  })

  it('drops a UTF-8 byte-order mark at the start, as psql does', async () => {
    const files = await project({ 'migrations/1_a/down.sql': '\ufeffALTER TABLE t DROP COLUMN c;\n' })
    const [found] = await scanMigrations(files, 'migrations')
    const down = await readDown(files, found as Migration)
    expect(down).toMatchObject({ sql: 'ALTER TABLE t DROP COLUMN c;\n', verdict: 'runnable' })
    expect(down.scan.text).toBe(down.sql)
  })

  it("is 'missing' with an empty path when the migration has no down file", async () => {
    const files = await project({ 'migrations/1_a/up.sql': 'x', 'migrations/1_a/down.yaml': '- {}' })
    const [found] = await scanMigrations(files, 'migrations')
    expect(await readDown(files, found as Migration)).toMatchObject({
      path: '',
      sql: '',
      verdict: 'missing',
      noTransaction: false,
    })
  })
})

describe('readDowns', () => {
  it('reads the downs of the selected versions only, and fails where a read fails', async () => {
    const tree: FileTree = Object.fromEntries(
      [1, 2, 3, 4, 5].map((v) => [`migrations/${v}_m/down.sql`, `DROP TABLE t${v};`]),
    )
    const disk = await project(tree)
    const reads: string[] = []
    const files: ProjectFiles = {
      ...disk,
      readText: async (path) => {
        reads.push(path)
        if (path.startsWith('migrations/4_')) throw new RollbackError(`${path} is too big`)
        return disk.readText(path)
      },
    }
    const migrations = await scanMigrations(disk, 'migrations')
    const downs = await readDowns(files, migrations, ['5', '3', '9'])
    expect(reads).toEqual(['migrations/5_m/down.sql', 'migrations/3_m/down.sql'])
    expect([...downs.keys()]).toEqual(['5', '3'])
    expect(downs.get('5')).toMatchObject({ sql: 'DROP TABLE t5;', verdict: 'runnable' })
    await expect(readDowns(files, migrations, ['4'])).rejects.toThrow('migrations/4_m/down.sql is too big')
  })
})

describe('compareVersions', () => {
  it.each([
    ['9', '10', -1],
    ['1700000000000', '1700000000000', 0],
    ['18446744073709551615', '18446744073709551614', 1],
    ['9007199254740993', '9007199254740992', 1], // beyond 2^53, where JS numbers would tie
    ['007', '7', 0],
  ])('%s vs %s', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign)
  })
})

const projectsDir = testdataPath('hasura-projects')

describe.skipIf(!hasTestdata)('real projects (../shared/testdata/hasura-projects)', () => {
  async function scanProject(name: string) {
    const files = workspaceFiles(join(projectsDir, name))
    const migrations = await scanMigrations(files, 'migrations')
    const downs = await Promise.all(migrations.map(async (m) => ({ m, down: await readDown(files, m) })))
    const versionsWith = (verdict: string) =>
      downs.filter(({ down }) => down.verdict === verdict).map(({ m }) => m.version)
    return { migrations, downs, versionsWith }
  }

  // Counted by hand: folders, up.sql and down.sql files per project.
  it.each([
    ['MetaFam__TheGame__hasura', 158, 158, 135, '1575910000000', '1706189348084'],
    ['OriginalYellow__hasura-guessing-game__hasura', 34, 34, 30, '1593103727522', '1594693206443'],
    ['Zenika__skillZ__hasura', 55, 55, 33, '1620140585184', '1733775421032'],
    ['anticoronavirus__volunteer-backend__hasura', 90, 87, 77, '1585242412276', '1602096122283'],
    ['beaussan__courso__hasura', 119, 119, 106, '1601646544542', '1632600487664'],
  ])('%s: %i migrations, %i up.sql, %i down.sql', async (name, total, ups, downs, first, last) => {
    const { migrations } = await scanProject(name)
    expect(migrations).toHaveLength(total)
    expect(migrations.filter((m) => m.upFile !== undefined)).toHaveLength(ups)
    expect(migrations.filter((m) => m.downFile !== undefined)).toHaveLength(downs)
    expect([migrations[0]?.version, migrations.at(-1)?.version]).toEqual([first, last])
  })

  it('MetaFam: the 7 Console placeholder downs are placeholders, the rest runnable', async () => {
    const { versionsWith } = await scanProject('MetaFam__TheGame__hasura')
    expect(versionsWith('placeholder')).toEqual([
      '1694534639232',
      '1698059045592',
      '1698059226912',
      '1698059323860',
      '1700812865781',
      '1700986294802',
      '1706189348084',
    ])
    expect(versionsWith('runnable')).toHaveLength(135 - 7)
    expect(versionsWith('missing')).toHaveLength(158 - 135)
  })

  it('Zenika: comments-only downs are placeholders; comments followed by SQL are runnable', async () => {
    const { versionsWith } = await scanProject('Zenika__skillZ__hasura')
    expect(versionsWith('placeholder')).toEqual([
      '1657532613823',
      '1657554945526',
      '1660035263434',
      '1660226279963',
      '1672152588553',
      '1689153587936',
    ])
    const runnable = versionsWith('runnable')
    // placeholder comment block then real SQL (1679662647608 has no final newline); 1657526639305 is a squash
    for (const version of [
      '1668001852092',
      '1668439064364',
      '1668519419513',
      '1669644468319',
      '1679662647608',
      '1657526639305',
    ]) {
      expect(runnable).toContain(version)
    }
    expect(versionsWith('missing')).toHaveLength(22)
  })

  it('anticoronavirus: YAML-only folders have neither up nor down; up.sql + down.yaml has no down', async () => {
    const { migrations } = await scanProject('anticoronavirus__volunteer-backend__hasura')
    const byVersion = new Map(migrations.map((m) => [m.version, m]))
    expect(byVersion.get('1588449543814')).toEqual({
      version: '1588449543814',
      name: 'update_permission_voyeur_public_table_page',
      upFile: undefined,
      downFile: undefined,
    })
    expect(byVersion.get('1586198851241')).toMatchObject({
      upFile: 'migrations/1586198851241_add_trigger_deleting_blacklisted_shifts/up.sql',
      downFile: undefined,
    })
  })
})
