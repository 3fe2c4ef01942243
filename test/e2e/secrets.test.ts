// Canary secrets: an admin secret and a database password (of a role made for the test) go through a
// successful run, a failing run and a dry run on both transports. Neither may appear in stdout (apart
// from the runner's `::add-mask::` commands), stderr, the summary, the outputs, the metadata backup
// file, or the arguments of any git the action starts (a logging `git` wrapper first on PATH).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cleanUp } from '../support/cleanup.js'
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import type { ActionRun } from '../support/action-runner.js'
import { runAction } from '../support/action-runner.js'
import { startHasuraStandIn } from '../support/hasura-stand-in.js'
import { appliedVersions, applyUps } from '../support/hasura-project.js'
import { adminDatabaseUrl, createTestDatabase } from '../support/postgres.js'
import { PROJECT_DIR, badMetadata, twoReleases } from '../support/two-releases.js'

const tag = randomBytes(4).toString('hex')
const ADMIN_SECRET = `canary-admin-${tag}`
const DB_PASSWORD = `canary-dbpw-${tag}`
const DB_ROLE = `canary_${tag}`
const canaries = [ADMIN_SECRET, DB_PASSWORD]

const gitLogDir = mkdtempSync(join(tmpdir(), 'hasura-rollback-git-log-'))
const gitLog = join(gitLogDir, 'argv.log')

async function asAdmin(sql: string) {
  const client = new pg.Client({ connectionString: adminDatabaseUrl() })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

beforeAll(async () => {
  await asAdmin(`CREATE ROLE ${DB_ROLE} LOGIN SUPERUSER PASSWORD '${DB_PASSWORD}'`)
  // A `git` first on PATH that logs each argument on its own line, then runs the real git.
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim()
  writeFileSync(
    join(gitLogDir, 'git'),
    `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a" >> '${gitLog}'; done\necho '--' >> '${gitLog}'\nexec '${realGit}' "$@"\n`,
  )
  chmodSync(join(gitLogDir, 'git'), 0o755)
})
afterAll(async () => {
  await asAdmin(`DROP ROLE IF EXISTS ${DB_ROLE}`)
  rmSync(gitLogDir, { recursive: true, force: true })
})

/** The database URL the action gets: the canary role and password. */
function canaryUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl)
  url.username = DB_ROLE
  url.password = DB_PASSWORD
  return url.toString()
}

async function setUp() {
  const releases = await twoReleases()
  const db = await createTestDatabase()
  cleanUp(() => db.drop())
  await applyUps(db, releases.allMigrations)
  const hasura = await startHasuraStandIn({
    databaseUrl: db.url,
    generation: 'v2',
    adminSecret: ADMIN_SECRET,
  })
  cleanUp(() => hasura.close())
  hasura.setMetadata(badMetadata)
  writeFileSync(gitLog, '')
  const run = (transport: 'postgres' | 'hasura', inputs: Record<string, string>) =>
    runAction({
      workspace: releases.workspace.dir,
      inputs: {
        'project-dir': PROJECT_DIR,
        endpoint: hasura.url,
        'admin-secret': ADMIN_SECRET,
        ...(transport === 'postgres' ? { 'database-url': canaryUrl(db.url) } : {}),
        ...inputs,
      },
      env: { PATH: `${gitLogDir}:${process.env.PATH ?? ''}` },
    })
  return { ...releases, db, run }
}

function expectNoCanary(result: ActionRun) {
  const stdout = result.stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n')
  const backup = result.outputs['metadata-backup']
  const places: [string, string][] = [
    ['stdout', stdout],
    ['stderr', result.stderr],
    ['summary', result.summary],
    ['outputs', JSON.stringify(result.outputs)],
    ['metadata backup', backup && existsSync(backup) ? readFileSync(backup, 'utf8') : ''],
    ['git arguments', readFileSync(gitLog, 'utf8')],
  ]
  for (const canary of canaries) {
    for (const [where, text] of places)
      expect(text.includes(canary), `${canary} leaked into ${where}`).toBe(false)
  }
}

describe.each(['postgres', 'hasura'] as const)('canary secrets (transport %s)', (transport) => {
  it('a successful run leaks neither secret', async () => {
    const s = await setUp()
    const result = await s.run(transport, { count: '2', ref: 'v1' })
    expect(result.exitCode).toBe(0)
    expect(await appliedVersions(s.db)).toEqual([s.stableMigrations[0]!.version])
    // The action registers what it was given with the runner, and it did run git (the ref).
    expect(result.stdout).toContain(`::add-mask::${ADMIN_SECRET}`)
    if (transport === 'postgres') expect(result.stdout).toContain(`::add-mask::${DB_PASSWORD}`)
    expect(readFileSync(gitLog, 'utf8')).toMatch(/\S/)
    expectNoCanary(result)
  })

  it('a failing run leaks neither secret', async () => {
    const s = await setUp()
    // HEAD's metadata needs what `count: 2` drops: the guard fails the transaction.
    const result = await s.run(transport, { count: '2', ref: s.badSha })
    expect(result.exitCode).toBe(1)
    expect(result.outputs.status).toBe('failed')
    expect(readFileSync(gitLog, 'utf8')).toMatch(/\S/)
    expectNoCanary(result)
  })

  it('a dry run leaks neither secret', async () => {
    const s = await setUp()
    const result = await s.run(transport, { count: '2', ref: 'v1', 'dry-run': 'true' })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.status).toBe('dry-run')
    expect(readFileSync(gitLog, 'utf8')).toMatch(/\S/)
    expectNoCanary(result)
  })
})

it('a database that refuses the canary password: the failure names the input, not the password', async () => {
  const s = await setUp()
  const url = new URL(canaryUrl(s.db.url))
  url.password = `${DB_PASSWORD}-wrong`
  const wrongPassword = url.password
  const result = await runAction({
    workspace: s.workspace.dir,
    inputs: {
      'project-dir': PROJECT_DIR,
      'database-url': url.toString(),
      'apply-metadata': 'false',
      count: '1',
    },
  })
  expect(result.exitCode).toBe(1)
  expect(result.annotations.map((a) => a.message).join('\n')).toMatch(/'database-url'/)
  const printed =
    result.stdout.replaceAll(`::add-mask::${wrongPassword}`, '') + result.stderr + result.summary
  expect(printed).not.toContain(wrongPassword)
})
