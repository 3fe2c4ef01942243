// Config v3 migrations on disk: one folder per database under the migrations directory, each scanned
// as config v2 scans its one folder; a migration outside any database folder is refused, naming it.
import { describe, expect, it } from 'vitest'
import { RollbackError } from '../../src/errors.js'
import { workspaceFiles } from '../../src/project/files.js'
import type { Migration } from '../../src/project/migrations.js'
import { scanDatabaseMigrations } from '../../src/project/migrations.js'
import type { FileTree } from '../support/fs-tree.js'
import { makeTestTree } from '../support/fs-tree.js'
import { memoryFiles } from '../support/memory-files.js'
import { rollbackError } from '../support/rollback-error.js'
import { hasTestdata, testdataPath } from '../support/testdata.js'

/** The scan of a project on disk: folder names with spaces and hyphens are real paths here. */
async function scan(tree: FileTree, directory = 'migrations'): Promise<Map<string, Migration[]>> {
  return scanDatabaseMigrations(workspaceFiles(await makeTestTree(tree)), directory)
}

const scanError = (tree: FileTree): Promise<RollbackError> => rollbackError(scan(tree))

const versions = (scanned: Map<string, Migration[]>) =>
  Object.fromEntries([...scanned].map(([db, ms]) => [db, ms.map((m) => `${m.version}_${m.name}`)]))

describe('scanDatabaseMigrations', () => {
  it('scans each database folder on its own, each ascending by version', async () => {
    const scanned = await scan({
      'migrations/default/1700000000002_b/up.sql': 'x',
      'migrations/default/1700000000002_b/down.sql': 'y',
      'migrations/default/1700000000001_a/up.sql': 'x',
      'migrations/pg2/1700000000001_other/down.sql': 'y',
      'migrations/pg2/1600000000000_flat.down.sql': 'y',
    })
    expect(versions(scanned)).toEqual({
      default: ['1700000000001_a', '1700000000002_b'],
      pg2: ['1600000000000_flat', '1700000000001_other'],
    })
    expect(scanned.get('pg2')![0]).toEqual({
      version: '1600000000000',
      name: 'flat',
      upFile: undefined,
      downFile: 'migrations/pg2/1600000000000_flat.down.sql',
    })
  })

  it('takes database folders with a hyphen or spaces, and version folders with spaces', async () => {
    const scanned = await scan({
      'migrations/backend-db/1702104909026_add set_current_timestamp/down.sql': 'y',
      'migrations/my database/1700000000001_a/down.sql': 'y',
    })
    expect(versions(scanned)).toEqual({
      'backend-db': ['1702104909026_add set_current_timestamp'],
      'my database': ['1700000000001_a'],
    })
    expect(scanned.get('backend-db')![0]!.downFile).toBe(
      'migrations/backend-db/1702104909026_add set_current_timestamp/down.sql',
    )
  })

  it('keeps the same version in two databases apart', async () => {
    const scanned = await scan({
      'migrations/a/1700000000001_x/down.sql': 'y',
      'migrations/b/1700000000001_x/down.sql': 'y',
    })
    expect(scanned.get('a')![0]!.downFile).toBe('migrations/a/1700000000001_x/down.sql')
    expect(scanned.get('b')![0]!.downFile).toBe('migrations/b/1700000000001_x/down.sql')
  })

  it('has a database whose folder holds no migration, with none', async () => {
    expect(versions(await scan({ 'migrations/default/.gitkeep': '', 'migrations/README.md': 'x' }))).toEqual({
      default: [],
    })
  })

  it('is empty when the migrations directory is absent', async () => {
    expect((await scan({ 'config.yaml': 'version: 3\n' })).size).toBe(0)
  })

  it('reads a migrations directory given as ./dir/ like dir', async () => {
    const tree = { 'hasura/migrations/default/1700000000001_a/down.sql': 'y' }
    expect(versions(await scan(tree, './hasura/migrations/'))).toEqual({ default: ['1700000000001_a'] })
  })

  it('ignores files deeper than a version folder', async () => {
    const scanned = await scan({ 'migrations/default/1700000000001_a/nested/down.sql': 'y' })
    expect(versions(scanned)).toEqual({ default: [] })
  })

  it.each([
    ['a version folder', 'migrations/1700000000001_init/up.sql'],
    ['a flat migration file', 'migrations/1700000000001_init.down.sql'],
  ])('refuses %s directly under migrations/, naming it', async (_, path) => {
    const error = await scanError({ [path]: 'x', 'migrations/default/1700000000002_b/down.sql': 'y' })
    expect(error.message).toBe(
      `${path} is a migration directly under migrations/: config v3 keeps each database's migrations in migrations/<database>/; move it into the folder of its database`,
    )
    expect(error.file).toBe(path)
  })

  it('refuses two down files of one version in a database folder', async () => {
    const error = await scanError({
      'migrations/default/1700000000001_a/down.sql': 'y',
      'migrations/default/1700000000001_a.down.sql': 'y',
    })
    expect(error.message).toMatch(/^two down migrations for version 1700000000001: /)
  })

  it('works on any ProjectFiles (a commit too)', async () => {
    const files = memoryFiles({ 'migrations/cache/1738779627_init/down.sql': '' })
    expect(versions(await scanDatabaseMigrations(files, 'migrations'))).toEqual({
      cache: ['1738779627_init'],
    })
  })
})

const projects = testdataPath('hasura-projects-v3')

describe.skipIf(!hasTestdata)('real config v3 projects (../shared/testdata/hasura-projects-v3)', () => {
  it.each([
    ['worldcoin__developer-portal__hasura', { default: 140 }],
    ['5stackgg__api__hasura', { default: 256 }],
    ['0xIntuition__intuition-rs__hasura', { intuition: 11, cache: 1 }],
    ['kreako__soklaki__hasura', { default: 157 }],
    ['sequentech__step__hasura', { 'backend-db': 283 }],
  ])('%s: the migrations of each database, as its PROVENANCE.txt counts them', async (project, counts) => {
    const scanned = await scanDatabaseMigrations(workspaceFiles(`${projects}/${project}`), 'migrations')
    expect(Object.fromEntries([...scanned].map(([db, ms]) => [db, ms.length]))).toEqual(counts)
  })
})
