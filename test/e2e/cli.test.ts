// The command-line entry runs the same bundle, taking the action's inputs as flags.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { repoRoot } from '../support/action-runner.js'
import { appliedVersions, applyUps, threeMigrations, writeProject } from '../support/hasura-project.js'
import type { TestDatabase } from '../support/postgres.js'
import { createTestDatabase } from '../support/postgres.js'

const cli = join(repoRoot, 'bin/hasura-rollback.mjs')
let db: TestDatabase | undefined
afterEach(() => db?.drop())

describe('bin/hasura-rollback', () => {
  it('reverts with the same inputs as the action and prints the summary and outputs', async () => {
    db = await createTestDatabase()
    await applyUps(db, threeMigrations)
    const workspace = await writeProject(threeMigrations)
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? workspace }
    const run = spawnSync(
      process.execPath,
      [cli, '--database-url', db.url, '--count', '2', '--apply-metadata', 'false'],
      { cwd: workspace, env, encoding: 'utf8', timeout: 60_000 },
    )
    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout).toContain('Rolled back 2 migration(s)')
    expect(run.stdout).toContain('status = rolled-back')
    expect(run.stdout).toContain('rolled-back-versions = ["1700000000003","1700000000002"]')
    expect(await appliedVersions(db)).toEqual(['1700000000001'])
  })

  it('refuses a flag that is not an input, listing the inputs', () => {
    const run = spawnSync(process.execPath, [cli, '--cuont', '2'], { encoding: 'utf8' })
    expect(run.status).toBe(2)
    expect(run.stderr).toContain("'--cuont' is not --<input> <value>")
    expect(run.stderr).toContain('--count')
  })

  it('exits 1 with the action on bad input values', () => {
    const run = spawnSync(process.execPath, [cli, '--count', 'abc', '--apply-metadata', 'false'], {
      encoding: 'utf8',
      cwd: repoRoot,
    })
    expect(run.status).toBe(1)
    expect(run.stdout).toContain("Input 'count' must be a positive integer or 'all', got 'abc'")
    expect(run.stdout).toContain('status = failed')
  })
})
