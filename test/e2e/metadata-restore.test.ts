// Schema and metadata rolled back together: the bundled action, a shallow clone with two releases,
// a real PostgreSQL and the Hasura stand-in (v1.x and v2.x).
import { describe, expect, it } from 'vitest'
import { cleanUp } from '../support/cleanup.js'
import { existsSync, readFileSync } from 'node:fs'
import { restoreMetadataCommand } from '../../src/metadata/restore.js'
import { runAction } from '../support/action-runner.js'
import type { HasuraStandIn, ServerGeneration } from '../support/hasura-stand-in.js'
import { SLOW_FAULT_MS, startHasuraStandIn } from '../support/hasura-stand-in.js'
import { startGitHubApiStandIn } from '../support/github-api-stand-in.js'
import { appliedVersions, applyUps, threeMigrations } from '../support/hasura-project.js'
import type { TestDatabase } from '../support/postgres.js'
import { createTestDatabase, schemaSnapshot } from '../support/postgres.js'
import { PROJECT_DIR, badMetadata, badTables, stableTables, twoReleases } from '../support/two-releases.js'

const [m1, m2, m3] = threeMigrations.map((m) => m.version) as [string, string, string]
const SECRET = 'canary-admin-secret-7f3a'

type TransportKind = 'postgres' | 'hasura'

async function setUp(generation: ServerGeneration) {
  const releases = await twoReleases()
  const db: TestDatabase = await createTestDatabase()
  await applyUps(db, releases.allMigrations)
  const hasura: HasuraStandIn = await startHasuraStandIn({
    databaseUrl: db.url,
    generation,
    adminSecret: SECRET,
  })
  hasura.setMetadata(badMetadata)
  cleanUp(
    () => hasura.close(),
    () => db.drop(),
  )
  const run = (transport: TransportKind, inputs: Record<string, string>, env: Record<string, string> = {}) =>
    runAction({
      workspace: releases.workspace.dir,
      inputs: {
        'project-dir': PROJECT_DIR,
        endpoint: hasura.url,
        'admin-secret': SECRET,
        ...(transport === 'postgres' ? { 'database-url': db.url } : {}),
        ...inputs,
      },
      env,
    })
  const metadataCalls = () =>
    hasura.requests
      .map((r) => (r.body as { type?: string } | undefined)?.type)
      .filter((t) => t && t !== 'run_sql' && t !== 'bulk')
  return { ...releases, db, hasura, run, metadataCalls }
}

const tablesOf = (metadata: unknown) => (metadata as { tables?: unknown[] }).tables

describe.each<[ServerGeneration, TransportKind]>([
  ['v2', 'postgres'],
  ['v1', 'postgres'],
  ['v2', 'hasura'],
  ['v1', 'hasura'],
])('Hasura %s, transport %s', (generation, transport) => {
  it('reverts the bad release and re-applies the stable metadata from a tag', async () => {
    const s = await setUp(generation)
    const statusBefore = await s.workspace.git('status', '--porcelain', '--untracked-files=all')
    const result = await s.run(transport, { count: '2', ref: 'v1' })
    expect(result.stderr).toBe('')
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({
      status: 'rolled-back',
      'rolled-back-versions': JSON.stringify([m3, m2]),
      'metadata-ref': s.stableSha,
      'inconsistent-objects': '[]',
    })
    expect(await appliedVersions(s.db)).toEqual([m1])
    expect(await schemaSnapshot(s.db)).toEqual({ author: ['id', 'name'] })
    expect(tablesOf(s.hasura.metadata())).toEqual(stableTables)
    expect(s.metadataCalls()).toEqual(['export_metadata', 'replace_metadata', 'get_inconsistent_metadata'])
    // The backup holds the metadata as it was before the run.
    const backup = result.outputs['metadata-backup']!
    expect(existsSync(backup)).toBe(true)
    expect(JSON.stringify(JSON.parse(readFileSync(backup, 'utf8')))).toContain('"article"')
    // The workspace is untouched: same HEAD, nothing staged or changed.
    expect(await s.workspace.git('rev-parse', 'HEAD')).toBe(s.badSha)
    expect(await s.workspace.git('status', '--porcelain', '--untracked-files=all')).toBe(statusBefore)
    expect(result.summary).toContain(s.stableSha)
    expect(result.summary).toContain('Hasura reports it consistent')
    // The command that puts the backup back, for this server's generation.
    expect(result.summary).toContain(restoreMetadataCommand(backup, generation))
    if (transport === 'hasura') expect(s.hasura.requests.length).toBeLessThanOrEqual(6)
  })

  it('refuses, changing nothing, when the stable metadata tracks a table the downs drop (guard)', async () => {
    const s = await setUp(generation)
    // HEAD's metadata tracks article and author.email, which `count: 2` drops.
    const result = await s.run(transport, { count: '2', ref: s.badSha })
    expect(result.exitCode).toBe(1)
    expect(result.outputs.status).toBe('failed')
    expect(result.annotations.map((a) => a.message).join('\n')).toMatch(
      /needs objects missing after the rollback: .*table public.article.*column public.author.email|column public.author.email.*table public.article/,
    )
    expect(await appliedVersions(s.db)).toEqual([m1, m2, m3])
    expect(tablesOf(s.hasura.metadata())).toEqual(badTables)
    expect(s.metadataCalls()).not.toContain('replace_metadata')
  })
})

