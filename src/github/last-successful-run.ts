// `ref: last-successful-run`: the head commit of the newest successful run of a workflow on the current
// branch, read from the GitHub REST API. The workflow is input `workflow` (a rollback workflow names the
// deploy workflow there), else the workflow running this step.
import { RollbackError } from '../errors.js'
import { isRecord } from '../json.js'
import { proxyFor, shownProxy } from '../proxy.js'
import type { GitHubApi, GitHubApiOptions } from './api.js'
import { GitHubApiError, createGitHubApi } from './api.js'

export interface RunContext {
  /** GITHUB_API_URL without a trailing slash; https://api.github.com by default. */
  readonly apiUrl: string
  /** owner/name (GITHUB_REPOSITORY). */
  readonly repository: string
  /** GITHUB_RUN_ID: the run to leave out. */
  readonly runId: number
  /** GITHUB_HEAD_REF (pull requests), else GITHUB_REF_NAME. */
  readonly branch: string
  /** GITHUB_WORKFLOW_REF, e.g. owner/repo/.github/workflows/deploy.yml@refs/heads/main; names the workflow in messages. */
  readonly workflowRef?: string
  /** The proxy the API URL is reached through (without credentials), for messages. */
  readonly proxy?: string
}

export interface LastSuccessfulRun {
  readonly sha: string
  readonly runId: number
  readonly runUrl: string
  /** .github/workflows/deploy.yml */
  readonly workflowPath: string
}

const selector = 'ref: last-successful-run'
const defaultApiUrl = 'https://api.github.com'
// Newest first: the first run that qualifies is the answer. Only the current run (a re-run of a
// successful run lists as successful) and runs of forks' branches of the same name are skipped.
const runsPerPage = 10
const maxPages = 10

export function runContextFromEnv(env: Readonly<Record<string, string | undefined>>): RunContext {
  const required = (name: string): string => {
    const value = env[name]?.trim()
    if (!value) {
      throw new RollbackError(
        `${selector} needs ${name}, which GitHub Actions sets; outside GitHub Actions give a commit, tag or branch as ref`,
      )
    }
    return value
  }
  const repository = required('GITHUB_REPOSITORY')
  if (!/^[^/\s]+\/[^/\s]+$/.test(repository)) {
    throw new RollbackError(`${selector}: GITHUB_REPOSITORY '${repository}' is not owner/name`)
  }
  const runIdText = required('GITHUB_RUN_ID')
  const runId = Number(runIdText)
  if (!/^\d+$/.test(runIdText) || !Number.isSafeInteger(runId) || runId <= 0) {
    throw new RollbackError(`${selector}: GITHUB_RUN_ID '${runIdText}' is not a run id`)
  }
  const branch = env['GITHUB_HEAD_REF']?.trim() || required('GITHUB_REF_NAME')
  const workflowRef = env['GITHUB_WORKFLOW_REF']?.trim() || undefined
  const apiUrl = (env['GITHUB_API_URL']?.trim() || defaultApiUrl).replace(/\/+$/, '')
  let url: URL
  try {
    url = new URL(apiUrl)
  } catch (error) {
    throw new RollbackError(`${selector}: GITHUB_API_URL '${apiUrl}' is not a URL`, { cause: error })
  }
  const proxy = proxyFor(url, env)
  return {
    apiUrl,
    repository,
    runId,
    branch,
    ...(workflowRef === undefined ? {} : { workflowRef }),
    ...(proxy === undefined ? {} : { proxy: shownProxy(proxy) }),
  }
}

/**
 * Head SHA of the newest successful run of `workflow` (a file name such as deploy.yml, or a workflow
 * id; '': this run's workflow) on this branch, this run excluded.
 */
export async function lastSuccessfulRunSha(
  token: string,
  context: RunContext,
  workflow = '',
  options: GitHubApiOptions = {},
): Promise<LastSuccessfulRun> {
  if (!token.trim()) {
    throw new RollbackError(
      `${selector} needs a token: input 'github-token' is empty (its default is github.token)`,
    )
  }
  const api = createGitHubApi(token, context, options)
  try {
    const target = workflow
      ? await namedWorkflow(api, context, workflow)
      : await runningWorkflow(api, context)
    const found = await newestQualifyingRun(api, context, target.id)
    if (found) return toResult(found, target.path)
    const hint = workflow
      ? ''
      : ` (input 'workflow' is empty: this is the workflow running this step; a rollback workflow names the deploy workflow there)`
    throw new RollbackError(
      `${selector} found no successful run of workflow ${target.path} on branch ${context.branch}${hint}; give a ref instead`,
    )
  } catch (error) {
    throw error instanceof GitHubApiError ? explain(error, context, workflow) : error
  }
}

