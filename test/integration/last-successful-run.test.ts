// `ref: last-successful-run` against the GitHub API stand-in: which run is meant (this workflow's or the
// one named in input `workflow`), paging, retries after 5xx answers, rate limits, timeouts and dropped
// connections, and one-line failures that say what to fix.
import { describe, expect, it } from 'vitest'
import { cleanUp } from '../support/cleanup.js'
import { RollbackError } from '../../src/errors.js'
import type { GitHubApiOptions } from '../../src/github/api.js'
import {
  lastSuccessfulRunSha,
  runContextFromEnv,
  type RunContext,
} from '../../src/github/last-successful-run.js'
import {
  secondaryRateLimit,
  startGitHubApiStandIn,
  type GitHubApiStandIn,
  type GitHubApiStandInOptions,
  type StandInRun,
} from '../support/github-api-stand-in.js'
import { freePort } from '../support/net.js'
import { rollbackError } from '../support/rollback-error.js'
import { selfSignedCertificate, startTlsFront } from '../support/tls.js'

const token = 'ghs_standInToken0123456789'
const repository = 'acme/shop'
const deploy = { id: 7001, path: '.github/workflows/deploy.yml' }
const nightly = { id: 7002, path: '.github/workflows/nightly.yml' }
const rollbackWorkflow = { id: 7003, path: '.github/workflows/rollback.yml' }
const currentRunId = 900

const sha = (n: number) => n.toString(16).padStart(40, 'a')
const run = (id: number, n: number, extra: Partial<StandInRun> = {}): StandInRun => ({
  id,
  workflowId: deploy.id,
  headSha: sha(n),
  headBranch: 'main',
  ...extra,
})
const currentRun = run(currentRunId, 900, { status: 'in_progress' })

/** The stand-in of the running test, if it started one. */
let standIn: GitHubApiStandIn | undefined

async function serve(
  options: Partial<GitHubApiStandInOptions> & { runs: StandInRun[] },
): Promise<RunContext> {
  const started = await startGitHubApiStandIn({
    repository,
    token,
    workflows: [deploy, nightly, rollbackWorkflow],
    ...options,
  })
  standIn = started
  cleanUp(async () => {
    // The next test sees no stand-in until it starts its own.
    standIn = undefined
    await started.close()
  })
  return { apiUrl: started.url, repository, runId: currentRunId, branch: 'main' }
}

/** Waits are recorded, not slept; log lines are kept. */
function quick(extra: GitHubApiOptions = {}) {
  const waits: number[] = []
  const log: string[] = []
  const options: GitHubApiOptions = {
    sleep: async (ms) => {
      waits.push(ms)
    },
    log: (line) => log.push(line),
    ...extra,
  }
  return { options, waits, log }
}

async function failure(promise: Promise<unknown>): Promise<RollbackError> {
  const error = await rollbackError(promise)
  expect(error.message).not.toContain('\n')
  expect(`${error.message} ${error.stack ?? ''}`).not.toContain(token)
  return error
}

const listRequests = () => (standIn?.requests ?? []).filter((r) => r.path.endsWith('/runs'))
const statuses = () => (standIn?.requests ?? []).map((r) => r.status)

