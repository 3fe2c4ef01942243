import { execFileSync } from 'node:child_process'
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { RollbackError } from '../../src/errors.js'
import { gitRunner } from '../../src/git/git-run.js'
import { gitTreeFiles } from '../../src/git/git-tree.js'
import { createGit, type Git } from '../../src/git/git.js'
import { cloneRepo, createRepo, type GitRepo } from '../support/git-fixture.js'

/** A Git over `dir` that records the git commands it runs. */
async function gitWithLog(dir: string): Promise<{ git: Git; commands: string[] }> {
  const commands: string[] = []
  const git = await createGit(dir, (line) => commands.push(line))
  return { git, commands }
}

let origin: GitRepo
const sha = { v1: '', orders: '', feature: '', hidden: '', head: '' }

beforeAll(async () => {
  origin = await createRepo({
    'config.yaml': 'version: 3\n',
    'hasura/config.yaml': 'version: 3\nmetadata_directory: metadata\n',
    'hasura/metadata/tables.yaml': '- users\n',
    'hasura/old.sql': 'SELECT 1;\n',
  })
  sha.v1 = await origin.git('rev-parse', 'HEAD')
  await origin.tag('v1', { message: 'first release' })
  sha.orders = await origin.commit('add orders', {
    'hasura/metadata/tables.yaml': '- users\n- orders\n',
    'hasura/old.sql': null,
    'hasura/new.sql': 'SELECT 2;\n',
    'hasura/metadata/link.yaml': { symlink: 'tables.yaml' },
  })
  await origin.git('switch', '--quiet', '--create', 'feature')
  sha.feature = await origin.commit('feature work', { 'hasura/feature.sql': 'SELECT 3;\n' })
  await origin.git('switch', '--quiet', '--create', 'hidden', 'main')
  sha.hidden = await origin.commit('never fetched by the shallow clone', { 'hidden.sql': 'SELECT 0;\n' })
  await origin.git('switch', '--quiet', 'main')
  sha.head = await origin.commit('latest', { 'hasura/latest.sql': 'SELECT 4;\n' })
})

