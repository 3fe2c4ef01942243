#!/usr/bin/env node
// Local use: `npx hasura-rollback --project-dir hasura --database-url postgres://… --count 1
// --apply-metadata false`. Runs the same bundled action (dist/index.js) as GitHub does — every flag is
// an action input — then prints the job summary and the outputs. No second implementation.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'

const root = join(import.meta.dirname, '..')
const declared = parse(readFileSync(join(root, 'action.yml'), 'utf8')).inputs

function usage() {
  const lines = Object.entries(declared).map(
    ([name, spec]) => `  --${name.padEnd(15)} ${spec.description.trim().split('\n')[0]}`,
  )
  return `Usage: hasura-rollback [--input value]...  (run in the workspace; the inputs of action.yml)\n${lines.join('\n')}\nSecrets: prefer HASURA_GRAPHQL_ADMIN_SECRET in the environment to --admin-secret, which other processes can see.\n`
}

const args = process.argv.slice(2)
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(usage())
  process.exit(0)
}
const env = { ...process.env }
for (let i = 0; i < args.length; i += 2) {
  const name = args[i]?.replace(/^--/, '')
  if (!args[i]?.startsWith('--') || !(name in declared) || args[i + 1] === undefined) {
    process.stderr.write(`hasura-rollback: '${args[i]}' is not --<input> <value>\n${usage()}`)
    process.exit(2)
  }
  env[`INPUT_${name.toUpperCase()}`] = args[i + 1]
}
for (const [name, spec] of Object.entries(declared)) {
  const key = `INPUT_${name.toUpperCase()}`
  // Defaults as the runner applies them; expressions (`${{ github.token }}`) have no value here.
  if (env[key] === undefined)
    env[key] = String(spec.default ?? '').includes('${{') ? '' : String(spec.default ?? '')
}
const dir = mkdtempSync(join(tmpdir(), 'hasura-rollback-cli-'))
Object.assign(env, {
  GITHUB_OUTPUT: join(dir, 'output'),
  GITHUB_STEP_SUMMARY: join(dir, 'summary'),
  GITHUB_WORKSPACE: env.GITHUB_WORKSPACE ?? process.cwd(),
  RUNNER_TEMP: env.RUNNER_TEMP ?? dir,
})
writeFileSync(env.GITHUB_OUTPUT, '')
writeFileSync(env.GITHUB_STEP_SUMMARY, '')
const run = spawnSync(process.execPath, [join(root, 'dist/index.js')], { env, stdio: 'inherit' })
process.stdout.write(`\n${readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8')}\n`)
const outputs = readFileSync(env.GITHUB_OUTPUT, 'utf8').matchAll(/^([^<\n]+)<<(.+)\n([\s\S]*?)\n\2$/gm)
for (const [, name, , value] of outputs) process.stdout.write(`${name} = ${value}\n`)
rmSync(dir, { recursive: true, force: true })
process.exit(run.status ?? 1)
