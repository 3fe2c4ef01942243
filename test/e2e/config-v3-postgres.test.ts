// Config v3 with input database-url: the downs run on Postgres directly, the catalog state changes in
// the same transaction when that database holds it (the metadata database is also the source), else
// it is written through Hasura after COMMIT behind a journal row.
import { describe, expect, it } from 'vitest'
import { catalogText, catalogVersions, errorsOf, setUpV3, versionsOf } from '../support/config-v3-setup.js'
import { createTableMigrations, tableName } from '../support/hasura-project.js'
import { requestTypes } from '../support/hasura-stand-in.js'
import type { TestDatabase } from '../support/postgres.js'
import { schemaSnapshot } from '../support/postgres.js'

const main = { name: 'default', migrations: createTableMigrations(3, { firstVersion: 1740000000001n }) }
const [v1, v2, v3] = versionsOf(main.migrations) as [string, string, string]

interface JournalRow {
  run_key: string
  versions: string
  database: string
  state_pending: boolean
}
const journalOf = (db: TestDatabase) =>
  db.query<JournalRow>(
    'SELECT run_key, versions, database, state_pending FROM hdb_catalog.hasura_rollback_journal',
  )

describe('config v3 over database-url', () => {
  it('the metadata database is the source: downs and catalog state commit in one transaction on it', async () => {
    const s = await setUpV3([main], { metadataIn: 'default' })
    const result = await s.runOn('default', { count: '2' })
    expect(result.exitCode, result.stdout).toBe(0)
    expect(result.outputs).toMatchObject({
      status: 'rolled-back',
      'rolled-back-versions': JSON.stringify([v3, v2]),
      'rolled-back-by-database': JSON.stringify({ default: [v3, v2] }),
    })
    expect(await catalogVersions(s.metadataDb, 'default')).toEqual([v1])
    expect(Object.keys(await schemaSnapshot(s.dbs.default!))).toEqual([tableName(1)])
    // Hasura is asked for the sources and the catalog state only: no run_sql, no state write.
    expect(requestTypes(s.hasura.requests)).toEqual([
      'GET /v1/version',
      'export_metadata',
      'get_catalog_state',
    ])
    expect(await journalOf(s.dbs.default!)).toEqual([
      expect.objectContaining({ versions: `${v3},${v2}`, database: 'default', state_pending: false }),
    ])
  })

  it('a separate metadata database: the journal row commits with the downs, then the state is written', async () => {
    const s = await setUpV3([main])
    const result = await s.runOn('default', { count: '2' })
    expect(result.exitCode, result.stdout).toBe(0)
    expect(result.outputs['rolled-back-versions']).toBe(JSON.stringify([v3, v2]))
    expect(await catalogVersions(s.metadataDb, 'default')).toEqual([v1])
    expect(Object.keys(await schemaSnapshot(s.dbs.default!))).toEqual([tableName(1)])
    expect(requestTypes(s.hasura.requests)).toEqual([
      'GET /v1/version',
      'export_metadata',
      'get_catalog_state',
      'get_catalog_state',
      'set_catalog_state',
    ])
    // The state write happened: the journal row is marked so, and no later run writes it again.
    expect(await journalOf(s.dbs.default!)).toEqual([
      expect.objectContaining({ versions: `${v3},${v2}`, database: 'default', state_pending: false }),
    ])
    expect(await journalOf(s.metadataDb).catch((e: Error) => e.message)).toMatch(/does not exist/)
  })

  it('rolls back the one database named, leaving the others and their state alone', async () => {
    const cache = { name: 'cache', migrations: createTableMigrations(2, { firstVersion: 1750000000001n }) }
    const s = await setUpV3([main, cache], { metadataIn: 'default' })
    const [c1] = versionsOf(cache.migrations) as [string, string]
    const result = await s.runOn('cache', { count: '1', 'database-name': 'cache' })
    expect(result.exitCode, result.stdout).toBe(0)
    expect(result.outputs['rolled-back-by-database']).toBe(
      JSON.stringify({ cache: [versionsOf(cache.migrations)[1]] }),
    )
    expect(await catalogVersions(s.metadataDb, 'cache')).toEqual([c1])
    expect(await catalogVersions(s.metadataDb, 'default')).toEqual([v1, v2, v3])
    expect(Object.keys(await schemaSnapshot(s.dbs.default!))).toHaveLength(3)
  })

  it('refuses database-name all: the URL reaches one database', async () => {
    const cache = { name: 'cache', migrations: createTableMigrations(2, { firstVersion: 1750000000001n }) }
    const s = await setUpV3([main, cache], { metadataIn: 'default' })
    const before = await catalogText(s.metadataDb)
    const result = await s.runOn('default', { count: '1', 'database-name': 'all' })
    expect(result.exitCode).toBe(1)
    expect(errorsOf(result)).toEqual([
      "Input 'database-url' reaches one database, but this run would roll back 2 (default, cache): set 'database-name' to the database at that URL",
    ])
    expect(await catalogText(s.metadataDb)).toBe(before)
  })

  it('names the failing down and its line, and changes neither the schema nor the catalog state', async () => {
    const broken = {
      ...main,
      migrations: main.migrations.map((m, i) =>
        i === 1 ? { ...m, down: 'SELECT 1;\nDROP TABLE nowhere;\n' } : m,
      ),
    }
    const s = await setUpV3([broken], { metadataIn: 'default' })
    const before = await catalogText(s.metadataDb)
    const result = await s.runOn('default', { count: '2' })
    expect(result.exitCode).toBe(1)
    const file = `migrations/default/${v2}_${broken.migrations[1]!.name}/down.sql`
    // One error line, on the file and line.
    const message = new RegExp(
      `^Down migration ${v2}_\\w+ failed at ${file}:2: table "nowhere" does not exist \\(SQLSTATE 42P01\\)\\. The transaction was rolled back: nothing was changed$`,
    )
    expect(errorsOf(result)).toEqual([expect.stringMatching(message)])
    expect(result.annotations.find((a) => a.level === 'error')).toMatchObject({ file, line: 2 })
    expect(await catalogText(s.metadataDb)).toBe(before)
    expect(Object.keys(await schemaSnapshot(s.dbs.default!))).toHaveLength(3)
  })
})
