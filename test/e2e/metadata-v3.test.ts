// Config v3 metadata through the bundled action: a rollback to an earlier ref reverts what the ref lacks
// in every database and re-applies that ref's metadata — assembled from its `!include` files — for every
// database, each database's guard in its own transaction.
import { describe, expect, it } from 'vitest'
import { errorsOf, setUpV3 } from '../support/config-v3-setup.js'
import { cloneRepo, createRepo } from '../support/git-fixture.js'
import type { MigrationSpec } from '../support/hasura-project.js'
import type { DatabaseSpec } from '../support/hasura-project-v3.js'
import { metadataV3, projectTreeV3 } from '../support/hasura-project-v3.js'
import { requestTypes } from '../support/hasura-stand-in.js'
import { schemaSnapshot } from '../support/postgres.js'

const create = (version: string, table: string): MigrationSpec => ({
  version,
  name: `create_${table}`,
  up: `CREATE TABLE ${table} (id int PRIMARY KEY, note text);`,
  down: `DROP TABLE ${table};`,
})
const tracked = (table: string) => ({ table: { schema: 'public', name: table } })

/** Release 1 (stable): app.users, events.log. Release 2 (bad): + app.orders, + events.audit. */
const stable: DatabaseSpec[] = [
  { name: 'app', migrations: [create('1710000000001', 'users')], tables: [tracked('users')] },
  { name: 'events', migrations: [create('1720000000001', 'log')], tables: [tracked('log')] },
]
const bad: DatabaseSpec[] = [
  {
    name: 'app',
    migrations: [create('1710000000001', 'users'), create('1710000000002', 'orders')],
    tables: [tracked('users'), tracked('orders')],
  },
  {
    name: 'events',
    migrations: [create('1720000000001', 'log'), create('1720000000002', 'audit')],
    tables: [tracked('log'), tracked('audit')],
  },
]

const inProject = (tree: Record<string, string>) =>
  Object.fromEntries(Object.entries(tree).map(([path, text]) => [`hasura/${path}`, text]))

/**
 * Release 2 deployed (its ups applied, its metadata on the server, the catalog state in app's
 * database), release 1 tagged v1 in a clone holding the project in hasura/. `stableRelease`: the
 * databases release 1 describes (default `stable`).
 */
async function deployedBadRelease(stableRelease: DatabaseSpec[] = stable) {
  const origin = await createRepo(inProject(projectTreeV3(stableRelease)))
  await origin.tag('v1')
  await origin.commit('release 2', inProject(projectTreeV3(bad)))
  const workspace = await cloneRepo(origin, { depth: 1 })
  const { dbs, hasura, run } = await setUpV3(bad, { metadataIn: 'app', workspace: workspace.dir })
  hasura.setMetadata(metadataV3(bad))
  return {
    dbs,
    hasura,
    run: (inputs: Record<string, string>) =>
      run({ 'project-dir': 'hasura', 'apply-metadata': 'true', ...inputs }),
  }
}

const tablesOf = (metadata: unknown, source: string): unknown =>
  (metadata as { sources: { name: string; tables: unknown }[] }).sources.find((s) => s.name === source)
    ?.tables

