import { afterEach, describe, expect, it } from 'vitest'
import { RollbackError } from '../../src/errors.js'
import {
  lastSuccessfulRunSha,
  runContextFromEnv,
  type RunContext,
} from '../../src/github/last-successful-run.js'
import {
  startGitHubApiStandIn,
  type GitHubApiStandIn,
  type GitHubApiStandInOptions,
  type StandInRun,
} from '../support/github-api-stand-in.js'
import { freePort } from '../support/net.js'

const token = 'ghs_standInToken0123456789'
const repository = 'acme/shop'
const deploy = { id: 7001, path: '.github/workflows/deploy.yml' }
const nightly = { id: 7002, path: '.github/workflows/nightly.yml' }
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

let standIn: GitHubApiStandIn | undefined
afterEach(async () => {
  await standIn?.close()
  standIn = undefined
})

async function serve(
  options: Partial<GitHubApiStandInOptions> & { runs: StandInRun[] },
): Promise<RunContext> {
  standIn = await startGitHubApiStandIn({ repository, token, workflows: [deploy, nightly], ...options })
  return { apiUrl: standIn.url, repository, runId: currentRunId, branch: 'main' }
}

async function failure(promise: Promise<unknown>): Promise<RollbackError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(RollbackError)
  const rollbackError = error as RollbackError
  expect(rollbackError.message).not.toContain('\n')
  expect(`${rollbackError.message} ${rollbackError.stack ?? ''}`).not.toContain(token)
  return rollbackError
}

const listRequests = () => (standIn?.requests ?? []).filter((r) => r.path.endsWith('/runs'))

describe('lastSuccessfulRunSha', () => {
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

  it('pages on when the whole first page is runs of forks', async () => {
    const forks = Array.from({ length: 25 }, (_, i) =>
      run(200 + i, 200 + i, { headRepository: 'mallory/shop' }),
    )
    const context = await serve({ runs: [run(100, 1), ...forks, currentRun] })
    expect((await lastSuccessfulRunSha(token, context)).sha).toBe(sha(1))
    expect(listRequests().length).toBeGreaterThan(1)
  })

  it('sends the token as a bearer token on every request', async () => {
    const context = await serve({ runs: [run(100, 1), currentRun] })
    await lastSuccessfulRunSha(token, context)
    expect(standIn?.requests.map((r) => r.authorization)).toEqual([`Bearer ${token}`, `Bearer ${token}`])
  })

  it('uses the fetch it is given', async () => {
    const context = await serve({ runs: [run(100, 1), currentRun] })
    const fetched: string[] = []
    const recordingFetch: typeof fetch = (input, init) => {
      fetched.push(String(input))
      return fetch(input, init)
    }
    await lastSuccessfulRunSha(token, context, { fetch: recordingFetch })
    expect(fetched).toEqual([
      `${standIn?.url}/repos/${repository}/actions/runs/${currentRunId}`,
      expect.stringContaining(`${standIn?.url}/repos/${repository}/actions/workflows/${deploy.id}/runs?`),
    ])
  })
})

describe('lastSuccessfulRunSha errors', () => {
  it('says when the workflow has no earlier successful run on the branch', async () => {
    const context = await serve({
      runs: [run(100, 1, { conclusion: 'failure' }), run(101, 2, { headBranch: 'dev' }), currentRun],
    })
    const error = await failure(lastSuccessfulRunSha(token, context))
    expect(error.message).toBe(
      'ref: last-successful-run found no successful run of workflow .github/workflows/deploy.yml on branch main; give a ref instead',
    )
  })

  it('tells how to grant actions: read when GitHub answers 403', async () => {
    const context = await serve({ runs: [run(100, 1), currentRun], actionsRead: false })
    const error = await failure(lastSuccessfulRunSha(token, context))
    expect(error.message).toBe(
      "ref: last-successful-run cannot read the workflow runs of acme/shop (403 Resource not accessible by integration): the token in input 'github-token' needs actions: read; add `permissions: actions: read` to the job",
    )
  })

  it('treats 404 on the current run (a private repository hiding its runs) as missing actions: read', async () => {
    const context = await serve({ runs: [run(100, 1)] })
    const error = await failure(lastSuccessfulRunSha(token, context))
    expect(error.message).toContain('(404 Not Found)')
    expect(error.message).toContain('add `permissions: actions: read` to the job')
  })

  it('names the github-token input when the token is rejected (401)', async () => {
    const context = await serve({ runs: [run(100, 1), currentRun] })
    const error = await failure(lastSuccessfulRunSha('ghs_revokedToken', context))
    expect(error.message).toBe(
      "ref: last-successful-run: GitHub rejected the token in input 'github-token' (401 Bad credentials)",
    )
    expect(error.message).not.toContain('ghs_revokedToken')
  })

  it('reports other API failures with the endpoint, status and message', async () => {
    const context = await serve({ runs: [currentRun], failWith: { status: 500, message: 'Server Error' } })
    const error = await failure(lastSuccessfulRunSha(token, context))
    expect(error.message).toBe(
      `ref: last-successful-run: GitHub API GET /repos/acme/shop/actions/runs/${currentRunId} failed (500 Server Error)`,
    )
  })

  it('says a 403 from the rate limit is the rate limit, not a missing permission', async () => {
    const context = await serve({
      runs: [currentRun],
      failWith: {
        status: 403,
        message: 'API rate limit exceeded for installation ID 1.',
        headers: { 'x-ratelimit-remaining': '0' },
      },
    })
    const error = await failure(lastSuccessfulRunSha(token, context))
    expect(error.message).toContain('GitHub API rate limit reached (403 API rate limit exceeded')
    expect(error.message).not.toContain('actions: read')
  })

  it('never repeats the token, even when the server echoes it', async () => {
    const context = await serve({
      runs: [currentRun],
      failWith: { status: 502, message: `upstream saw ${token}` },
    })
    const error = await failure(lastSuccessfulRunSha(token, context))
    expect(error.message).toContain('(502 upstream saw ***)')
  })

  it('says when the GitHub API cannot be reached', async () => {
    const port = await freePort()
    const context = { apiUrl: `http://127.0.0.1:${port}`, repository, runId: currentRunId, branch: 'main' }
    const error = await failure(lastSuccessfulRunSha(token, context))
    expect(error.message).toMatch(
      new RegExp(`^ref: last-successful-run: could not reach the GitHub API at http://127.0.0.1:${port} \\(`),
    )
  })

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
