// Git adapter: resolves the stable ref (fetching it into a shallow clone when missing) and reads a
// project's files at a commit without touching the workspace, the index or HEAD. Every command goes
// through one `runGit(args)` (git-run.ts): the git binary, arguments as an array, never a shell.
import { posix } from 'node:path'
import { errorMessage, RollbackError } from '../errors.js'
import type { ProjectFiles } from '../project/files.js'
import { gitTreeFiles } from './git-tree.js'
import { gitFailure, gitRunner, type GitOutput, type RunGit } from './git-run.js'

export interface Git {
  /** Resolves a ref (full/short SHA, tag, local branch, remote branch not present locally, `HEAD~1`, `v1.2^{commit}`…) to a full commit SHA; in a shallow clone (actions/checkout's default depth 1) fetches the missing ref from origin first. */
  resolveCommit(ref: string): Promise<string>
  /** Subject line of a commit (for the summary). */
  commitSubject(sha: string): Promise<string>
  /** A read-only ProjectFiles view of `projectDir` (workspace-relative, e.g. '.' or 'hasura') as it is at `sha`, read with git ls-tree / cat-file — never touching the workspace, index, HEAD or untracked files. `origin` = `commit <short sha>`. */
  filesAt(sha: string, projectDir: string): ProjectFiles
}

const fullShaPattern = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/
const shortShaPattern = /^[0-9a-f]{4,39}$/

