// Real git repositories in temp dirs, with history built from object literals:
//
//   const origin = await createRepo({ 'hasura/config.yaml': 'version: 3\n' })
//   const v1 = await origin.commit('add users', { 'hasura/migrations/1_users/up.sql': 'CREATE …' })
//   await origin.tag('v1')
//   const checkout = await cloneRepo(origin, { depth: 1 }) // like actions/checkout's default
//
// Every repository is removed after the test file's last test (removeAfterFile).
import { execFile } from 'node:child_process'
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { removeAfterFile } from './fs-tree.js'

/** Files to change in a commit, keyed by '/'-separated path: text to write, `null` to delete, or a symlink. */
export type FileChanges = Record<string, string | null | { symlink: string }>

export interface GitRepo {
  readonly dir: string
  /** `file://` URL of the repository, for clones that behave like remote ones (shallow fetches work). */
  readonly url: string
  /** Runs git in the repository (with a fixed author, no signing); resolves to stdout without trailing whitespace, rejects on failure. */
  git(...args: string[]): Promise<string>
  /** Writes and deletes `changes`, stages everything and commits; resolves to the new commit's SHA. */
  commit(message: string, changes?: FileChanges): Promise<string>
  /** Creates tag `name` at `ref`; annotated when `message` is given. */
  tag(name: string, options?: { ref?: string; message?: string }): Promise<void>
}

const identity = [
  '-c',
  'user.name=Fixture',
  '-c',
  'user.email=fixture@example.com',
  '-c',
  'commit.gpgSign=false',
  '-c',
  'tag.gpgSign=false',
  '-c',
  'init.defaultBranch=main',
]

function runGit(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', [...identity, ...args], { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`git ${args.join(' ')} failed in ${cwd}: ${stderr || error.message}`))
      else resolve(stdout.trimEnd())
    })
  })
}

function repoAt(dir: string): GitRepo {
  const git = (...args: string[]) => runGit(dir, args)
  return {
    dir,
    url: pathToFileURL(dir).href,
    git,
    async commit(message, changes = {}) {
      for (const [path, content] of Object.entries(changes)) {
        const abs = join(dir, ...path.split('/'))
        await rm(abs, { force: true, recursive: true })
        if (content === null) continue
        await mkdir(dirname(abs), { recursive: true })
        if (typeof content === 'string') await writeFile(abs, content)
        else await symlink(content.symlink, abs)
      }
      await git('add', '--all')
      await git('commit', '--quiet', '--allow-empty', '--message', message)
      return git('rev-parse', 'HEAD')
    },
    async tag(name, { ref = 'HEAD', message } = {}) {
      await git('tag', ...(message === undefined ? [] : ['--annotate', '--message', message]), name, ref)
    },
  }
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'git-fixture-'))
  removeAfterFile(dir)
  return dir
}

/**
 * A new repository on branch `main`, with a first commit of `files` when given. Like GitHub, it serves
 * fetches of any reachable commit SHA (uploadpack.allowReachableSHA1InWant).
 */
export async function createRepo(files?: FileChanges): Promise<GitRepo> {
  const repo = repoAt(await tempDir())
  await repo.git('init', '--quiet')
  await repo.git('config', 'uploadpack.allowReachableSHA1InWant', 'true')
  if (files) await repo.commit('initial', files)
  return repo
}

/** Clones `origin` through `file://`; `depth` makes a shallow single-branch clone, as actions/checkout does. */
export async function cloneRepo(origin: GitRepo, options: { depth?: number } = {}): Promise<GitRepo> {
  const dir = await tempDir()
  const depth = options.depth === undefined ? [] : [`--depth=${options.depth}`]
  await runGit(dir, ['clone', '--quiet', ...depth, origin.url, '.'])
  return repoAt(dir)
}
