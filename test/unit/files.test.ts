import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
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