describe('lastSuccessfulRunSha of the workflow running this step', () => {
  it('picks the head SHA of the newest successful run, skipping failures, other workflows and the current run', async () => {
    const context = await serve({
      runs: [
        run(100, 1),
        run(101, 2),
        run(102, 3, { conclusion: 'failure' }),
        run(103, 4, { workflowId: nightly.id }),
        currentRun,
      ],
    })
    await expect(lastSuccessfulRunSha(token, context)).resolves.toEqual({
      sha: sha(2),
      runId: 101,
      runUrl: `https://github.com/${repository}/actions/runs/101`,
      workflowPath: deploy.path,
    })
  })

  it('excludes the current run when it is a re-run of a successful run', async () => {
    const context = await serve({ runs: [run(100, 1), run(currentRunId, 2)] })
    expect((await lastSuccessfulRunSha(token, context)).sha).toBe(sha(1))
  })

  it('asks for successful runs on the branch of this run and ignores other branches', async () => {
    const context = await serve({ runs: [run(100, 1, { headBranch: 'release' }), run(101, 2), currentRun] })
    const releaseRun = await lastSuccessfulRunSha(token, { ...context, branch: 'release' })
    expect(releaseRun.sha).toBe(sha(1))
    expect(listRequests()[0]?.query).toMatchObject({ branch: 'release', status: 'success' })
    expect(listRequests()[0]?.path).toBe(`/repos/${repository}/actions/workflows/${deploy.id}/runs`)
  })

  it("skips runs of a fork's pull request whose branch has the same name", async () => {
    const context = await serve({
      runs: [run(100, 1), run(101, 2, { headRepository: 'mallory/shop' }), currentRun],
    })
    expect((await lastSuccessfulRunSha(token, context)).sha).toBe(sha(1))
  })

  it('reads only the first small page when the newest successful run qualifies', async () => {
    const history = Array.from({ length: 250 }, (_, i) => run(100 + i, i))
    const context = await serve({ runs: [...history, currentRun] })
    expect((await lastSuccessfulRunSha(token, context)).runId).toBe(349)
    expect(listRequests()).toHaveLength(1)
    expect(Number(listRequests()[0]?.query['per_page'])).toBeLessThanOrEqual(10)
    expect(listRequests()[0]?.query['page']).toBeUndefined()
  })

  it("follows GitHub's Link header to the next pages while every run on a page is a fork's", async () => {
    const forks = Array.from({ length: 25 }, (_, i) =>
      run(200 + i, 200 + i, { headRepository: 'mallory/shop' }),
    )
    const context = await serve({ runs: [run(100, 1), ...forks, currentRun] })
    expect((await lastSuccessfulRunSha(token, context)).sha).toBe(sha(1))
    expect(listRequests().map((r) => r.query['page'])).toEqual([undefined, '2', '3'])
  })

  it('gives up after ten pages of runs that do not qualify', async () => {
    const forks = Array.from({ length: 150 }, (_, i) => run(200 + i, i, { headRepository: 'mallory/shop' }))
    const context = await serve({ runs: [run(100, 1), ...forks, currentRun] })
    const error = await failure(lastSuccessfulRunSha(token, context))
    expect(error.message).toContain('found no successful run of workflow .github/workflows/deploy.yml')
    expect(listRequests()).toHaveLength(10)
  })

  it('sends the token on every request', async () => {
    const context = await serve({ runs: [run(100, 1), currentRun] })
    await lastSuccessfulRunSha(token, context)
    expect(standIn?.requests.map((r) => r.authorization)).toEqual([`token ${token}`, `token ${token}`])
  })
})

describe('lastSuccessfulRunSha of the workflow named in input workflow', () => {
  // A rollback workflow of its own: its successful runs (dry runs, earlier rollbacks) are not deploys.
  const rollbackRuns = [run(300, 30, { workflowId: rollbackWorkflow.id })]
  const rollbackContext = (context: RunContext) => ({ ...context, runId: 901 })
  const deploys = [run(100, 1), run(101, 2), run(102, 3, { conclusion: 'failure' })]

  it.each([['deploy.yml'], [String(deploy.id)]])(
    'takes the last good deploy when workflow is %s',
    async (workflow) => {
      const context = rollbackContext(
        await serve({
          runs: [...deploys, ...rollbackRuns, run(901, 90, { workflowId: rollbackWorkflow.id })],
        }),
      )
      const found = await lastSuccessfulRunSha(token, context, workflow)
      expect(found).toMatchObject({ sha: sha(2), runId: 101, workflowPath: deploy.path })
      expect(standIn?.requests.map((r) => r.path)).toEqual([
        `/repos/${repository}/actions/workflows/${workflow}`,
        `/repos/${repository}/actions/workflows/${deploy.id}/runs`,
      ])
    },
  )

  it('finds the deploy on the first rollback too, when the rollback workflow has no successful run yet', async () => {
    const context = rollbackContext(
      await serve({
        runs: [...deploys, run(901, 90, { workflowId: rollbackWorkflow.id, status: 'in_progress' })],
      }),
    )
    expect((await lastSuccessfulRunSha(token, context, 'deploy.yml')).sha).toBe(sha(2))
    const own = await failure(lastSuccessfulRunSha(token, context))
    expect(own.message).toBe(
      "ref: last-successful-run found no successful run of workflow .github/workflows/rollback.yml on branch main (input 'workflow' is empty: this is the workflow running this step; a rollback workflow names the deploy workflow there); give a ref instead",
    )
  })

  it('names input workflow when GitHub has no such workflow', async () => {
    const context = await serve({ runs: deploys })
    const error = await failure(lastSuccessfulRunSha(token, context, 'deploy.yaml'))
    expect(error.message).toBe(
      "ref: last-successful-run: no workflow 'deploy.yaml' in acme/shop that the token can see (404 Not Found): check input 'workflow' (a file name under .github/workflows, such as deploy.yml, or a workflow id); the token in input 'github-token' needs actions: read; add `permissions: actions: read` to the job",
    )
  })

  it('says when the named workflow has no successful run on the branch', async () => {
    const context = await serve({ runs: [run(100, 1, { workflowId: nightly.id, conclusion: 'failure' })] })
    const error = await failure(lastSuccessfulRunSha(token, context, 'nightly.yml'))
    expect(error.message).toBe(
      'ref: last-successful-run found no successful run of workflow .github/workflows/nightly.yml on branch main; give a ref instead',
    )
  })
})