export async function createGit(workspace: string, log: (line: string) => void = () => {}): Promise<Git> {
  const runGit = gitRunner(workspace, log)

  const workspacePrefix = await repositoryPrefix(runGit, workspace)
  let shallow: Promise<boolean> | undefined

  async function revParseCommit(rev: string): Promise<string | undefined> {
    const result = await runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`])
    const sha = result.stdout.trim()
    return result.exitCode === 0 && fullShaPattern.test(sha) ? sha : undefined
  }

  async function isShallow(): Promise<boolean> {
    shallow ??= runGit(['rev-parse', '--is-shallow-repository']).then((r) => r.stdout.trim() === 'true')
    return shallow
  }

  return {
    async resolveCommit(ref) {
      assertSafeRef(ref)
      const local = await revParseCommit(ref)
      if (local) return local
      if (isRefName(ref)) {
        // A branch that actions/checkout fetched but did not create locally.
        const remote = await revParseCommit(`refs/remotes/origin/${ref}`)
        if (remote) return remote
      }
      const shallowClone = await isShallow()
      const depthHint = shallowClone
        ? '; the clone is shallow: set fetch-depth: 0 on actions/checkout to fetch the full history'
        : ''
      // `v1.2^{commit}`: fetch `v1.2`, then peel what was fetched.
      const [, name = ref, peel = ''] = /^(.+?)((?:\^\{\w*\}|\^0)*)$/.exec(ref) ?? []
      if (!isRefName(name) && !fullShaPattern.test(name)) {
        // Expressions like HEAD~1 cannot be asked of a remote: only whole refs and SHAs.
        throw new RollbackError(
          `ref '${ref}' was not found locally (only a branch, a tag or a full SHA can be fetched from origin)${depthHint}`,
        )
      }
      // --depth on a full clone would truncate its history: only keep a shallow clone shallow.
      const depth = shallowClone ? ['--depth=1'] : []
      const fetchArgs = ['fetch', '--no-tags', '--no-recurse-submodules', '--no-auto-maintenance', ...depth]
      const fetched = await runGit([...fetchArgs, '--end-of-options', 'origin', name])
      const sha = fetched.exitCode === 0 ? await revParseCommit(`FETCH_HEAD${peel}`) : undefined
      if (sha) return sha
      throw new RollbackError(
        `ref '${ref}' was not found locally or on origin (${fetchFailure(name, fetched)})${depthHint}`,
      )
    },

    async commitSubject(sha) {
      assertFullSha(sha)
      const result = await runGit([
        'log',
        '-1',
        '--no-show-signature',
        '--format=%s',
        '--end-of-options',
        sha,
        '--',
      ])
      if (result.exitCode !== 0) {
        throw new RollbackError(`cannot read commit ${sha}: ${gitFailure(result.stderr)}`)
      }
      return result.stdout.trim()
    },

    filesAt(sha, projectDir) {
      assertFullSha(sha)
      return gitTreeFiles(runGit, sha, projectPrefix(workspacePrefix, projectDir))
    },
  }
}

// Callers pass what resolveCommit returned; anything else is a bug, not a user error.
function assertFullSha(sha: string): void {
  if (!fullShaPattern.test(sha)) throw new Error(`expected a full commit SHA, got ${JSON.stringify(sha)}`)
}

/** Where the workspace sits inside its repository ('' at the top level, else 'dir/'). */
async function repositoryPrefix(runGit: RunGit, workspace: string): Promise<string> {
  let result: GitOutput
  try {
    result = await runGit(['rev-parse', '--show-prefix'])
  } catch (error) {
    // @actions/exec throws when git is not on PATH or the directory does not exist.
    throw new RollbackError(`cannot run git in '${workspace}': ${errorMessage(error)}`, { cause: error })
  }
  if (result.exitCode !== 0) {
    throw new RollbackError(
      `'${workspace}' is not a git repository (${gitFailure(result.stderr)}); check it out with actions/checkout (git must be on PATH)`,
    )
  }
  return result.stdout.trim()
}

function fetchFailure(name: string, fetched: GitOutput): string {
  if (fetched.exitCode === 0) return 'origin has it, but it is not a commit'
  // Origin is asked for a branch or tag of that name, which is rarely what a hex string means.
  if (shortShaPattern.test(name)) return 'a short SHA cannot be fetched: give the full SHA'
  return gitFailure(fetched.stderr)
}

/** The project directory relative to the repository top level ('' for the top level itself). */
function projectPrefix(workspacePrefix: string, projectDir: string): string {
  const normalized = posix.normalize(posix.join(workspacePrefix, projectDir.replaceAll('\\', '/')))
  if (posix.isAbsolute(projectDir) || normalized === '..' || normalized.startsWith('../')) {
    throw new RollbackError(`project-dir '${projectDir}' is outside the git repository of the workspace`)
  }
  return normalized === '.' ? '' : normalized.replace(/\/$/, '')
}

/**
 * Refuses what could be read as an option or a range before any command runs: the ref reaches git as
 * an argument, and `--end-of-options` is the second line of defence, not the only one.
 */
export function assertSafeRef(ref: string): void {
  const shown = JSON.stringify(ref)
  const refuse = (why: string): never => {
    throw new RollbackError(`input 'ref' ${shown} ${why}; give a branch, a tag or a commit SHA`)
  }
  if (ref === '') refuse('is empty')
  if (ref.startsWith('-')) refuse('starts with "-" and would be read as a git option')
  if (hasControlCharacter(ref)) refuse('contains a control character')
  if (/\s/.test(ref)) refuse('contains whitespace')
  if (ref.includes('..') || ref.startsWith('^') || /\^[!@-]/.test(ref))
    refuse('is a range, not a single commit')
}

function hasControlCharacter(text: string): boolean {
  return [...text].some((char) => char.charCodeAt(0) < 0x20 || char === '\x7f')
}

/** A whole ref name as `git check-ref-format --allow-onelevel` accepts it (so it can be fetched). */
export function isRefName(ref: string): boolean {
  if (ref === '@' || ref.includes('..') || ref.includes('@{') || ref.includes('//')) return false
  if (hasControlCharacter(ref) || /[\s~^:?*[\\]/.test(ref)) return false
  if (ref.startsWith('/') || ref.endsWith('/') || ref.endsWith('.')) return false
  return ref.split('/').every((part) => !part.startsWith('.') && !part.endsWith('.lock'))
}