describe('ref handling (Hasura v2, database-url)', () => {
  it('with only a ref, reverts what the ref lacks and applies its metadata (branch not in the shallow clone)', async () => {
    const s = await setUp('v2')
    const result = await s.run('postgres', { ref: 'stable' })
    expect(result.exitCode).toBe(0)
    expect(JSON.parse(result.outputs['rolled-back-versions']!)).toEqual([m3, m2])
    expect(result.outputs['metadata-ref']).toBe(s.stableSha)
    expect(await appliedVersions(s.db)).toEqual([m1])
    expect(tablesOf(s.hasura.metadata())).toEqual(stableTables)
  })

  it('re-applies metadata alone when the ref lacks no applied migration', async () => {
    const s = await setUp('v2')
    await s.run('postgres', { count: '2', 'apply-metadata': 'false' })
    expect(tablesOf(s.hasura.metadata())).toEqual(badTables)
    const result = await s.run('postgres', { ref: s.stableSha.slice(0, 40) })
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({ status: 'rolled-back', 'rolled-back-count': '0' })
    expect(tablesOf(s.hasura.metadata())).toEqual(stableTables)
  })

  it('fails before any change on an unknown ref, naming it', async () => {
    const s = await setUp('v2')
    const result = await s.run('postgres', { count: '1', ref: 'no-such-tag' })
    expect(result.exitCode).toBe(1)
    expect(result.annotations[0]?.message).toMatch(/ref 'no-such-tag'|no-such-tag/)
    expect(await appliedVersions(s.db)).toEqual([m1, m2, m3])
    expect(s.metadataCalls()).toEqual([])
  })

  it('after a replace failure post-commit, says so; a re-run reverts nothing more and applies the metadata', async () => {
    const s = await setUp('v2')
    const env = {
      GITHUB_RUN_ID: '4242',
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_JOB: 'deploy',
      GITHUB_ACTION: 'rollback',
    }
    s.hasura.injectFault('status-500', { match: (r) => r.body.type === 'replace_metadata' })
    const first = await s.run('postgres', { count: '2', ref: 'v1' }, env)
    expect(first.exitCode).toBe(1)
    expect(first.outputs.status).toBe('failed')
    const message = first.annotations.map((a) => a.message).join('\n')
    expect(message).toMatch(/schema rollback was committed \(reverted 1700000000003, 1700000000002\)/)
    expect(message).toMatch(/Re-run this job to finish/)
    expect(first.summary).toContain('**Re-run this job** to finish')
    expect(await appliedVersions(s.db)).toEqual([m1])
    expect(tablesOf(s.hasura.metadata())).toEqual(badTables)

    const second = await s.run('postgres', { count: '2', ref: 'v1' }, { ...env, GITHUB_RUN_ATTEMPT: '2' })
    expect(second.exitCode).toBe(0)
    expect(second.outputs).toMatchObject({
      status: 'rolled-back',
      'rolled-back-versions': JSON.stringify([m3, m2]),
    })
    expect(await appliedVersions(s.db)).toEqual([m1])
    expect(await schemaSnapshot(s.db)).toEqual({ author: ['id', 'name'] })
    expect(tablesOf(s.hasura.metadata())).toEqual(stableTables)
  })

  it('rolls back again when a re-run finds the reverted versions re-applied (the deploy step ran again)', async () => {
    const s = await setUp('v2')
    const env = {
      GITHUB_RUN_ID: '77',
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_JOB: 'deploy',
      GITHUB_ACTION: 'rollback',
    }
    s.hasura.injectFault('status-500', { match: (r) => r.body.type === 'replace_metadata' })
    expect((await s.run('postgres', { count: '2', ref: 'v1' }, env)).exitCode).toBe(1)
    expect(await appliedVersions(s.db)).toEqual([m1])
    // "Re-run failed jobs" repeats the deploy: the bad release is applied again before the rollback step.
    await applyUps(s.db, threeMigrations.slice(1))
    s.hasura.setMetadata(badMetadata)
    const second = await s.run('postgres', { count: '2', ref: 'v1' }, { ...env, GITHUB_RUN_ATTEMPT: '2' })
    expect(second.exitCode, second.stdout).toBe(0)
    expect(second.outputs['rolled-back-versions']).toBe(JSON.stringify([m3, m2]))
    expect(await appliedVersions(s.db)).toEqual([m1])
    expect(await schemaSnapshot(s.db)).toEqual({ author: ['id', 'name'] })
    expect(tablesOf(s.hasura.metadata())).toEqual(stableTables)
  })

  it('stops before any change when Hasura cannot export the current metadata', async () => {
    const s = await setUp('v2')
    s.hasura.injectFault('status-500', { match: (r) => r.body.type === 'export_metadata' })
    const result = await s.run('postgres', { count: '2', ref: 'v1' })
    expect(result.exitCode).toBe(1)
    expect(await appliedVersions(s.db)).toEqual([m1, m2, m3])
    expect(tablesOf(s.hasura.metadata())).toEqual(badTables)
    expect(result.summary).toContain('## ❌ Rollback failed: nothing was changed')
  })

  it('opens no transaction before a slow metadata export: an idle_in_transaction_session_timeout cannot end it', async () => {
    const s = await setUp('v2')
    await s.db.query(
      `ALTER DATABASE ${s.db.name} SET idle_in_transaction_session_timeout = '${SLOW_FAULT_MS / 3}ms'`,
    )
    s.hasura.injectFault('slow', { match: (r) => r.body.type === 'export_metadata' })
    const result = await s.run('postgres', { count: '2', ref: 'v1' })
    expect(result.annotations.filter((a) => a.level === 'error')).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(await appliedVersions(s.db)).toEqual([m1])
    expect(tablesOf(s.hasura.metadata())).toEqual(stableTables)
  })

  it('never prints the admin secret', async () => {
    const s = await setUp('v2')
    const result = await s.run('postgres', { count: '2', ref: 'v1' })
    const printed = result.stdout.replaceAll(`::add-mask::${SECRET}`, '') + result.stderr + result.summary
    expect(printed).not.toContain(SECRET)
    expect(JSON.stringify(result.outputs)).not.toContain(SECRET)
    expect(readFileSync(result.outputs['metadata-backup']!, 'utf8')).not.toContain(SECRET)
  })
})

