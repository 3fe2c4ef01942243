// `npm run demo` is what a new user runs first: it must work on a fresh machine after `npm ci`.
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '../support/action-runner.js'

describe('npm run demo', () => {
  it('runs the bundled action end to end and shows the log, the summary and the outputs', () => {
    const env = { ...process.env }
    // The demo's embedded default, not whatever database or Hasura the test run uses.
    delete env.DATABASE_URL
    delete env.HASURA_GRAPHQL_ENDPOINT
    const demo = spawnSync('npm', ['run', '--silent', 'demo'], {
      cwd: repoRoot,
      env,
      encoding: 'utf8',
      timeout: 120_000,
    })
    expect(demo.status, demo.stderr).toBe(0)
    expect(demo.stdout).toContain('no real Hasura runs here')
    expect(demo.stdout).toContain('Rolled back 2 migration(s) and applied the metadata of <code>v1</code>')
    expect(demo.stdout).toContain('- **Database:** rolled back 2 migration(s): 1700000000003, 1700000000002.')
    expect(demo.stdout).toContain('status = rolled-back')
    expect(demo.stdout).toContain('exit code 0')
  })
})