describe('resolveCommit in a shallow clone (actions/checkout default)', () => {
  let clone: GitRepo
  beforeAll(async () => {
    clone = await cloneRepo(origin, { depth: 1 })
  })

  it('fetches a tag with depth 1, then finds its short SHA locally', async () => {
    const { git, commands } = await gitWithLog(clone.dir)
    expect(await git.resolveCommit('v1')).toBe(sha.v1)
    expect(commands).toContain(
      'git fetch --no-tags --no-recurse-submodules --no-auto-maintenance --depth=1 --end-of-options origin v1',
    )
    expect(await git.resolveCommit(sha.v1.slice(0, 7))).toBe(sha.v1)
    expect(await git.resolveCommit('v1^{commit}')).toBe(sha.v1)
    expect(await clone.git('rev-parse', '--is-shallow-repository')).toBe('true')
  })

  it('fetches a full SHA that no local ref reaches', async () => {
    const { git } = await gitWithLog(clone.dir)
    expect(await git.resolveCommit(sha.orders)).toBe(sha.orders)
  })

  it('fetches a branch that was not cloned', async () => {
    const { git } = await gitWithLog(clone.dir)
    expect(await git.resolveCommit('feature')).toBe(sha.feature)
  })

  it('resolves the checked-out branch without fetching', async () => {
    const { git, commands } = await gitWithLog(clone.dir)
    expect(await git.resolveCommit('main')).toBe(sha.head)
    expect(await git.resolveCommit('HEAD')).toBe(sha.head)
    expect(commands.filter((c) => c.startsWith('git fetch'))).toEqual([])
  })

  it('names an unknown ref and points at fetch-depth: 0', async () => {
    const { git } = await gitWithLog(clone.dir)
    await expect(git.resolveCommit('nope')).rejects.toThrowErrorMatchingInlineSnapshot(
      `[RollbackError: ref 'nope' was not found locally or on origin (git: fatal: couldn't find remote ref nope); the clone is shallow: set fetch-depth: 0 on actions/checkout to fetch the full history]`,
    )
    await expect(git.resolveCommit('0'.repeat(40))).rejects.toThrow(
      /^ref '0{40}' was not found locally or on origin \(git: .*\); the clone is shallow/,
    )
  })

  it('asks for the full SHA when a short one is not in the clone', async () => {
    const { git } = await gitWithLog(clone.dir)
    const short = sha.hidden.slice(0, 7)
    await expect(git.resolveCommit(short)).rejects.toThrow(
      `ref '${short}' was not found locally or on origin (a short SHA cannot be fetched: give the full SHA); the clone is shallow: set fetch-depth: 0 on actions/checkout to fetch the full history`,
    )
    expect(await git.resolveCommit(sha.hidden)).toBe(sha.hidden)
  })

  it('explains that HEAD~1 cannot be fetched', async () => {
    const { git, commands } = await gitWithLog(clone.dir)
    await expect(git.resolveCommit('HEAD~1')).rejects.toThrowErrorMatchingInlineSnapshot(
      `[RollbackError: ref 'HEAD~1' was not found locally (only a branch, a tag or a full SHA can be fetched from origin); the clone is shallow: set fetch-depth: 0 on actions/checkout to fetch the full history]`,
    )
    expect(commands.filter((c) => c.startsWith('git fetch'))).toEqual([])
  })

  it.each([
    ['--upload-pack=touch pwned', /starts with "-"/],
    ['-c', /starts with "-"/],
    ['main..feature', /is a range/],
    ['main...feature', /is a range/],
    ['^main', /is a range/],
    ['main^!', /is a range/],
    ['main\nfeature', /control character/],
    ['v1\0', /control character/],
    ['v 1', /whitespace/],
    ['', /is empty/],
  ])('refuses %j before running git', async (ref, why) => {
    const { git, commands } = await gitWithLog(clone.dir)
    const before = commands.length
    const error = await git.resolveCommit(ref).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RollbackError)
    expect((error as Error).message).toMatch(/^input 'ref' /)
    expect((error as Error).message).toMatch(why)
    expect(commands.length).toBe(before)
  })
})

describe('the workspace is left as it was', () => {
  it('keeps HEAD, index, tracked changes and untracked files through resolving and reading', async () => {
    const clone = await cloneRepo(origin, { depth: 1 })
    await writeFile(join(clone.dir, 'hasura/latest.sql'), 'SELECT 5; -- edited\n')
    await writeFile(join(clone.dir, 'hasura/staged.sql'), 'SELECT 6;\n')
    await clone.git('add', 'hasura/staged.sql')
    await writeFile(join(clone.dir, 'hasura/untracked.sql'), 'SELECT 7;\n')
    // --no-optional-locks: the snapshot itself must not refresh the index.
    const snapshot = async () => ({
      head: await clone.git('rev-parse', 'HEAD'),
      branch: await clone.git('symbolic-ref', 'HEAD'),
      status: await clone.git('--no-optional-locks', 'status', '--porcelain', '--untracked-files=all'),
      staged: await clone.git('--no-optional-locks', 'diff', '--cached'),
      indexMtime: (await stat(join(clone.dir, '.git/index'))).mtimeMs,
      edited: await readFile(join(clone.dir, 'hasura/latest.sql'), 'utf8'),
    })
    const before = await snapshot()

    const git = await createGit(clone.dir)
    for (const ref of ['v1', 'feature', sha.orders]) {
      const files = git.filesAt(await git.resolveCommit(ref), 'hasura')
      await files.listFiles('')
      await files.readText('old.sql')
    }
    await git.resolveCommit('nope').catch(() => undefined)

    expect(await snapshot()).toEqual(before)
    expect(before.status.split('\n')).toEqual([
      ' M hasura/latest.sql',
      'A  hasura/staged.sql',
      '?? hasura/untracked.sql',
    ])
  })
})

