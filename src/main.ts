// Wiring only: inputs → rollback() → outputs, summary, annotations. The only place that reads the
// runner's environment and the only place that fails the step.
import * as core from '@actions/core'
import { tmpdir } from 'node:os'
import { resolve } from 'node:path'
import { errorMessage } from './errors.js'
import { createHasuraClient } from './hasura/client.js'
import type { RollbackRequest } from './inputs.js'
import { parseInputs } from './inputs.js'
import type { Log } from './log.js'
import type { ProjectConfig } from './project/config.js'
import { workspaceFiles } from './project/files.js'
import type { ReportAnnotation } from './report/annotations.js'
import type { ReportContext } from './report/report.js'
import { buildReport } from './report/report.js'
import type { RollbackResult } from './result.js'
import { refusedResult } from './result.js'
import { rollback } from './rollback.js'
import { proxyFor, proxySecrets } from './proxy.js'
import { secretsOfDatabaseUrl } from './secrets.js'
import { connectHasura } from './transport/hasura.js'
import { connectPostgres } from './transport/postgres.js'

const actionsLog: Log = {
  info: (line) => core.info(line),
  notice: (message) => core.notice(message),
  group: (name, fn) => core.group(name, fn),
}

/** Admin secrets may come from env, .env or config.yaml too: mask whichever was resolved. */
function maskConfigSecrets(config: ProjectConfig): ProjectConfig {
  for (const secret of config.secrets) core.setSecret(secret)
  return config
}

/** This workflow run and step: the same key on every attempt, so a re-run sees what an earlier one did. */
function runOf(
  env: NodeJS.ProcessEnv,
  request: RollbackRequest,
): { key: string; attempt: number } | undefined {
  const { GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_JOB, GITHUB_ACTION, GITHUB_RUN_ATTEMPT } = env
  if (!GITHUB_RUN_ID) return undefined
  const key = [GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_JOB, GITHUB_ACTION, request.projectDir].join('/')
  return { key, attempt: Number(GITHUB_RUN_ATTEMPT) || 1 }
}

function maskInputSecrets(env: NodeJS.ProcessEnv): void {
  for (const secret of secretsOfDatabaseUrl(core.getInput('database-url'))) core.setSecret(secret)
  for (const secret of proxySecrets(env)) core.setSecret(secret)
  for (const name of ['admin-secret', 'github-token']) {
    const secret = core.getInput(name)
    if (secret) core.setSecret(secret)
  }
}

export async function run(): Promise<void> {
  const env = process.env
  const workspace = resolve(env.GITHUB_WORKSPACE || process.cwd())
  let request: RollbackRequest
  try {
    maskInputSecrets(env)
    request = parseInputs((name) => core.getInput(name), workspace)
  } catch (error) {
    // Refused inputs get the same outputs, summary and failure line as any other failure.
    await publish(refusedResult(errorMessage(error)), { projectDir: '.' })
    return
  }
  const projectDir = resolve(workspace, request.projectDir)
  // One client per run: it asks the server generation once.
  let client: ReturnType<typeof createHasuraClient> | undefined
  const clientFor = (config: ProjectConfig) =>
    (client ??= createHasuraClient(maskConfigSecrets(config), {
      log: (line) => core.debug(line),
      projectDir,
      timeoutMs: request.httpTimeoutSeconds * 1000,
      proxy: (url) => proxyFor(url, env),
    }))
  const result = await rollback(request, {
    files: workspaceFiles(projectDir),
    env,
    log: actionsLog,
    connect: async (config, database) =>
      request.databaseUrl
        ? connectPostgres({ databaseUrl: request.databaseUrl })
        : connectHasura({ client: clientFor(config), source: database }),
    connectSource: async (config, database) => connectHasura({ client: clientFor(config), source: database }),
    metadataApi: clientFor,
    // Loaded when a ref is given: @actions/exec and child_process are not needed otherwise.
    git: async () => (await import('./git/git.js')).createGit(workspace, (line) => core.debug(line)),
    lastSuccessfulRun: async () => {
      const { lastSuccessfulRunSha, runContextFromEnv } = await import('./github/last-successful-run.js')
      return lastSuccessfulRunSha(request.githubToken, runContextFromEnv(env), request.workflow, {
        log: (line) => core.info(line),
      })
    },
    backupDir: env.RUNNER_TEMP || tmpdir(),
    run: runOf(env, request),
    now: () => new Date(),
  })
  await publish(result, { projectDir: request.projectDir })
}

async function publish(result: RollbackResult, context: ReportContext): Promise<void> {
  const report = buildReport(result, context)
  for (const [name, value] of Object.entries(report.outputs)) core.setOutput(name, value)
  for (const a of report.annotations) annotate(a)
  try {
    await core.summary.addRaw(report.summary).write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${errorMessage(error)}`)
  }
  // The failure is emitted once, on its file and line when it has them (setFailed cannot place it).
  if (report.failure) {
    annotate(report.failure)
    process.exitCode = core.ExitCode.Failure
  }
}

function annotate(a: ReportAnnotation): void {
  const properties = { file: a.file, startLine: a.line }
  if (a.level === 'error') core.error(a.message, properties)
  else if (a.level === 'warning') core.warning(a.message, properties)
  else core.notice(a.message, properties)
}