describe('config v3 metadata of the stable ref', () => {
  it("reverts what the ref lacks in every database and re-applies the ref's metadata for each", async () => {
    const { dbs, hasura, run } = await deployedBadRelease()
    const result = await run({ ref: 'v1' })
    expect(result.exitCode, result.stdout).toBe(0)
    expect(JSON.parse(result.outputs['rolled-back-by-database']!)).toEqual({
      app: ['1710000000002'],
      events: ['1720000000002'],
    })
    expect(Object.keys(await schemaSnapshot(dbs.app!))).toEqual(['users'])
    expect(Object.keys(await schemaSnapshot(dbs.events!))).toEqual(['log'])
    const applied = hasura.metadataV3()
    expect(tablesOf(applied, 'app')).toEqual([tracked('users')])
    expect(tablesOf(applied, 'events')).toEqual([tracked('log')])
    expect(result.outputs['inconsistent-objects']).toBe('[]')
    expect(result.summary).toContain('table public.orders in database app')
  })

  it("refuses, changing nothing anywhere, when a database's rollback drops a table the stable metadata tracks there", async () => {
    const { dbs, hasura, run } = await deployedBadRelease()
    const before = hasura.metadataV3()
    // Two downs in app drop users too, which v1's metadata tracks in app: its guard refuses.
    const result = await run({ ref: 'v1', 'database-name': 'app', count: '2' })
    expect(result.exitCode).toBe(1)
    expect(errorsOf(result).join('\n')).toMatch(
      /needs objects missing after the rollback: table public\.users/,
    )
    expect(Object.keys(await schemaSnapshot(dbs.app!)).sort()).toEqual(['orders', 'users'])
    expect(hasura.metadataV3()).toEqual(before)
  })

  it('computes the changes and sends no metadata in a dry run', async () => {
    const { dbs, hasura, run } = await deployedBadRelease()
    const before = hasura.metadataV3()
    const result = await run({ ref: 'v1', 'dry-run': 'true' })
    expect(result.exitCode, result.stdout).toBe(0)
    expect(result.summary).toContain('table public.audit in database events')
    expect(hasura.metadataV3()).toEqual(before)
    expect(Object.keys(await schemaSnapshot(dbs.events!)).sort()).toEqual(['audit', 'log'])
    expect(requestTypes(hasura.requests)).not.toContain('replace_metadata')
  })

  it('refuses before any change when the stable metadata needs, in a database this run does not roll back, an object it lacks', async () => {
    // v1's metadata tracks events.ghost, which no migration ever created; the run rolls back app only.
    const ghostInEvents = stable.map((db) =>
      db.name === 'events' ? { ...db, tables: [tracked('log'), tracked('ghost')] } : db,
    )
    const { dbs, hasura, run } = await deployedBadRelease(ghostInEvents)
    const before = hasura.metadataV3()
    const catalogBefore = await hasura.catalogState()
    const result = await run({ ref: 'v1', 'database-name': 'app' })
    expect(result.exitCode).toBe(1)
    expect(errorsOf(result)).toEqual([
      expect.stringMatching(/^Database events \(not rolled back by this run\): .*table public\.ghost/),
    ])
    expect(Object.keys(await schemaSnapshot(dbs.app!)).sort()).toEqual(['orders', 'users'])
    expect(hasura.metadataV3()).toEqual(before)
    expect(await hasura.catalogState()).toEqual(catalogBefore)
    expect(result.outputs['rolled-back-count']).toBe('0')
  })

  it('when Hasura refuses the stable metadata as inconsistent after the downs committed, says so and lists the objects', async () => {
    // v1's metadata names a database the server does not have: no guard can judge it, Hasura refuses it.
    const withUnknownDatabase = [...stable, { name: 'reports', migrations: [], tables: [tracked('daily')] }]
    const { dbs, hasura, run } = await deployedBadRelease(withUnknownDatabase)
    const before = hasura.metadataV3()
    const result = await run({ ref: 'v1' })
    expect(result.exitCode).toBe(1)
    expect(result.outputs.status).toBe('failed')
    expect(Object.keys(await schemaSnapshot(dbs.app!))).toEqual(['users'])
    expect(hasura.metadataV3()).toEqual(before)
    const inconsistent = JSON.parse(result.outputs['inconsistent-objects']!) as { reason: string }[]
    expect(inconsistent.length).toBeGreaterThan(0)
    expect(JSON.stringify(inconsistent)).toContain('reports')
    expect(errorsOf(result)).toEqual([
      expect.stringMatching(
        /^The schema rollback was committed \(reverted .*\), but Hasura refused the metadata of [0-9a-f]{40} as inconsistent and keeps serving the metadata it had, \d+ inconsistent object\(s\): .*reports/,
      ),
    ])
    expect(result.summary).toContain(`Refused by Hasura as inconsistent: ${inconsistent.length} object(s)`)
    expect(result.summary).toMatch(
      /Fix what they name, or choose another <code>ref<\/code>, then re-run this job/,
    )
  })
})