describe('lastSuccessfulRunSha retries', () => {
  it('retries a GET after 5xx answers with growing waits', async () => {
    const context = await serve({
      runs: [run(100, 1), currentRun],
      faults: [
        { status: 502, message: 'Server Error' },
        { status: 503, message: 'Service Unavailable' },
      ],
    })
    const { options, waits, log } = quick()
    expect((await lastSuccessfulRunSha(token, context, '', options)).sha).toBe(sha(1))
    expect(statuses()).toEqual([502, 503, 200, 200])
    expect(waits).toEqual([1000, 2000])
    expect(log[0]).toBe(
      `GET /repos/acme/shop/actions/runs/${currentRunId}: 502 Server Error; attempt 2 in 1 s`,
    )
  })

  it('gives up after four attempts and says so', async () => {
    const context = await serve({ runs: [currentRun], failWith: { status: 500, message: 'Server Error' } })
    const { options, waits } = quick()
    const error = await failure(lastSuccessfulRunSha(token, context, '', options))
    expect(error.message).toBe(
      `ref: last-successful-run: GitHub API GET /repos/acme/shop/actions/runs/${currentRunId} failed (500 Server Error) after 4 attempts`,
    )
    expect(waits).toEqual([1000, 2000, 4000])
  })

  it('waits as long as retry-after says after a secondary rate limit', async () => {
    const context = await serve({ runs: [run(100, 1), currentRun], faults: [secondaryRateLimit(7)] })
    const { options, waits } = quick()
    expect((await lastSuccessfulRunSha(token, context, '', options)).sha).toBe(sha(1))
    expect(statuses()).toEqual([403, 200, 200])
    expect(waits).toEqual([7000])
  })

  it('waits for x-ratelimit-reset when the primary rate limit is used up and lifts soon', async () => {
    const now = Date.parse('2030-01-01T00:00:00Z')
    const resetInTenSeconds = { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 10) }
    const context = await serve({
      runs: [run(100, 1), currentRun],
      faults: [
        {
          status: 403,
          message: 'API rate limit exceeded for installation ID 1.',
          headers: resetInTenSeconds,
        },
      ],
    })
    const { options, waits } = quick({ now: () => now })
    expect((await lastSuccessfulRunSha(token, context, '', options)).sha).toBe(sha(1))
    expect(waits).toEqual([11_000])
  })

  it('fails at once, saying when the limit lifts, when that is beyond the longest wait', async () => {
    const now = Date.parse('2030-01-01T00:00:00Z')
    const context = await serve({
      runs: [currentRun],
      failWith: {
        status: 403,
        message: 'API rate limit exceeded for installation ID 1.',
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 1800) },
      },
    })
    const { options, waits } = quick({ now: () => now })
    const error = await failure(lastSuccessfulRunSha(token, context, '', options))
    expect(error.message).toBe(
      'ref: last-successful-run: GitHub API rate limit reached (403 API rate limit exceeded for installation ID 1.); it lifts at 2030-01-01T00:30:01Z: retry then, or give a ref',
    )
    expect(error.message).not.toContain('actions: read')
    expect(waits).toEqual([])
    expect(statuses()).toEqual([403])
  })

  it('times out a request that gets no answer, and tries again', async () => {
    const context = await serve({ runs: [run(100, 1), currentRun], faults: [{ hang: true }] })
    const { options, log } = quick({ timeoutMs: 200 })
    expect((await lastSuccessfulRunSha(token, context, '', options)).sha).toBe(sha(1))
    expect(statuses()).toEqual([0, 200, 200])
    expect(log[0]).toContain('no answer within 0.2 s; attempt 2 in 1 s')
  })

  it('says a request timed out every time', async () => {
    const hang = { hang: true } as const
    const context = await serve({ runs: [currentRun], faults: [hang, hang, hang, hang] })
    const { options } = quick({ timeoutMs: 100 })
    const error = await failure(lastSuccessfulRunSha(token, context, '', options))
    expect(error.message).toBe(
      `ref: last-successful-run: could not reach the GitHub API at ${context.apiUrl}: no answer within 0.1 s on GET /repos/acme/shop/actions/runs/${currentRunId} after 4 attempts`,
    )
  })

  it('tries again after a dropped connection', async () => {
    const context = await serve({ runs: [run(100, 1), currentRun], faults: [{ reset: true }] })
    const { options } = quick()
    expect((await lastSuccessfulRunSha(token, context, '', options)).sha).toBe(sha(1))
    expect(standIn?.requests).toHaveLength(3)
  })

  it('does not retry a rejected token', async () => {
    const context = await serve({ runs: [run(100, 1), currentRun] })
    const { options, waits } = quick()
    const error = await failure(lastSuccessfulRunSha('ghs_revokedToken', context, '', options))
    expect(error.message).toBe(
      "ref: last-successful-run: GitHub rejected the token in input 'github-token' (401 Bad credentials)",
    )
    expect(error.message).not.toContain('ghs_revokedToken')
    expect(waits).toEqual([])
  })
})