describe('dry-run with metadata (Hasura v2)', () => {
  it.each<[TransportKind]>([['postgres'], ['hasura']])(
    'over %s: plans, reports the metadata changes, sends no metadata and changes nothing',
    async (transport) => {
      const s = await setUp('v2')
      const result = await s.run(transport, { count: '2', ref: 'v1', 'dry-run': 'true' })
      expect(result.exitCode).toBe(0)
      expect(result.outputs).toMatchObject({
        status: 'dry-run',
        'rolled-back-versions': JSON.stringify([m3, m2]),
        'metadata-ref': s.stableSha,
      })
      expect(await appliedVersions(s.db)).toEqual([m1, m2, m3])
      expect(tablesOf(s.hasura.metadata())).toEqual(badTables)
      expect(s.metadataCalls()).toEqual(['export_metadata'])
      expect(result.summary).toContain('removed: table public.article')
      expect(result.summary).toContain('changed: select permission for role user on public.author')
    },
  )

  it('catches the guard failure in a dry run', async () => {
    const s = await setUp('v2')
    const result = await s.run('postgres', { count: '2', ref: s.badSha, 'dry-run': 'true' })
    expect(result.exitCode).toBe(1)
    expect(result.outputs.status).toBe('failed')
    expect(await appliedVersions(s.db)).toEqual([m1, m2, m3])
  })
})

