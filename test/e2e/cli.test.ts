// The command-line entry runs the same bundle, taking the action's inputs as flags, and plays the
// runner's part for a terminal: a readable log, the summary and the metadata backup kept in a folder.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cleanUp } from '../support/cleanup.js'
import { restoreMetadataCommand } from '../../src/metadata/restore.js'
import { repoRoot } from '../support/action-runner.js'
import { removeTree } from '../support/fs-tree.js'
import type { MigrationSpec } from '../support/hasura-project.js'
import { appliedVersions, applyUps, threeMigrations, writeProject } from '../support/hasura-project.js'
import { startHasuraStandIn } from '../support/hasura-stand-in.js'
import type { TestDatabase } from '../support/postgres.js'
import { createTestDatabase } from '../support/postgres.js'
import { runProcess } from '../support/run-process.js'
import { PROJECT_DIR, twoReleases } from '../support/two-releases.js'

const cli = join(repoRoot, 'bin/hasura-rollback.mjs')
const SECRET = 'cli-canary-secret-51c2'
const [m1, m2, m3] = threeMigrations.map((m) => m.version) as [string, string, string]

async function database(migrations: MigrationSpec[] = threeMigrations): Promise<TestDatabase> {
  const db = await createTestDatabase()
  cleanUp(() => db.drop())
  await applyUps(db, migrations)
  return db
}

async function project(migrations: MigrationSpec[] = threeMigrations): Promise<string> {
  const workspace = await writeProject(migrations)
  cleanUp(() => removeTree(workspace))
  return workspace
}

/** Runs the command in `cwd` with a minimal environment, as a developer's shell would. */
function runCli(cwd: string, args: string[], env: Record<string, string> = {}) {
  return runProcess(process.execPath, [cli, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? cwd, ...env },
  })
}

/** Lines that the runner would take as workflow commands. */
const workflowCommands = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('::'))