describe('lastSuccessfulRunSha errors', () => {
  it('tells how to grant actions: read when GitHub answers 403', async () => {
    const context = await serve({ runs: [run(100, 1), currentRun], actionsRead: false })
    const error = await failure(lastSuccessfulRunSha(token, context, '', quick().options))
    expect(error.message).toBe(
      "ref: last-successful-run cannot read the workflow runs of acme/shop (403 Resource not accessible by integration): the token in input 'github-token' needs actions: read; add `permissions: actions: read` to the job",
    )
  })

  it('treats 404 on the current run (a private repository hiding its runs) as missing actions: read', async () => {
    const context = await serve({ runs: [run(100, 1)] })
    const error = await failure(lastSuccessfulRunSha(token, context, '', quick().options))
    expect(error.message).toContain('(404 Not Found)')
    expect(error.message).toContain('add `permissions: actions: read` to the job')
  })

  it('never repeats the token, even when the server echoes it', async () => {
    const context = await serve({
      runs: [currentRun],
      failWith: { status: 502, message: `upstream saw ${token}` },
    })
    const error = await failure(lastSuccessfulRunSha(token, context, '', quick().options))
    expect(error.message).toContain('(502 upstream saw ***)')
  })

  it('names the refused address when nothing listens there', async () => {
    const port = await freePort()
    const context = { apiUrl: `http://127.0.0.1:${port}`, repository, runId: currentRunId, branch: 'main' }
    const { options, waits } = quick()
    const error = await failure(lastSuccessfulRunSha(token, context, '', options))
    expect(error.message).toBe(
      `ref: last-successful-run: could not reach the GitHub API at http://127.0.0.1:${port}: connection refused (ECONNREFUSED 127.0.0.1:${port}) on GET /repos/acme/shop/actions/runs/${currentRunId} after 4 attempts`,
    )
    expect(waits).toHaveLength(3)
  })

  it('names the host whose name does not resolve, without retrying', async () => {
    // A label over 63 characters: the resolver refuses it without asking a DNS server.
    const host = `${'x'.repeat(64)}.invalid`
    const context = { apiUrl: `http://${host}`, repository, runId: currentRunId, branch: 'main' }
    const { options, waits } = quick()
    const error = await failure(lastSuccessfulRunSha(token, context, '', options))
    expect(error.message).toBe(
      `ref: last-successful-run: could not reach the GitHub API at http://${host}: host ${host} not found (DNS ENOTFOUND) on GET /repos/acme/shop/actions/runs/${currentRunId}`,
    )
    expect(waits).toEqual([])
  })

  const certificate = selfSignedCertificate()
  it.skipIf(!certificate)(
    'says an untrusted certificate of GitHub Enterprise Server is a TLS failure (needs openssl)',
    async () => {
      const context = await serve({ runs: [run(100, 1), currentRun] })
      const front = await startTlsFront(context.apiUrl, certificate!)
      cleanUp(front.close)
      const { options, waits } = quick()
      const error = await failure(lastSuccessfulRunSha(token, { ...context, apiUrl: front.url }, '', options))
      expect(error.message).toMatch(
        /^ref: last-successful-run: could not reach the GitHub API at https:\/\/127\.0\.0\.1:\d+: TLS failed: .*\(DEPTH_ZERO_SELF_SIGNED_CERT\); with a private CA \(GitHub Enterprise Server\), set NODE_EXTRA_CA_CERTS on the runner on GET /,
      )
      expect(waits).toEqual([])
      expect(standIn?.requests).toEqual([])
    },
  )

  it('asks for a token when github-token is empty, without calling the API', async () => {
    const context = await serve({ runs: [run(100, 1), currentRun] })
    const error = await failure(lastSuccessfulRunSha('', context))
    expect(error.message).toContain("input 'github-token' is empty")
    expect(standIn?.requests).toEqual([])
  })
})

