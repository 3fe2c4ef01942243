import { mkdir, symlink, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RollbackError } from '../../src/errors.js'
import { workspaceFiles } from '../../src/project/files.js'
import { makeTempTree, removeTree } from '../support/fs-tree.js'

describe('workspaceFiles().listFiles', () => {
  let project: string
  let outside: string

  beforeEach(async () => {
    project = await makeTempTree({
      'config.yaml': 'version: 2\n',
      'migrations/default/1700000000002_b/up.sql': 'SELECT 2;',
      'migrations/default/1700000000001_a/down.sql': 'SELECT 1;',
      'migrations/default/1700000000001_a/up.sql': 'SELECT 1;',
      'migrations/default/README.md': '',
    })
    outside = await makeTempTree({ 'secret/1700000000009_leak/down.sql': 'DROP TABLE important;' })
  })

  afterEach(async () => {
    await removeTree(project)
    await removeTree(outside)
  })

  it('lists every regular file below the folder, sorted, as project-relative / paths', async () => {
    expect(await workspaceFiles(project).listFiles('migrations/')).toEqual([
      'migrations/default/1700000000001_a/down.sql',
      'migrations/default/1700000000001_a/up.sql',
      'migrations/default/1700000000002_b/up.sql',
      'migrations/default/README.md',
    ])
  })

  it('lists the whole project for "." and nothing for a folder that is absent or a file', async () => {
    const files = workspaceFiles(project)
    expect(await files.listFiles('.')).toContain('config.yaml')
    expect(await files.listFiles('no-such-folder')).toEqual([])
    expect(await files.listFiles('config.yaml')).toEqual([])
  })

  it('does not list symlinked files nor follow symlinked folders', async () => {
    const migrations = join(project, 'migrations/default')
    await symlink(join(outside, 'secret'), join(migrations, 'linked-folder'))
    await symlink(join(outside, 'secret/1700000000009_leak'), join(migrations, '1700000000009_leak'))
    await symlink(
      join(outside, 'secret/1700000000009_leak/down.sql'),
      join(migrations, '1700000000001_a/linked.down.sql'),
    )
    const listed = await workspaceFiles(project).listFiles('migrations')
    expect(listed).toHaveLength(4)
    expect(listed.filter((path) => /leak|linked/.test(path))).toEqual([])
  })

  it('lists hundreds of folders, none missing', async () => {
    const many = join(project, 'many')
    for (let i = 0; i < 300; i++) {
      await mkdir(join(many, `${1000 + i}_m`, 'deeper'), { recursive: true })
      await writeFile(join(many, `${1000 + i}_m`, 'deeper', 'down.sql'), '')
    }
    const listed = await workspaceFiles(project).listFiles('many')
    expect(listed).toHaveLength(300)
    expect(listed[0]).toBe('many/1000_m/deeper/down.sql')
    expect(listed[299]).toBe('many/1299_m/deeper/down.sql')
  })
})

describe('workspaceFiles().readText refuses huge files unread', () => {
  let project: string
  const GiB = 1024 ** 3
  const MiB = 1024 ** 2

  beforeEach(async () => {
    project = await makeTempTree({ 'migrations/1700000000001_a/down.sql': 'SELECT 1;' })
  })
  afterEach(() => removeTree(project))

  /** A sparse file: `size` bytes on paper, almost nothing on disk. */
  async function sparse(path: string, size: number) {
    await mkdir(join(project, path, '..'), { recursive: true })
    await writeFile(join(project, path), '')
    await truncate(join(project, path), size)
  }

  it('refuses an 8 GiB down.sql at once, naming the file, its size and the limit', async () => {
    await sparse('migrations/1700000000002_b/down.sql', 8 * GiB)
    const read = workspaceFiles(project).readText('migrations/1700000000002_b/down.sql')
    await expect(read).rejects.toThrow(RollbackError)
    await expect(read).rejects.toThrow(
      'migrations/1700000000002_b/down.sql (workspace) is 8192 MiB (8589934592 bytes), over the 64 MiB limit for SQL files: refused without reading it',
    )
    await expect(read).rejects.toMatchObject({ file: 'migrations/1700000000002_b/down.sql' })
  })

  it.each(['config.yaml', '.env', 'metadata/tables.yaml', 'metadata/actions.graphql'])(
    'refuses a %s over 16 MiB',
    async (path) => {
      await sparse(path, 16 * MiB + 1)
      await expect(workspaceFiles(project).readText(path)).rejects.toThrow(
        `${path} (workspace) is 16 MiB (16777217 bytes), over the 16 MiB limit for YAML, GraphQL and .env files: refused without reading it`,
      )
    },
  )

  it('reads a file of exactly the limit, refuses one byte more', async () => {
    const files = workspaceFiles(project, { sql: 9, other: 4 })
    expect(await files.readText('migrations/1700000000001_a/down.sql')).toBe('SELECT 1;')
    await writeFile(join(project, 'config.yaml'), 'a: 1\n')
    await expect(files.readText('config.yaml')).rejects.toThrow(
      'config.yaml (workspace) is 5 bytes, over the 4 bytes limit',
    )
    await writeFile(join(project, 'migrations/1700000000001_a/down.sql'), 'SELECT 10;')
    await expect(files.readText('migrations/1700000000001_a/down.sql')).rejects.toThrow(
      /over the 9 bytes limit/,
    )
  })
})
