// Every entry of the bad-input catalog: exit 1, status failed, one error line naming the culprit,
// and the database and Hasura's metadata exactly as they were.
import { readFileSync } from 'node:fs'
import { mkdir, rm, symlink, truncate, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot, runAction } from '../support/action-runner.js'
import type { FileChanges } from '../support/git-fixture.js'
import { appliedVersions, applyUps } from '../support/hasura-project.js'
import { startHasuraStandIn } from '../support/hasura-stand-in.js'
import { createTestDatabase, schemaSnapshot } from '../support/postgres.js'
import { PROJECT_DIR, badMetadata, twoReleases } from '../support/two-releases.js'
import type { BadInput } from './bad-input-catalog.js'
import { badInputs } from './bad-input-catalog.js'

const SECRET = 'canary-secret-for-bad-inputs'

async function applyChanges(dir: string, changes: FileChanges): Promise<void> {
  for (const [path, change] of Object.entries(changes)) {
    const target = join(dir, path)
    await rm(target, { force: true })
    if (change === null) continue
    await mkdir(dirname(target), { recursive: true })
    if (typeof change === 'string') await writeFile(target, change)
    else await symlink(change.symlink, target)
  }
}

async function runCase(c: BadInput, onTestFinished: (fn: () => Promise<void>) => void) {
  const releases = await twoReleases()
  const db = await createTestDatabase()
  await applyUps(db, releases.allMigrations)
  if (c.sql) await db.query(c.sql)
  const hasura = await startHasuraStandIn({ databaseUrl: db.url, generation: 'v2', adminSecret: SECRET })
  hasura.setMetadata(badMetadata)
  onTestFinished(() => hasura.close().then(() => db.drop()))
  if (c.workspace) await applyChanges(releases.workspace.dir, c.workspace)
  for (const [path, size] of Object.entries(c.sparseWorkspace ?? {})) {
    await truncate(join(releases.workspace.dir, path), size)
  }
  if (c.atRef) {
    await releases.origin.git('checkout', '-q', '-b', 'broken', 'v1')
    await releases.origin.commit('broken metadata', c.atRef)
    await releases.origin.git('checkout', '-q', 'main')
  }
  if (c.server === 'export-500')
    hasura.injectFault('status-500', { match: (r) => r.body.type === 'export_metadata' })
  const before = {
    versions: await appliedVersions(db),
    schema: await schemaSnapshot(db),
    metadata: hasura.metadata(),
  }
  const result = await runAction({
    workspace: releases.workspace.dir,
    inputs: {
      'project-dir': PROJECT_DIR,
      endpoint: c.server === 'unreachable' ? 'http://127.0.0.1:9' : hasura.url,
      'admin-secret': c.server === 'wrong-secret' ? 'not-the-secret' : c.server === 'no-secret' ? '' : SECRET,
      'database-url': c.server === 'database-unreachable' ? 'postgres://u:p@127.0.0.1:9/db' : db.url,
      count: '1',
      ref: c.atRef ? 'broken' : 'v1',
      'github-token': 'unused-token',
      ...c.inputs,
    },
  })
  const after = {
    versions: await appliedVersions(db),
    schema: await schemaSnapshot(db),
    metadata: hasura.metadata(),
  }
  return { result, before, after }
}

describe('bad-input catalog', () => {
  it('has at least 30 entries', () => {
    expect(badInputs.length).toBeGreaterThanOrEqual(30)
  })

  // Each case waits on its own processes and databases: they run side by side.
  it.concurrent.for(badInputs.map((c) => [`${c.area}: ${c.what}`, c] as const))(
    '%s',
    async ([, c], { expect, onTestFinished }) => {
      const { result, before, after } = await runCase(c, onTestFinished)
      expect(result.exitCode, result.stdout).toBe(1)
      expect(result.outputs.status).toBe('failed')
      const failure = result.stdout
        .split('\n')
        .filter((l) => /^::error( [^:]*)?::/.test(l))
        .at(-1)
      expect(failure, result.stdout).toBeDefined()
      expect(failure).toContain(c.says)
      // Every refusal, inputs included, leaves a summary saying nothing was changed.
      expect(result.summary).toMatch(/^## ❌ Rollback (failed|refused): nothing was changed$/m)
      expect(result.summary).toContain('- **Metadata:** unchanged')
      expect(after).toEqual(before)
      expect(
        result.stdout.replaceAll(`::add-mask::${SECRET}`, '') + result.stderr + result.summary,
      ).not.toContain(SECRET)
    },
  )

  it('is published in docs/bad-input.md, entry for entry', () => {
    const doc = readFileSync(join(repoRoot, 'docs/bad-input.md'), 'utf8')
    const rows = doc.split('\n').filter((l) => /^\| (input|project|ref metadata|server) \|/.test(l))
    expect(rows).toEqual(badInputs.map((c) => `| ${c.area} | ${c.what} | ${c.says.replace(/\|/g, '\\|')} |`))
  })
})
