// Each contender started as a process and timed from spawn to exit, the way a CI step would run it.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { clearTimeout, setTimeout } from 'node:timers'
import pg from 'pg'
import { parse } from 'yaml'
import { findNode24 } from '../../test/support/node24.mjs'

export const repoRoot = resolve(import.meta.dirname, '../..')
export let bundle = join(repoRoot, 'dist/index.js')

/** Measure another build of the action (e.g. one made from a commit's tree) instead of dist/. */
export function useBundle(path) {
  bundle = resolve(path)
}
const nodePgMigrateBin = join(repoRoot, 'node_modules/node-pg-migrate/bin/node-pg-migrate.js')
/**
 * The node that runs the action and node-pg-migrate: Node 24 as GitHub runs the action, when one is
 * found (else the current node, and `note` says so). Only Node 24 runs the TypeScript stand-in.
 */
export const node = findNode24()

/** @returns {Promise<{ ms: number, code: number, stdout: string, stderr: string }>} */
export function timeProcess(command, args, { env = process.env, cwd, timeoutMs = 120_000, onSpawn } = {}) {
  return new Promise((done, fail) => {
    const started = performance.now()
    const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    onSpawn?.(started)
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', fail)
    child.on('close', (code) => {
      clearTimeout(timer)
      done({ ms: performance.now() - started, code: code ?? -1, stdout, stderr })
    })
  })
}

export function commandExists(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0
}

function actionInputEnv(inputs) {
  // The action.yml of the tree the bundle was built from supplies the defaults.
  const declared = parse(readFileSync(join(dirname(bundle), '../action.yml'), 'utf8')).inputs
  const env = {}
  for (const [name, spec] of Object.entries(declared)) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = inputs[name] ?? spec.default ?? ''
  }
  for (const name of Object.keys(inputs)) {
    if (!(name in declared)) throw new Error(`action.yml declares no input '${name}'`)
  }
  return env
}

/** `node dist/index.js` with the runner's environment: INPUT_* (hyphens kept), GITHUB_OUTPUT, … */
export async function runAction(workspace, inputs, { onSpawn } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'hasura-rollback-bench-run-'))
  const outputFile = join(dir, 'output')
  writeFileSync(outputFile, '')
  writeFileSync(join(dir, 'summary'), '')
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    RUNNER_TEMP: dir,
    ...actionInputEnv(inputs),
  }
  const run = await timeProcess(node.path, [bundle], { env, cwd: workspace, onSpawn })
  const status = /^status<<(.+)\n(.*)\n/m.exec(readFileSync(outputFile, 'utf8'))?.[2] ?? ''
  const error = /^::error[^:]*::(.*)$/m.exec(run.stdout)?.[1]
  return { ...run, status, error }
}

/**
 * Postgres' own time for the rollback: `sql` as one query between BEGIN and COMMIT, from a client
 * that is already connected (connecting is not timed). No process, no file: the floor under every
 * contender. Against the relay it includes its three round trips.
 */
export async function timeTransaction(url, sql) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const started = performance.now()
    await client.query('BEGIN')
    await client.query(sql)
    await client.query('COMMIT')
    return { ms: performance.now() - started, code: 0, stdout: '', stderr: '' }
  } catch (error) {
    return { ms: 0, code: 1, stdout: '', stderr: String(error) }
  } finally {
    await client.end()
  }
}

export function runPsql(url, file) {
  return timeProcess('psql', [
    '-X',
    '-q',
    '-v',
    'ON_ERROR_STOP=1',
    '--single-transaction',
    '-d',
    url,
    '-f',
    file,
  ])
}

export function runNodePgMigrate(url, dir, args) {
  return timeProcess(
    node.path,
    [nodePgMigrateBin, ...args, '-m', dir, '--migrations-table', 'pgmigrations'],
    {
      env: { ...process.env, DATABASE_URL: url },
    },
  )
}

export function runSqlMigrate(dir, args) {
  return timeProcess('sql-migrate', [...args, '-config', join(dir, 'dbconfig.yml'), '-env', 'bench'])
}

export const standInAvailable = () => node.isNode24

/**
 * test/support/hasura-stand-in.ts in a Node 24 child (type stripping + a .js→.ts resolve hook):
 * no compiled copy. Resolves to its URL, a request counter and close().
 */
export function startStandIn(databaseUrl) {
  return new Promise((done, fail) => {
    const child = spawn(
      node.path,
      [
        '--experimental-transform-types',
        '--no-warnings',
        join(import.meta.dirname, '../stand-in-server.mjs'),
      ],
      {
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        env: { ...process.env, BENCH_DATABASE_URL: databaseUrl },
      },
    )
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    child.on('exit', (code) => fail(new Error(`stand-in exited (${code}): ${stderr.trim().split('\n')[0]}`)))
    child.once('message', (ready) => {
      const ask = (question) =>
        new Promise((answer) => {
          child.once('message', answer)
          child.send(question)
        })
      done({
        url: ready.url,
        requests: () => ask('requests'),
        close: () => {
          child.removeAllListeners('exit')
          return new Promise((closed) => {
            child.once('exit', closed)
            child.send('close')
          })
        },
      })
    })
  })
}