type JsonObject = Record<string, unknown>

interface Workflow {
  readonly id: number
  readonly path: string
}

function repoParams(context: RunContext) {
  const [owner = '', repo = ''] = context.repository.split('/')
  return { owner, repo }
}

async function namedWorkflow(api: GitHubApi, context: RunContext, workflow: string): Promise<Workflow> {
  const route = 'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}'
  const found = asObject(await api.get(route, { ...repoParams(context), workflow_id: workflow }))
  const id = found['id']
  if (typeof id !== 'number') {
    throw new RollbackError(`${selector}: the GitHub API gave no id for workflow '${workflow}'`)
  }
  return { id, path: typeof found['path'] === 'string' && found['path'] ? found['path'] : workflow }
}

async function runningWorkflow(api: GitHubApi, context: RunContext): Promise<Workflow> {
  const route = 'GET /repos/{owner}/{repo}/actions/runs/{run_id}'
  const current = asObject(await api.get(route, { ...repoParams(context), run_id: context.runId }))
  const id = current['workflow_id']
  if (typeof id !== 'number') {
    throw new RollbackError(`${selector}: the GitHub API gave no workflow_id for run ${context.runId}`)
  }
  return { id, path: workflowLabel(current['path'], context.workflowRef, id) }
}

async function newestQualifyingRun(
  api: GitHubApi,
  context: RunContext,
  workflowId: number,
): Promise<JsonObject | undefined> {
  const route = 'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs'
  const query = {
    ...repoParams(context),
    workflow_id: workflowId,
    branch: context.branch,
    status: 'success',
    exclude_pull_requests: true,
    per_page: runsPerPage,
  }
  let pages = 0
  for await (const page of api.pages(route, query)) {
    const found = page
      .map(asObject)
      .find(
        (run) =>
          run['id'] !== context.runId &&
          run['conclusion'] === 'success' &&
          isOwnRepository(run, context.repository),
      )
    if (found || ++pages >= maxPages) return found
  }
  return undefined
}

/** The failures a user can fix, said as what to fix. */
function explain(error: GitHubApiError, context: RunContext, workflow: string): RollbackError {
  const status = `${error.status} ${error.apiMessage}`
  if (error.status === 401) {
    return new RollbackError(`${selector}: GitHub rejected the token in input 'github-token' (${status})`, {
      cause: error,
    })
  }
  const permission =
    "the token in input 'github-token' needs actions: read; add `permissions: actions: read` to the job"
  if (error.status === 404 && workflow && /\/actions\/workflows\/[^/]+$/.test(error.endpoint)) {
    // A private repository hides its workflows from a token without actions: read: 404 too.
    return new RollbackError(
      `${selector}: no workflow '${workflow}' in ${context.repository} that the token can see (${status}): check input 'workflow' (a file name under .github/workflows, such as deploy.yml, or a workflow id); ${permission}`,
      { cause: error },
    )
  }
  if (!error.rateLimited && (error.status === 403 || error.status === 404)) {
    // Without actions: read GitHub answers 403, or 404 for a private repository.
    return new RollbackError(
      `${selector} cannot read the workflow runs of ${context.repository} (${status}): ${permission}`,
      { cause: error },
    )
  }
  return new RollbackError(`${selector}: ${error.message}`, { cause: error })
}

function toResult(run: JsonObject, workflowPath: string): LastSuccessfulRun {
  const sha = run['head_sha']
  const runId = run['id']
  if (typeof sha !== 'string' || !/^[0-9a-f]{40}$/.test(sha) || typeof runId !== 'number') {
    throw new RollbackError(
      `${selector}: the GitHub API gave a run without a head SHA (run ${String(runId)})`,
    )
  }
  const htmlUrl = run['html_url']
  return { sha, runId, runUrl: typeof htmlUrl === 'string' ? htmlUrl : '', workflowPath }
}

/** Runs of pull requests from forks carry the fork's branch name, and their commits are not ours. */
function isOwnRepository(run: JsonObject, repository: string): boolean {
  const head = run['head_repository']
  if (!isRecord(head)) return true
  const fullName = head['full_name']
  return typeof fullName !== 'string' || fullName.toLowerCase() === repository.toLowerCase()
}

function workflowLabel(path: unknown, workflowRef: string | undefined, workflowId: number): string {
  if (typeof path === 'string' && path) return path
  // owner/repo/.github/workflows/deploy.yml@refs/heads/main → .github/workflows/deploy.yml
  const fromRef = workflowRef?.replace(/@.*$/, '').split('/').slice(2).join('/')
  return fromRef || `#${workflowId}`
}

function asObject(value: unknown): JsonObject {
  return isRecord(value) ? value : {}
}
