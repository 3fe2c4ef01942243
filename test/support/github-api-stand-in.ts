// A stand-in for the GitHub REST endpoints `ref: last-successful-run` reads (get a workflow run, get a
// workflow by id or file name, list a workflow's runs), on node:http at 127.0.0.1. It filters, orders
// and pages like GitHub (newest first, per_page 30 by default, at most 100, a Link header to the next
// and last pages) and answers errors with GitHub's JSON shape. `faults` make the first requests fail
// as GitHub and networks do: 5xx, rate limits, no answer, a dropped connection.
import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

export interface StandInRun {
  id: number
  workflowId: number
  headSha: string
  headBranch: string
  /** 'completed' by default. */
  status?: 'completed' | 'in_progress' | 'queued'
  /** Set when completed; 'success' by default. */
  conclusion?: 'success' | 'failure' | 'cancelled' | null
  /** owner/name of the head repository; the served repository by default (a fork's otherwise). */
  headRepository?: string
}

export interface StandInWorkflow {
  id: number
  path: string
}

/** An error answer: its status, GitHub's message, and headers to send with it. */
export interface GitHubErrorAnswer {
  status: number
  message: string
  headers?: Record<string, string>
}

/** How one request fails: an HTTP answer, no answer at all, or a connection dropped before any answer. */
export type GitHubFault = GitHubErrorAnswer | { hang: true } | { reset: true }

/** GitHub's answer to too many requests in a short time; it says when to come back in retry-after. */
export function secondaryRateLimit(retryAfterSeconds: number): GitHubErrorAnswer {
  return {
    status: 403,
    message:
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.',
    headers: { 'retry-after': String(retryAfterSeconds) },
  }
}

export interface RecordedGitHubRequest {
  method: string
  /** Path without the query. */
  path: string
  query: Record<string, string>
  authorization: string | undefined
  /** The answer's status; 0 for a fault without an answer. */
  status: number
}

export interface GitHubApiStandInOptions {
  /** owner/name. */
  repository: string
  /** The only token accepted (sent as `Bearer <token>` or `token <token>`); others get 401. */
  token: string
  workflows: StandInWorkflow[]
  /** In creation order: the last one is the newest. */
  runs: StandInRun[]
  /** false: the token lacks `actions: read`, every request gets GitHub's 403. */
  actionsRead?: boolean
  /** Answer every request with this status and message instead. */
  failWith?: GitHubErrorAnswer
  /** The first requests, one fault each, in order; later requests are answered normally. */
  faults?: GitHubFault[]
}

export interface GitHubApiStandIn {
  /** Base URL, as GITHUB_API_URL would hold it. */
  url: string
  requests: RecordedGitHubRequest[]
  close(): Promise<void>
}

const docs = 'https://docs.github.com/rest'

export async function startGitHubApiStandIn(options: GitHubApiStandInOptions): Promise<GitHubApiStandIn> {
  const requests: RecordedGitHubRequest[] = []
  const faults = [...(options.faults ?? [])]
  const server = createServer((req, res) => {
    // Link headers point at the host the client asked for, as GitHub's point at api.github.com.
    const base = `http://${req.headers.host ?? '127.0.0.1'}`
    const url = new URL(req.url ?? '/', base)
    const record: RecordedGitHubRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      authorization: req.headers.authorization,
      status: 0,
    }
    requests.push(record)
    const fault = faults.shift()
    if (fault && 'hang' in fault) return
    if (fault && 'reset' in fault) return req.socket.destroy()
    const [status, body, headers] = fault ? githubError(fault) : answer(options, record, url)
    record.status = status
    send(res, status, body, headers)
  })
  const sockets = new Set<Socket>()
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve, reject) => {
        // Kept-alive and hanging connections too.
        for (const socket of sockets) socket.destroy()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}

type Answer = [status: number, body: unknown, headers?: Record<string, string>]

/** An error as GitHub answers it: {message, documentation_url, status} in the body. */
function githubError({ status, message, headers }: GitHubErrorAnswer): Answer {
  return [status, { message, documentation_url: docs, status: String(status) }, headers]
}

