// Config v3 projects through the bundled action and the Hasura stand-in: one database or several, the
// catalog state held by a database being rolled back (one transaction) or elsewhere (written after
// COMMIT, behind the journal), and every refusal of the v3 inputs.
import { describe, expect, it } from 'vitest'
import type { MigrationSpec } from '../support/hasura-project.js'
import { createTableMigrations, tableName } from '../support/hasura-project.js'
import { catalogVersions, errorsOf, setUpV3, versionsOf } from '../support/config-v3-setup.js'
import { cache, intuition } from '../support/config-v3-setup.js'
import { schemaSnapshot } from '../support/postgres.js'

const three = (first: bigint): MigrationSpec[] => createTableMigrations(3, { firstVersion: first })

describe('config v3, one database', () => {
  it.each([
    ['holds the catalog state: downs and state in one transaction', 'default' as string | undefined, 5],
    ['does not hold it: the state is written through Hasura after COMMIT', undefined, 8],
  ])('the database %s', async (_, metadataIn, requests) => {
    const migrations = three(1710000000001n)
    const s = await setUpV3([{ name: 'default', migrations }], { metadataIn })
    const result = await s.run({ count: '2' })
    expect(result.exitCode, result.stdout).toBe(0)
    const [v1, v2, v3] = versionsOf(migrations)
    expect(result.outputs).toMatchObject({
      status: 'rolled-back',
      'rolled-back-versions': JSON.stringify([v3, v2]),
      'rolled-back-by-database': JSON.stringify({ default: [v3, v2] }),
    })
    expect(await catalogVersions(s.metadataDb, 'default')).toEqual([v1])
    expect(Object.keys(await schemaSnapshot(s.dbs.default!))).toEqual([tableName(1)])
    expect(s.hasura.requests).toHaveLength(requests)
  })

  it('keeps what it does not own in the catalog state exactly: other databases, settings, unknown keys', async () => {
    const migrations = three(1710000000001n)
    const s = await setUpV3([{ name: 'default', migrations }])
    await s.metadataDb.query(`UPDATE hdb_catalog.hdb_version SET cli_state = jsonb_set(jsonb_set(cli_state,
      '{migrations,other}', '{"1600000000000": false}'), '{unknown}', '{"n": 123456789012345678901234567890}')`)
    // As text: jsonb prints every digit, which JSON.parse would not keep.
    const rest = `SELECT (cli_state - 'migrations')::text AS rest, (cli_state #> '{migrations,other}')::text AS other
      FROM hdb_catalog.hdb_version`
    const before = await s.metadataDb.query(rest)
    const result = await s.run({ count: '1' })
    expect(result.exitCode, result.stdout).toBe(0)
    const after = await s.metadataDb.query(rest)
    expect(after).toEqual(before)
    expect(JSON.stringify(after)).toContain('123456789012345678901234567890')
  })
})

describe('config v3, two databases neither named default', () => {
  it('rolls back each with database-name all, reporting each database', async () => {
    const s = await setUpV3([intuition, cache], { metadataIn: 'intuition' })
    const result = await s.run({ count: '1', 'database-name': 'all' })
    expect(result.exitCode, result.stdout).toBe(0)
    expect(JSON.parse(result.outputs['rolled-back-by-database']!)).toEqual({
      intuition: [versionsOf(intuition.migrations)[2]],
      cache: [versionsOf(cache.migrations)[1]],
    })
    expect(await catalogVersions(s.metadataDb, 'intuition')).toEqual(
      versionsOf(intuition.migrations).slice(0, 2),
    )
    expect(await catalogVersions(s.metadataDb, 'cache')).toEqual(versionsOf(cache.migrations).slice(0, 1))
    // Each database's outcome first, and a Database column in the table.
    expect(result.summary).toContain(
      `- **Database intuition:** rolled back 1 migration(s): ${versionsOf(intuition.migrations)[2]}.`,
    )
    expect(result.summary).toContain(
      `- **Database cache:** rolled back 1 migration(s): ${versionsOf(cache.migrations)[1]}.`,
    )
    expect(result.summary).toContain('| Status | Database | Version | Name | Statements |')
  })

  it('changes nothing in either when the second cannot be rolled back: every transaction is rehearsed first', async () => {
    const broken = {
      ...cache,
      migrations: cache.migrations.map((m, i) => (i === 1 ? { ...m, down: 'DROP TABLE nowhere;' } : m)),
    }
    const s = await setUpV3([intuition, broken], { metadataIn: 'intuition' })
    const result = await s.run({ count: '1', 'database-name': 'all' })
    expect(result.exitCode).toBe(1)
    expect(result.outputs.status).toBe('failed')
    expect(await catalogVersions(s.metadataDb, 'intuition')).toEqual(versionsOf(intuition.migrations))
    expect(await catalogVersions(s.metadataDb, 'cache')).toEqual(versionsOf(cache.migrations))
    expect(Object.keys(await schemaSnapshot(s.dbs.intuition!))).toHaveLength(3)
    expect(result.summary).toContain('- **Database intuition:** not rolled back')
    expect(result.summary).toContain('- **Database cache:** not rolled back')
  })

  it.each([
    [{ count: '1' }, /^Set input 'database-name': intuition, cache each have a migrations folder/],
    [
      { count: '1', 'database-name': 'default' },
      /^Input 'database-name' is 'default', but the server's databases are 'intuition', 'cache'$/,
    ],
    [{ version: '1720000000001', 'database-name': 'all' }, /^Input 'database-name: all' reverts a count/],
  ])('refuses %j in one line, changing nothing', async (inputs, message) => {
    const s = await setUpV3([intuition, cache], { metadataIn: 'intuition' })
    const result = await s.run(inputs)
    expect(result.exitCode).toBe(1)
    expect(errorsOf(result)).toEqual([expect.stringMatching(message)])
    expect(await catalogVersions(s.metadataDb, 'intuition')).toEqual(versionsOf(intuition.migrations))
  })
})