describe('resolveCommit in a full clone', () => {
  it('resolves relative refs and remote branches locally, and fetches without --depth', async () => {
    const clone = await cloneRepo(origin)
    await origin.git('branch', 'late', 'v1')
    const late = await origin.git('rev-parse', 'late')
    const { git, commands } = await gitWithLog(clone.dir)

    expect(await git.resolveCommit('HEAD~1')).toBe(sha.orders)
    expect(await git.resolveCommit('feature')).toBe(sha.feature)
    expect(commands.filter((c) => c.startsWith('git fetch'))).toEqual([])

    expect(await git.resolveCommit('late')).toBe(late)
    expect(commands.filter((c) => c.startsWith('git fetch'))).toEqual([
      'git fetch --no-tags --no-recurse-submodules --no-auto-maintenance --end-of-options origin late',
    ])
    expect(await clone.git('rev-parse', '--is-shallow-repository')).toBe('false')
    expect(await clone.git('rev-list', '--count', 'HEAD')).toBe('3')
    await expect(git.resolveCommit('nope')).rejects.toThrow(
      /^ref 'nope' was not found locally or on origin \([^)]*\)$/,
    )
  })

  it('reads commit subjects', async () => {
    const git = await createGit(origin.dir)
    expect(await git.commitSubject(sha.orders)).toBe('add orders')
  })
})

describe('filesAt', () => {
  let clone: GitRepo
  let git: Git
  beforeAll(async () => {
    clone = await cloneRepo(origin, { depth: 1 })
    git = await createGit(clone.dir)
    await git.resolveCommit('v1')
    await git.resolveCommit(sha.orders)
  })

  it('shows the project directory as it was at an old commit', async () => {
    const files = git.filesAt(sha.v1, 'hasura')
    expect(files.origin).toBe(`commit ${sha.v1.slice(0, 7)}`)
    expect(await files.listFiles('')).toEqual(['config.yaml', 'metadata/tables.yaml', 'old.sql'])
    expect(await files.listFiles('metadata')).toEqual(['metadata/tables.yaml'])
    expect(await files.readText('old.sql')).toBe('SELECT 1;\n')
    expect(await files.readText('metadata/tables.yaml')).toBe('- users\n')
    expect(await files.readText('latest.sql')).toBeUndefined()
    expect(await files.readText('new.sql')).toBeUndefined()
  })

  it('reads files added later at the later commit, without symlinks, directories or paths outside the project', async () => {
    const files = git.filesAt(sha.orders, './hasura/')
    const [tables, added, removed, link, dir, outside] = await Promise.all([
      files.readText('metadata/tables.yaml'),
      files.readText('new.sql'),
      files.readText('old.sql'),
      files.readText('metadata/link.yaml'),
      files.readText('metadata'),
      files.readText('../config.yaml'),
    ])
    expect({ tables, added, removed, link, dir, outside }).toEqual({
      tables: '- users\n- orders\n',
      added: 'SELECT 2;\n',
      removed: undefined,
      link: undefined,
      dir: undefined,
      outside: undefined,
    })
    expect(await files.listFiles('metadata')).toEqual(['metadata/tables.yaml'])
    expect(await files.listFiles('config.yaml')).toEqual([])
    expect(await files.listFiles('missing')).toEqual([])
  })

  it('reads the repository root as the project', async () => {
    const files = git.filesAt(sha.v1, '.')
    expect(await files.readText('config.yaml')).toBe('version: 3\n')
    expect(await files.readText('hasura/old.sql')).toBe('SELECT 1;\n')
  })

  it('takes project-dir relative to a workspace below the repository top level', async () => {
    const nested = await createGit(join(clone.dir, 'hasura'))
    const files = nested.filesAt(sha.v1, '.')
    expect(await files.readText('config.yaml')).toBe('version: 3\nmetadata_directory: metadata\n')
    expect(await files.listFiles('')).toEqual(['config.yaml', 'metadata/tables.yaml', 'old.sql'])
  })

  it('refuses a project-dir outside the repository', async () => {
    expect(() => git.filesAt(sha.v1, '../elsewhere')).toThrow(
      new RollbackError("project-dir '../elsewhere' is outside the git repository of the workspace"),
    )
  })
})

