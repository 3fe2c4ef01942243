// Starts the bundled action the way the GitHub runner does: `node dist/index.js` with cwd = workspace,
// INPUT_<NAME> env (upper-cased, spaces to '_', hyphens kept), action.yml defaults for inputs not
// given, and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parse } from 'yaml'
import { removeAfterFile } from './fs-tree.js'
import { findNode24 } from './node24.mjs'
import { runProcess } from './run-process.js'

export const repoRoot = resolve(import.meta.dirname, '../..')
const actionFile = join(repoRoot, 'action.yml')
export const bundle = join(repoRoot, 'dist/index.js')

/**
 * The node that runs the bundle by default: Node 24 as GitHub runs it (`runs.using: node24`) when
 * one is found (`isNode24`), else the current node (./node24.mjs).
 */
export const defaultNode = findNode24()

export interface ActionRun {
  exitCode: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** `::error file=…,line=…::message` lines and friends, parsed from stdout. */
  annotations: { level: string; file?: string; line?: number; message: string }[]
}

export interface RunOptions {
  workspace: string
  inputs: Record<string, string>
  env?: Record<string, string>
  /** Node binary; defaults to NODE_BINARY env, then Node 24 when one is found, else the current node. */
  node?: string
  timeoutMs?: number
}

interface ActionYaml {
  inputs: Record<string, { default?: string; description?: string }>
}

export function actionDefinition(): ActionYaml & { outputs: Record<string, unknown> } {
  return parse(readFileSync(actionFile, 'utf8'))
}

function inputEnv(inputs: Record<string, string>): Record<string, string> {
  const declared = actionDefinition().inputs
  for (const name of Object.keys(inputs)) {
    if (!(name in declared)) throw new Error(`test passes input '${name}' that action.yml does not declare`)
  }
  const env: Record<string, string> = {}
  for (const [name, spec] of Object.entries(declared)) {
    // The runner evaluates expressions in defaults (`${{ github.token }}`); tests have no such context.
    const fallback = spec.default?.includes('${{') ? '' : (spec.default ?? '')
    const value = inputs[name] ?? fallback
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  }
  return env
}

/** GITHUB_OUTPUT file: `name<<delimiter`, value lines, `delimiter`. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!)
    if (!m) continue
    const [, name, delimiter] = m
    const value: string[] = []
    while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i]!)
    outputs[name!] = value.join('\n')
  }
  return outputs
}

function parseAnnotations(stdout: string): ActionRun['annotations'] {
  const found: ActionRun['annotations'] = []
  for (const line of stdout.split('\n')) {
    const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line)
    if (!m) continue
    const props = Object.fromEntries(
      (m[2] ?? '')
        .split(',')
        .filter(Boolean)
        .map((kv) => kv.split('=') as [string, string]),
    )
    found.push({
      level: m[1]!,
      file: props.file,
      line: props.line ? Number(props.line) : undefined,
      message: m[3]!.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%'),
    })
  }
  return found
}

export async function runAction(options: RunOptions): Promise<ActionRun> {
  // The global setup rebuilds dist/ before every run; this only fires when it was bypassed.
  if (!existsSync(bundle)) throw new Error('dist/index.js is missing: run `npm run package` first')
  // RUNNER_TEMP: a test may read what the run wrote there (the metadata backup) after it returns.
  const dir = removeAfterFile(mkdtempSync(join(tmpdir(), 'hasura-rollback-run-')))
  const outputFile = join(dir, 'output')
  const summaryFile = join(dir, 'summary')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: dir,
    ...inputEnv(options.inputs),
    ...options.env,
  }
  const node = options.node ?? process.env.NODE_BINARY ?? defaultNode.path
  const { status, stdout, stderr } = await runProcess(node, [bundle], {
    cwd: options.workspace,
    env,
    timeoutMs: options.timeoutMs ?? 60_000,
  })
  return {
    exitCode: status ?? -1,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    annotations: parseAnnotations(stdout),
  }
}