function answer(options: GitHubApiStandInOptions, request: RecordedGitHubRequest, url: URL): Answer {
  const authorization = request.authorization ?? ''
  if (authorization !== `Bearer ${options.token}` && authorization !== `token ${options.token}`) {
    return githubError({ status: 401, message: 'Bad credentials' })
  }
  if (options.failWith) return githubError(options.failWith)
  if (options.actionsRead === false) {
    return githubError({ status: 403, message: 'Resource not accessible by integration' })
  }
  const repoPrefix = `/repos/${options.repository}/actions`
  const notFound = githubError({ status: 404, message: 'Not Found' })
  if (request.method !== 'GET' || !request.path.startsWith(repoPrefix)) return notFound
  const rest = request.path.slice(repoPrefix.length)

  const single = /^\/runs\/(\d+)$/.exec(rest)
  if (single) {
    const run = options.runs.find((r) => r.id === Number(single[1]))
    return run ? [200, runJson(options, run)] : notFound
  }
  const workflowPath = /^\/workflows\/([^/]+)(\/runs)?$/.exec(rest)
  if (workflowPath) {
    const key = decodeURIComponent(workflowPath[1] ?? '')
    // workflow_id: the numeric id or the workflow's file name.
    const workflow = options.workflows.find((w) => String(w.id) === key || w.path.endsWith(`/${key}`))
    if (!workflow) return notFound
    if (!workflowPath[2]) return [200, workflowJson(options, workflow)]
    return listRuns(options, workflow.id, url)
  }
  return notFound
}

function workflowJson(options: GitHubApiStandInOptions, workflow: StandInWorkflow) {
  return {
    id: workflow.id,
    name: workflow.path.replace(/^.*\//, '').replace(/\.ya?ml$/, ''),
    path: workflow.path,
    state: 'active',
    html_url: `https://github.com/${options.repository}/blob/main/${workflow.path}`,
  }
}

function listRuns(options: GitHubApiStandInOptions, workflowId: number, url: URL): Answer {
  const query = url.searchParams
  const branch = query.get('branch')
  const status = query.get('status')
  const perPage = Math.min(Number(query.get('per_page') ?? 30), 100)
  const page = Number(query.get('page') ?? 1)
  const matching = options.runs
    .filter((run) => run.workflowId === workflowId)
    .filter((run) => branch === null || run.headBranch === branch)
    .filter((run) => status === null || statusOf(run) === status || conclusionOf(run) === status)
    .reverse()
  const body = {
    total_count: matching.length,
    workflow_runs: matching.slice((page - 1) * perPage, page * perPage).map((run) => runJson(options, run)),
  }
  const lastPage = Math.max(1, Math.ceil(matching.length / perPage))
  const pageUrl = (n: number) => {
    const next = new URL(url)
    next.searchParams.set('page', String(n))
    return `<${next.href}>`
  }
  const links =
    page < lastPage ? [`${pageUrl(page + 1)}; rel="next"`, `${pageUrl(lastPage)}; rel="last"`] : []
  return [200, body, links.length > 0 ? { link: links.join(', ') } : {}]
}

function statusOf(run: StandInRun): string {
  return run.status ?? 'completed'
}

function conclusionOf(run: StandInRun): string | null {
  return statusOf(run) === 'completed' ? (run.conclusion === undefined ? 'success' : run.conclusion) : null
}

function runJson(options: GitHubApiStandInOptions, run: StandInRun) {
  const workflow = options.workflows.find((w) => w.id === run.workflowId)
  const headRepository = run.headRepository ?? options.repository
  return {
    id: run.id,
    workflow_id: run.workflowId,
    path: workflow?.path,
    head_sha: run.headSha,
    head_branch: run.headBranch,
    status: statusOf(run),
    conclusion: conclusionOf(run),
    html_url: `https://github.com/${options.repository}/actions/runs/${run.id}`,
    head_repository: { full_name: headRepository },
    pull_requests: [],
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
  res.end(JSON.stringify(body))
}