describe('large projects', () => {
  it('lists 10,000 migration directories and reads a metadata dir with one ls-tree and one cat-file --batch', async () => {
    const repo = await createRepo()
    const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], {
      cwd: repo.dir,
      input: 'SELECT 1;\n',
    })
    const oid = blob.toString().trim()
    const index: string[] = []
    for (let i = 0; i < 10_000; i++) {
      const version = 1_700_000_000_000 + i
      for (const file of ['up.sql', 'down.sql'])
        index.push(`100644 ${oid}\tmigrations/${version}_m${i}/${file}`)
    }
    for (let i = 0; i < 15; i++) index.push(`100644 ${oid}\tmetadata/file${i}.yaml`)
    execFileSync('git', ['update-index', '--add', '--index-info'], { cwd: repo.dir, input: index.join('\n') })
    const tree = await repo.git('write-tree')
    const head = await repo.git('commit-tree', tree, '-m', 'many migrations')
    const { git, commands } = await gitWithLog(repo.dir)
    const files = git.filesAt(head, '.')

    const migrations = await files.listFiles('migrations')
    expect(migrations).toHaveLength(20_000)
    expect(migrations[0]).toBe('migrations/1700000000000_m0/down.sql')
    await files.listFiles('migrations')
    expect(commands.filter((c) => c.includes(' ls-tree '))).toHaveLength(1)

    const names = Array.from({ length: 15 }, (_, i) => `metadata/file${i}.yaml`)
    const texts = await Promise.all(names.map((name) => files.readText(name)))
    expect(texts).toEqual(names.map(() => 'SELECT 1;\n'))
    expect(commands.filter((c) => c.includes('cat-file'))).toEqual(['git cat-file --batch'])
  })
})

describe('huge files at a commit', () => {
  it('are refused from the blob size ls-tree gives, before cat-file reads them', async () => {
    const repo = await createRepo({
      'migrations/1_big/down.sql': 'x'.repeat(4096),
      'migrations/1_big/up.sql': 'SELECT 1;\n',
      'metadata/tables.yaml': '#'.repeat(2048),
    })
    const head = await repo.git('rev-parse', 'HEAD')
    const commands: string[] = []
    // A lowered cap stands in for the default 64 MiB / 16 MiB, so the test need not commit 64 MiB.
    const files = gitTreeFiles(
      gitRunner(repo.dir, (line) => commands.push(line)),
      head,
      '',
      { sql: 1024, other: 1024 },
    )
    const origin = `commit ${head.slice(0, 7)}`
    await expect(files.readText('migrations/1_big/down.sql')).rejects.toThrow(
      new RollbackError(
        `migrations/1_big/down.sql (${origin}) is 4 KiB (4096 bytes), over the 1 KiB limit for SQL files: refused without reading it`,
      ),
    )
    await expect(files.readText('metadata/tables.yaml')).rejects.toThrow(
      `metadata/tables.yaml (${origin}) is 2 KiB (2048 bytes), over the 1 KiB limit for YAML, GraphQL and .env files`,
    )
    expect(commands.filter((c) => c.includes('cat-file'))).toEqual([])
    expect(await files.readText('migrations/1_big/up.sql')).toBe('SELECT 1;\n')
  })

  it('are read in full up to the limit', async () => {
    const repo = await createRepo({ 'down.sql': 'y'.repeat(1024) })
    const files = gitTreeFiles(
      gitRunner(repo.dir, () => {}),
      await repo.git('rev-parse', 'HEAD'),
      '',
      {
        sql: 1024,
        other: 1,
      },
    )
    expect(await files.readText('down.sql')).toBe('y'.repeat(1024))
  })
})

describe('outside a git repository', () => {
  it('says the workspace is not a git repository', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'not-a-repo-'))
    try {
      await expect(createGit(dir)).rejects.toThrow(
        new RegExp(`^'${dir}' is not a git repository \\(git: fatal: not a git repository`),
      )
      await expect(createGit(join(dir, 'missing'))).rejects.toThrow(/^cannot run git in '.*missing'/)
      const path = process.env['PATH']
      process.env['PATH'] = dir // a directory without git
      try {
        await expect(createGit(dir)).rejects.toThrow(
          /^cannot run git in '.*': Unable to locate executable file: git/,
        )
      } finally {
        process.env['PATH'] = path
      }
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