describe('bin/hasura-rollback', () => {
  it('reverts with the action’s inputs, prints a readable log and the outputs, keeps the summary in a file', async () => {
    const db = await database()
    const workspace = await project(threeMigrations)
    const run = await runCli(workspace, [
      '--database-url',
      db.url,
      '--count',
      '2',
      '--apply-metadata',
      'false',
      '--admin-secret',
      SECRET,
    ])

    expect(run.status, run.stderr).toBe(0)
    expect(await appliedVersions(db)).toEqual([m1])
    expect(workflowCommands(run.stdout)).toEqual([])
    expect(run.stdout).toMatch(/^== \S/m)
    expect(run.stdout).not.toContain(SECRET)
    expect(run.stdout).toContain('\nstatus: rolled-back\n')
    expect(run.stdout).toContain(`\nrolled-back-versions: ["${m3}","${m2}"]\n`)
    expect(run.stdout).toContain('\nmetadata-backup:\n')
    // The summary is a file named at the end, not Markdown on the terminal.
    const outDir = join(workspace, '.hasura-rollback')
    const summaryFile = join(outDir, 'hasura-rollback-summary.md')
    expect(run.stdout).toContain(`Job summary: ${summaryFile}\n`)
    expect(run.stdout).not.toContain('Rolled back 2 migration(s)')
    expect(readFileSync(summaryFile, 'utf8')).toContain('Rolled back 2 migration(s)')
    expect(readFileSync(join(outDir, '.gitignore'), 'utf8')).toMatch(/^\*$/m)
  })

  it('keeps the metadata backup, prints where it is, and that file restores the server', async () => {
    const releases = await twoReleases()
    const db = await database(releases.allMigrations)
    const hasura = await startHasuraStandIn({ databaseUrl: db.url, generation: 'v2', adminSecret: SECRET })
    cleanUp(() => hasura.close())
    hasura.setMetadata(releases.badMetadata)
    const before = hasura.metadataV3()
    const env = { HASURA_GRAPHQL_ENDPOINT: hasura.url, HASURA_GRAPHQL_ADMIN_SECRET: SECRET }

    const run = await runCli(
      releases.workspace.dir,
      ['--project-dir', PROJECT_DIR, '--count', '2', '--ref', 'v1'],
      env,
    )

    expect(run.status, run.stdout + run.stderr).toBe(0)
    expect(hasura.metadataV3()).not.toEqual(before)
    const printed = /^Metadata backup \(the server's metadata before this run\): (.+)$/m.exec(run.stdout)?.[1]
    const outDir = join(releases.workspace.dir, '.hasura-rollback')
    expect(printed?.startsWith(`${outDir}/hasura-metadata-backup-`)).toBe(true)
    expect(run.stdout).toContain(`\nmetadata-backup: ${printed}\n`)
    expect(JSON.parse(readFileSync(printed!, 'utf8'))).toEqual(before)

    const restore = await runProcess('bash', ['-c', restoreMetadataCommand(printed!, 'v2')], {
      env: { PATH: process.env.PATH ?? '', ...env },
    })
    expect(restore.status, restore.stdout + restore.stderr).toBe(0)
    expect(hasura.metadataV3()).toEqual(before)
  })

  it('writes into --out-dir when given, and leaves no folder in the workspace', async () => {
    const db = await database()
    const workspace = await project(threeMigrations)
    const outDir = mkdtempSync(join(tmpdir(), 'hasura-rollback-out '))
    cleanUp(async () => rmSync(outDir, { recursive: true, force: true }))
    const run = await runCli(workspace, [
      '--out-dir',
      outDir,
      '--database-url',
      db.url,
      '--count',
      '1',
      '--apply-metadata',
      'false',
    ])

    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout).toContain(`Job summary: ${join(outDir, 'hasura-rollback-summary.md')}\n`)
    expect(readdirSync(outDir)).toEqual(['hasura-rollback-summary.md'])
    expect(existsSync(join(workspace, '.hasura-rollback'))).toBe(false)
  })

  it('turns an error annotation into file:line: message', async () => {
    const broken = threeMigrations.map((m) =>
      m.version === m2
        ? { ...m, down: '-- second down\nDROP TABLE article;\nDROP TABLE no_such_table;\n' }
        : m,
    )
    const db = await database(broken)
    const workspace = await project(broken)
    const run = await runCli(workspace, [
      '--database-url',
      db.url,
      '--count',
      'all',
      '--apply-metadata',
      'false',
    ])

    expect(run.status).toBe(1)
    expect(workflowCommands(run.stdout)).toEqual([])
    expect(run.stdout).toMatch(
      new RegExp(
        `^error: migrations/${m2}_create_article/down\\.sql:3: .*table "no_such_table" does not exist`,
        'm',
      ),
    )
    expect(run.stdout).toContain('\nstatus: failed\n')
    expect(await appliedVersions(db)).toEqual([m1, m2, m3])
  })

  it('hides debug lines unless --verbose, which prints the log as the runner gets it, masked values hidden', async () => {
    const db = await database()
    const hasura = await startHasuraStandIn({ databaseUrl: db.url, generation: 'v2', adminSecret: SECRET })
    cleanUp(() => hasura.close())
    const workspace = await project()
    const args = [
      '--endpoint',
      hasura.url,
      '--admin-secret',
      SECRET,
      '--count',
      '1',
      '--apply-metadata',
      'false',
    ]

    const plain = await runCli(workspace, args)
    const verbose = await runCli(workspace, ['--verbose', ...args])

    expect(plain.status, plain.stderr).toBe(0)
    expect(plain.stdout).not.toContain('POST v2/query')
    expect(workflowCommands(plain.stdout)).toEqual([])
    expect(verbose.status, verbose.stderr).toBe(0)
    const commands = workflowCommands(verbose.stdout)
    expect(
      commands.some((line) => line.startsWith('::debug::POST v2/query (run_sql) → HTTP 200')),
      verbose.stdout,
    ).toBe(true)
    expect(commands.some((line) => line.startsWith('::group::'))).toBe(true)
    expect(commands).toContain('::endgroup::')
    expect(commands).toContain('::add-mask::***')
    expect(plain.stdout + verbose.stdout).not.toContain(SECRET)
    expect(verbose.stdout).toContain('\nstatus: rolled-back\n')
    expect(await appliedVersions(db)).toEqual([m1])
  })

  it('refuses a flag that is not an input, listing the inputs', () => {
    const run = spawnSync(process.execPath, [cli, '--cuont', '2'], { encoding: 'utf8' })
    expect(run.status).toBe(2)
    expect(run.stderr).toContain("'--cuont' is not --<input> <value>, --out-dir <dir> or --verbose")
    expect(run.stderr).toContain('--count')
  })

  it('--help names the kept folder and what it holds', () => {
    const run = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' })
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('--out-dir dir')
    expect(run.stdout).toContain('default ./.hasura-rollback, created with a .gitignore')
    expect(run.stdout).toContain('hasura-rollback-summary.md')
    expect(run.stdout).toContain('--verbose')
  })

  it('exits 1 with the action on bad input values', async () => {
    const workspace = await project(threeMigrations)
    const run = await runCli(workspace, ['--count', 'abc', '--apply-metadata', 'false'])
    expect(run.status).toBe(1)
    expect(run.stdout).toContain("error: Input 'count' must be a positive integer or 'all', got 'abc'")
    expect(run.stdout).toContain('\nstatus: failed\n')
  })
})