describe('ref: last-successful-run (GitHub API stand-in)', () => {
  it('rolls back to the head of the last successful run of this workflow on this branch', async () => {
    const s = await setUp('v2')
    const github = await startGitHubApiStandIn({
      repository: 'acme/app',
      token: 'gh-canary-token',
      workflows: [{ id: 7, path: '.github/workflows/deploy.yml' }],
      runs: [
        { id: 100, workflowId: 7, headSha: s.stableSha, headBranch: 'main' },
        { id: 101, workflowId: 7, headSha: s.badSha, headBranch: 'main', conclusion: 'failure' },
        {
          id: 102,
          workflowId: 7,
          headSha: s.badSha,
          headBranch: 'main',
          status: 'in_progress',
          conclusion: null,
        },
      ],
    })
    cleanUp(() => github.close())
    const env = {
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_RUN_ID: '102',
      GITHUB_REF_NAME: 'main',
    }
    const result = await s.run(
      'postgres',
      { ref: 'last-successful-run', 'github-token': 'gh-canary-token' },
      env,
    )
    expect(result.exitCode, result.stdout).toBe(0)
    expect(result.outputs['metadata-ref']).toBe(s.stableSha)
    expect(JSON.parse(result.outputs['rolled-back-versions']!)).toEqual([m3, m2])
    expect(await appliedVersions(s.db)).toEqual([m1])
    expect(result.stdout.replaceAll('::add-mask::gh-canary-token', '')).not.toContain('gh-canary-token')
  })

  it('in a rollback workflow of its own, takes the last successful run of the workflow named in input workflow', async () => {
    const s = await setUp('v2')
    const deploy = { id: 7, path: '.github/workflows/deploy.yml' }
    const rollback = { id: 8, path: '.github/workflows/rollback.yml' }
    const github = await startGitHubApiStandIn({
      repository: 'acme/app',
      token: 'gh-canary-token',
      workflows: [deploy, rollback],
      runs: [
        { id: 100, workflowId: deploy.id, headSha: s.stableSha, headBranch: 'main' },
        { id: 101, workflowId: deploy.id, headSha: s.badSha, headBranch: 'main', conclusion: 'failure' },
        // A successful dry run of the rollback workflow, at the bad commit: not a deploy.
        { id: 102, workflowId: rollback.id, headSha: s.badSha, headBranch: 'main' },
        { id: 103, workflowId: rollback.id, headSha: s.badSha, headBranch: 'main', status: 'in_progress' },
      ],
      // GitHub has a bad moment: the first answer is a 502.
      faults: [{ status: 502, message: 'Server Error' }],
    })
    cleanUp(() => github.close())
    const env = {
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_RUN_ID: '103',
      GITHUB_REF_NAME: 'main',
      GITHUB_WORKFLOW_REF: 'acme/app/.github/workflows/rollback.yml@refs/heads/main',
    }
    const inputs = { ref: 'last-successful-run', workflow: 'deploy.yml', 'github-token': 'gh-canary-token' }
    const result = await s.run('postgres', inputs, env)
    expect(result.exitCode, result.stdout).toBe(0)
    expect(result.outputs['metadata-ref']).toBe(s.stableSha)
    expect(await appliedVersions(s.db)).toEqual([m1])
    expect(result.stdout).toContain(`ref: last-successful-run is ${s.stableSha}`)
    expect(github.requests.map((r) => `${r.path} ${r.status}`)).toEqual([
      '/repos/acme/app/actions/workflows/deploy.yml 502',
      '/repos/acme/app/actions/workflows/deploy.yml 200',
      '/repos/acme/app/actions/workflows/7/runs 200',
    ])
  })
})
