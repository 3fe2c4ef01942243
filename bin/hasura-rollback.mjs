#!/usr/bin/env node
// Local use: `npx hasura-rollback --project-dir hasura --database-url postgres://… --count 1
// --apply-metadata false`. Runs the same bundled action (dist/index.js) as GitHub does — every flag is
// an action input — and plays the runner's part for a terminal: workflow commands become readable
// lines, masked values are hidden, the job summary and the metadata backup are kept in a folder, the
// outputs are printed. No second implementation.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { parse } from 'yaml'

const root = join(import.meta.dirname, '..')
const declared = parse(readFileSync(join(root, 'action.yml'), 'utf8')).inputs
const DEFAULT_OUT_DIR = '.hasura-rollback'
const SUMMARY_FILE = 'hasura-rollback-summary.md'

function usage() {
  const lines = Object.entries(declared).map(
    ([name, spec]) => `  --${name.padEnd(15)} ${spec.description.trim().split('\n')[0]}`,
  )
  return [
    'Usage: hasura-rollback [--input value]... [--out-dir dir] [--verbose]',
    'Run in the workspace. Each --input is an input of the action (action.yml):',
    ...lines,
    'Options of this command:',
    `  --out-dir dir     Kept folder (default ./${DEFAULT_OUT_DIR}, created with a .gitignore: backups`,
    '                    may hold connection strings) for the metadata backup of each run that applies',
    "                    metadata (hasura-metadata-backup-<time>.json) and the last run's job summary",
    `                    (${SUMMARY_FILE}). Both paths are printed at the end.`,
    '  --verbose         Print the log as the runner gets it: workflow commands (::group::, ::error::, …)',
    '                    and debug lines included. Masked values stay hidden.',
    '  -h, --help        This text.',
    'Secrets: prefer HASURA_GRAPHQL_ADMIN_SECRET in the environment to --admin-secret, which other processes can see.',
    '',
  ].join('\n')
}

/** Flags → inputs and options; a string is the complaint about the flag at fault. */
function parseArgs(args) {
  const inputs = {}
  let outDir
  let verbose = false
  for (let i = 0; i < args.length; i++) {
    const flag = args[i]
    if (flag === '--verbose') {
      verbose = true
      continue
    }
    const name = flag.startsWith('--') ? flag.slice(2) : undefined
    const value = args[i + 1]
    if (name === undefined || !(name in declared || name === 'out-dir') || value === undefined) {
      return `'${flag}' is not --<input> <value>, --out-dir <dir> or --verbose`
    }
    if (name === 'out-dir') {
      if (value === '') return '--out-dir needs a folder'
      outDir = value
    } else inputs[name] = value
    i++
  }
  return { inputs, outDir, verbose }
}

/** The runner's environment for one run: inputs with action.yml's defaults, files for outputs and summary. */
function actionEnv(inputs, files) {
  const env = { ...process.env }
  for (const [name, spec] of Object.entries(declared)) {
    // Defaults as the runner applies them; expressions (`${{ github.token }}`) have no value here.
    const fallback = String(spec.default ?? '').includes('${{') ? '' : String(spec.default ?? '')
    env[`INPUT_${name.toUpperCase()}`] = inputs[name] ?? fallback
  }
  return Object.assign(env, {
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_WORKSPACE: env.GITHUB_WORKSPACE ?? process.cwd(),
    RUNNER_TEMP: files.outDir,
  })
}

/** The kept folder; a new default one ignores itself in git and is readable by this user only. */
function prepareOutDir(outDir, isDefault) {
  if (existsSync(outDir)) return
  mkdirSync(outDir, { recursive: true, mode: 0o700 })
  if (isDefault) writeFileSync(join(outDir, '.gitignore'), '# Written by hasura-rollback\n*\n')
}

const unescapeData = (s) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
const unescapeProperty = (s) => unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','))

/** `::name key=value,…::message` → its parts; undefined for a plain line. */
function parseCommand(line) {
  const m = /^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/.exec(line)
  if (!m) return undefined
  const properties = {}
  for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
    const at = pair.indexOf('=')
    if (at > 0) properties[pair.slice(0, at)] = unescapeProperty(pair.slice(at + 1))
  }
  return { name: m[1], properties, message: unescapeData(m[3]) }
}