describe('runContextFromEnv', () => {
  const actionsEnv = {
    GITHUB_API_URL: 'https://ghe.example.com/api/v3/',
    GITHUB_REPOSITORY: repository,
    GITHUB_RUN_ID: '12345',
    GITHUB_REF_NAME: 'main',
    GITHUB_HEAD_REF: '',
    GITHUB_WORKFLOW_REF: 'acme/shop/.github/workflows/deploy.yml@refs/heads/main',
  }

  it('reads the run from the variables GitHub Actions sets', () => {
    expect(runContextFromEnv(actionsEnv)).toEqual({
      apiUrl: 'https://ghe.example.com/api/v3',
      repository,
      runId: 12345,
      branch: 'main',
      workflowRef: 'acme/shop/.github/workflows/deploy.yml@refs/heads/main',
    })
  })

  it('uses the head branch of a pull request and api.github.com by default', () => {
    const context = runContextFromEnv({
      ...actionsEnv,
      GITHUB_API_URL: undefined,
      GITHUB_HEAD_REF: 'feature/x',
    })
    expect(context).toMatchObject({ apiUrl: 'https://api.github.com', branch: 'feature/x' })
  })

  it('names the proxy the API is reached through, without its credentials', () => {
    const env = { ...actionsEnv, HTTPS_PROXY: 'http://ci:s3cret@proxy.corp:3128', NO_PROXY: 'internal.corp' }
    expect(runContextFromEnv(env).proxy).toBe('http://proxy.corp:3128')
    expect(runContextFromEnv({ ...env, NO_PROXY: 'example.com' }).proxy).toBeUndefined()
  })

  it.each(['GITHUB_REPOSITORY', 'GITHUB_RUN_ID', 'GITHUB_REF_NAME'])(
    'names %s when it is missing',
    (name) => {
      expect(() => runContextFromEnv({ ...actionsEnv, [name]: undefined })).toThrow(
        new RollbackError(
          `ref: last-successful-run needs ${name}, which GitHub Actions sets; outside GitHub Actions give a commit, tag or branch as ref`,
        ),
      )
    },
  )

  it('rejects a run id or repository GitHub would never set', () => {
    expect(() => runContextFromEnv({ ...actionsEnv, GITHUB_RUN_ID: '12x' })).toThrow(
      "GITHUB_RUN_ID '12x' is not a run id",
    )
    expect(() => runContextFromEnv({ ...actionsEnv, GITHUB_REPOSITORY: 'shop' })).toThrow(
      "GITHUB_REPOSITORY 'shop' is not owner/name",
    )
  })
})
