// Wiring only: inputs → rollback() → outputs, summary, annotations. The only place that fails the step.
import * as core from '@actions/core'
import { resolve } from 'node:path'
import { errorMessage } from './errors.js'
import { parseInputs } from './inputs.js'
import type { Log } from './log.js'
import { workspaceFiles } from './project/files.js'
import { buildReport } from './report.js'
import { rollback } from './rollback.js'
import { secretsOfDatabaseUrl } from './secrets.js'
import { connectPostgres } from './transport/postgres.js'

const actionsLog: Log = {
  info: (line) => core.info(line),
  notice: (message, a) => core.notice(message, a && { file: a.file, startLine: a.line, title: a.title }),
  warning: (message, a) => core.warning(message, a && { file: a.file, startLine: a.line, title: a.title }),
  error: (message, a) => core.error(message, a && { file: a.file, startLine: a.line, title: a.title }),
  group: (name, fn) => core.group(name, fn),
}

export async function run(): Promise<void> {
  const workspace = resolve(process.env.GITHUB_WORKSPACE || process.cwd())
  let request
  try {
    for (const secret of secretsOfDatabaseUrl(core.getInput('database-url'))) core.setSecret(secret)
    const adminSecret = core.getInput('admin-secret')
    if (adminSecret) core.setSecret(adminSecret)
    request = parseInputs((name) => core.getInput(name), workspace)
  } catch (error) {
    core.setOutput('status', 'failed')
    core.setFailed(errorMessage(error))
    return
  }
  const projectDir = resolve(workspace, request.projectDir)
  const result = await rollback(request, {
    files: workspaceFiles(projectDir),
    env: process.env,
    log: actionsLog,
    connect: async () => {
      if (!request.databaseUrl) {
        throw new Error("The Hasura transport is not available yet: set 'database-url'")
      }
      return connectPostgres({ databaseUrl: request.databaseUrl })
    },
  })
  const report = buildReport(result, { projectDir: request.projectDir })
  for (const [name, value] of Object.entries(report.outputs)) core.setOutput(name, value)
  for (const a of report.annotations) {
    // The final setFailed line repeats the failure; annotate only what carries a place or adds to it.
    if (!a.file && a.message === report.failureMessage) continue
    core[a.level](a.message, { file: a.file, startLine: a.line })
  }
  try {
    await core.summary.addRaw(report.summary).write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${errorMessage(error)}`)
  }
  if (report.failureMessage) core.setFailed(report.failureMessage)
}