/** `error: file:line:col: title: message`, later lines of the message indented. */
function annotationLine({ name, properties: p, message }) {
  const place = p.file ? `${p.file}${p.line ? `:${p.line}` : ''}${p.line && p.col ? `:${p.col}` : ''}: ` : ''
  const title = p.title ? `${p.title}: ` : ''
  return `${name}: ${place}${title}${message.replace(/\r?\n/g, '\n  ')}`
}

const escapeData = (s) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
const escapeProperty = (s) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')

/** Renders the action's stdout line by line for a terminal; undefined drops a line. */
function createRenderer(verbose) {
  // A masked value, also as it appears inside a workflow command; longest first.
  let masks = []
  const redact = (text) => masks.reduce((out, secret) => out.replaceAll(secret, '***'), text)
  let inGroup = false
  const render = (line) => {
    const command = parseCommand(line)
    if (command?.name === 'add-mask') {
      const value = command.message
      if (value !== '') {
        const forms = new Set([...masks, value, escapeData(value), escapeProperty(value)])
        masks = [...forms].sort((a, b) => b.length - a.length)
      }
      return verbose ? '::add-mask::***' : undefined
    }
    if (verbose) return redact(line)
    if (!command) return redact(inGroup ? `  ${line}` : line)
    inGroup = command.name === 'group' || (inGroup && command.name !== 'endgroup')
    if (command.name === 'group') return redact(`== ${command.message}`)
    if (['error', 'warning', 'notice'].includes(command.name)) return redact(annotationLine(command))
    return undefined
  }
  return { render, redact }
}

/** GITHUB_OUTPUT's `name<<delimiter` blocks → [name, value] pairs. */
function readOutputs(file) {
  const blocks = readFileSync(file, 'utf8').matchAll(/^([^<\n]+)<<(.+)\n([\s\S]*?)\n\2$/gm)
  return [...blocks].map(([, name, , value]) => [name, value])
}

/** Runs the bundle, printing its log as it comes; resolves to its exit code. */
function runBundle(env, renderer) {
  const child = spawn(process.execPath, [join(root, 'dist/index.js')], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  const lines = createInterface({ input: child.stdout, crlfDelay: Infinity })
  lines.on('line', (line) => {
    const shown = renderer.render(line)
    if (shown !== undefined) process.stdout.write(`${shown}\n`)
  })
  // Every line is printed before the outputs: wait for the last one as well as for the exit.
  return Promise.all([once(lines, 'close'), once(child, 'close')]).then(([, [code]]) => code ?? 1)
}

async function main() {
  const args = process.argv.slice(2)
  if (args.includes('--help') || args.includes('-h')) return void process.stdout.write(usage())
  const parsed = parseArgs(args)
  if (typeof parsed === 'string') {
    process.stderr.write(`hasura-rollback: ${parsed}\n${usage()}`)
    return void (process.exitCode = 2)
  }
  const outDir = resolve(parsed.outDir ?? DEFAULT_OUT_DIR)
  prepareOutDir(outDir, parsed.outDir === undefined)
  const scratch = mkdtempSync(join(tmpdir(), 'hasura-rollback-cli-'))
  const files = { outDir, output: join(scratch, 'output'), summary: join(outDir, SUMMARY_FILE) }
  writeFileSync(files.output, '')
  writeFileSync(files.summary, '')
  const renderer = createRenderer(parsed.verbose)
  const code = await runBundle(actionEnv(parsed.inputs, files), renderer)
  const outputs = readOutputs(files.output)
  rmSync(scratch, { recursive: true, force: true })
  const summary = readFileSync(files.summary, 'utf8')
  if (renderer.redact(summary) !== summary) writeFileSync(files.summary, renderer.redact(summary))

  const lines = ['', 'Outputs:', ...outputs.map(([name, value]) => `${name}: ${value}`.trimEnd())]
  lines.push(`Job summary: ${files.summary}`)
  const backup = outputs.find(([name]) => name === 'metadata-backup')?.[1]
  if (backup) lines.push(`Metadata backup (the server's metadata before this run): ${backup}`)
  process.stdout.write(`${renderer.redact(lines.join('\n'))}\n`)
  process.exitCode = code
}

await main()
