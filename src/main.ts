// Wiring only: inputs → rollback() → outputs, summary, annotations. The only place that reads the
// runner's environment and the only place that fails the step.
import * as core from '@actions/core'
import { appendFileSync } from 'node:fs'
import { EOL, tmpdir } from 'node:os'
import { resolve } from 'node:path'
import { errorMessage } from './errors.js'
import { createHasuraClient } from './hasura/client.js'
import type { RollbackRequest } from './inputs.js'
import { parseInputs } from './inputs.js'
import type { Log } from './log.js'
import type { ProjectConfig } from './project/config.js'
import { workspaceFiles } from './project/files.js'
import type { Report, ReportContext, StepText } from './report.js'
import { RenderedSteps, buildReport } from './report.js'
import type { RollbackResult } from './result.js'
import { refusedResult } from './result.js'
import { rollback } from './rollback.js'
import { proxyFor, proxySecrets } from './proxy.js'
import { secretsOfDatabaseUrl } from './secrets.js'
import { connectHasura } from './transport/hasura.js'
import { connectPostgres } from './transport/postgres.js'

/**
 * Lines logged in one synchronous stretch leave in one write, as core.info would write them: a batch
 * of 100 downs logs 100 progress lines, and a write each cost ~7 ms per 1,000 lines. Everything else
 * written to the log flushes first, so the order stays as logged.
 */
function bufferedLines() {
  let pending: string[] = []
  const flush = (): void => {
    if (pending.length === 0) return
    const text = pending.join('')
    pending = []
    process.stdout.write(text)
  }
  const line = (text: string): void => {
    if (pending.length === 0) queueMicrotask(flush)
    pending.push(`${text}${EOL}`)
  }
  return { line, flush }
}

const out = bufferedLines()
const actionsLog: Log = {
  info: out.line,
  notice: (message) => {
    out.flush()
    core.notice(message)
  },
  group: (name, fn) => {
    out.flush()
    return core.group(name, () => fn().finally(out.flush))
  },
}

/** Admin secrets may come from env, .env or config.yaml too: mask whichever was resolved. */
function maskConfigSecrets(config: ProjectConfig): ProjectConfig {
  if (config.adminSecret) core.setSecret(config.adminSecret)
  return config
}

/** Same key on every attempt of one workflow run's step, so a re-run can finish an earlier attempt. */
function runKey(env: NodeJS.ProcessEnv, request: RollbackRequest): string | undefined {
  const { GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_JOB, GITHUB_ACTION } = env
  if (!GITHUB_RUN_ID) return undefined
  return [GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_JOB, GITHUB_ACTION, request.projectDir].join('/')
}

export async function run(): Promise<void> {
  const env = process.env
  const workspace = resolve(env.GITHUB_WORKSPACE || process.cwd())
  let request: RollbackRequest
  try {
    for (const secret of secretsOfDatabaseUrl(core.getInput('database-url'))) core.setSecret(secret)
    for (const secret of proxySecrets(env)) core.setSecret(secret)
    for (const name of ['admin-secret', 'github-token']) {
      const secret = core.getInput(name)
      if (secret) core.setSecret(secret)
    }
    request = parseInputs((name) => core.getInput(name), workspace)
  } catch (error) {
    // Refused inputs get the same outputs, summary and failure line as any other failure.
    await publish(refusedResult(errorMessage(error)), { projectDir: '.' })
    return
  }
  const projectDir = resolve(workspace, request.projectDir)
  // One client per run: it caches the server generation, keeping the request count down.
  let client: ReturnType<typeof createHasuraClient> | undefined
  const clientFor = (config: ProjectConfig) =>
    (client ??= createHasuraClient(maskConfigSecrets(config), {
      log: (line) => {
        out.flush()
        core.debug(line)
      },
      projectDir,
      timeoutMs: request.httpTimeoutSeconds * 1000,
      proxy: (url) => proxyFor(url, env),
    }))
  const context = { projectDir: request.projectDir, rendered: new RenderedSteps(request.projectDir) }
  // A step's part of the summary is rendered on the next turn of the event loop, by when the transport
  // has sent its next command: the next batch, or (after the last batch) COMMIT.
  let ran: StepText[] = []
  const renderRan = () => {
    for (const step of ran) context.rendered.render(step)
    ran = []
  }
  let expected: { result: RollbackResult; report: Report } | undefined
  const result = await rollback(request, {
    files: workspaceFiles(projectDir),
    env,
    log: actionsLog,
    connect: async (config) =>
      request.databaseUrl
        ? connectPostgres({ databaseUrl: request.databaseUrl })
        : connectHasura({ client: clientFor(config) }),
    metadataApi: clientFor,
    // Loaded when a ref is given: @actions/exec and child_process cost ~3 ms of every start otherwise.
    git: async () => (await import('./git/git.js')).createGit(workspace, out.line),
    lastSuccessfulRun: async () => {
      const { lastSuccessfulRunSha, runContextFromEnv } = await import('./github/last-successful-run.js')
      return lastSuccessfulRunSha(request.githubToken, runContextFromEnv(env), request.workflow, {
        log: out.line,
      })
    },
    backupDir: env.RUNNER_TEMP || tmpdir(),
    runKey: runKey(env, request),
    now: () => new Date(),
    stepRan: (step) => {
      if (ran.push(step) === 1) setImmediate(renderRan)
    },
    // Built while COMMIT runs: after it, only the writing is left.
    expectResult: (result) => (expected = { result, report: buildReport(result, context) }),
  })
  await publish(result, context, expected?.result === result ? expected.report : undefined)
}

/**
 * What core.summary.addRaw(text).write() does, in one synchronous append: its two asynchronous file
 * operations cost ~3 ms after COMMIT, and its module loads node:fs/promises with every start.
 */
function writeSummary(text: string): void {
  const path = process.env.GITHUB_STEP_SUMMARY
  if (!path) throw new Error('GITHUB_STEP_SUMMARY is not set: this runner takes no job summary')
  appendFileSync(path, text)
}

// Named, not core[level]: a computed access would keep all of @actions/core (and its HTTP client) in dist/.
const ANNOTATE = { error: core.error, warning: core.warning, notice: core.notice } as const

async function publish(result: RollbackResult, context: ReportContext, built?: Report): Promise<void> {
  out.flush()
  const report = built ?? buildReport(result, context)
  for (const [name, value] of Object.entries(report.outputs)) core.setOutput(name, value)
  for (const a of report.annotations) ANNOTATE[a.level](a.message, { file: a.file, startLine: a.line })
  try {
    writeSummary(report.summary)
  } catch (error) {
    core.warning(`Could not write the job summary: ${errorMessage(error)}`)
  }
  if (report.failureMessage) core.setFailed(report.failureMessage)
}
