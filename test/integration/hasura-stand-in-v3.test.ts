// The stand-in as a v2.x server for config v3 projects: several sources, run_sql per source, the
// catalog state in the metadata database, and version-3 metadata checked source by source.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cleanUp } from '../support/cleanup.js'
import { parse } from 'yaml'
import { removeTree } from '../support/fs-tree.js'
import { post, postText, runSql } from '../support/hasura-requests.js'
import {
  appliedVersionsV3,
  applyUpsV3,
  getCatalogState,
  metadataV3,
  projectTreeV3,
} from '../support/hasura-project-v3.js'
import { threeMigrations, writeWorkspace } from '../support/hasura-project.js'
import { startHasuraStandIn, type StandInOptions, type StandInSource } from '../support/hasura-stand-in.js'
import { createTestDatabase, type TestDatabase } from '../support/postgres.js'

async function database(): Promise<TestDatabase> {
  const db = await createTestDatabase()
  cleanUp(db.drop)
  return db
}

interface Setup {
  /** Where the metadata database is: none (catalog state in memory), its own database, or db1. */
  metadata?: 'none' | 'separate' | 'first-source'
  kinds?: Partial<StandInSource>[]
}

/** Two sources, `default` on db1 and `pg2` on db2. */
async function twoSources({ metadata = 'none', kinds = [] }: Setup = {}) {
  const [db1, db2] = [await database(), await database()]
  const metadataDb =
    metadata === 'separate' ? await database() : metadata === 'first-source' ? db1 : undefined
  const options: StandInOptions = {
    generation: 'v2',
    sources: [
      { name: 'default', databaseUrl: db1.url, ...kinds[0] },
      { name: 'pg2', databaseUrl: db2.url, ...kinds[1] },
    ],
    metadataDatabaseUrl: metadataDb?.url,
  }
  const hasura = await startHasuraStandIn(options)
  cleanUp(hasura.close)
  return { db1, db2, hasura, metadataDb: metadataDb ?? db1 }
}

const hasTable = async (db: TestDatabase, name: string) =>
  (await db.query(`SELECT 1 FROM information_schema.tables WHERE table_name = $1`, [name])).length === 1
const table = (name: string) => ({ table: { schema: 'public', name } })
const source = (name: string, tables: unknown[]) => ({
  name,
  kind: 'postgres',
  tables,
  configuration: { connection_info: { database_url: { from_env: 'PG_URL' } } },
})
const replace = (metadata: unknown, allow = false) => ({
  type: 'replace_metadata',
  version: 2,
  args: { allow_inconsistent_metadata: allow, metadata },
})

describe('sources', () => {
  it('exports version 3 with the configured sources in their order', async () => {
    const { hasura } = await twoSources()
    const exported = await post(hasura, '/v1/metadata', { type: 'export_metadata', args: {} })
    expect(exported.body).toEqual({
      version: 3,
      sources: [
        {
          name: 'default',
          kind: 'postgres',
          tables: [],
          configuration: expect.objectContaining({
            connection_info: expect.objectContaining({
              database_url: { from_env: 'HASURA_GRAPHQL_DATABASE_URL' },
            }),
          }),
        },
        {
          name: 'pg2',
          kind: 'postgres',
          tables: [],
          configuration: expect.objectContaining({
            connection_info: expect.objectContaining({ database_url: { from_env: 'PG2_DATABASE_URL' } }),
          }),
        },
      ],
    })
  })

  it("runs run_sql on the named source's database, `default` when none is named", async () => {
    const { db1, db2, hasura } = await twoSources()
    expect(
      (await post(hasura, '/v2/query', runSql('CREATE TABLE on_two (id int)', { source: 'pg2' }))).status,
    ).toBe(200)
    expect((await post(hasura, '/v2/query', runSql('CREATE TABLE on_one (id int)'))).status).toBe(200)
    expect([await hasTable(db1, 'on_two'), await hasTable(db2, 'on_two')]).toEqual([false, true])
    expect([await hasTable(db1, 'on_one'), await hasTable(db2, 'on_one')]).toEqual([true, false])
  })

  it('refuses a source the server does not have, also inside a bulk', async () => {
    const { hasura } = await twoSources()
    const error = { error: 'source with name "nope" does not exist', code: 'not-exists' }
    expect(await post(hasura, '/v2/query', runSql('SELECT 1', { source: 'nope' }))).toMatchObject({
      status: 400,
      body: { path: '$.args', ...error },
    })
    const bulk = { type: 'bulk', args: [runSql('SELECT 1', { source: 'nope' })] }
    expect(await post(hasura, '/v2/query', bulk)).toMatchObject({
      status: 400,
      body: { path: '$.args[0].args', ...error },
    })
  })

  it("runs citus_run_sql and cockroach_run_sql on sources of that kind and refuses another kind's SQL", async () => {
    const { db2, hasura } = await twoSources({ kinds: [{}, { kind: 'citus' }] })
    const citus = { type: 'citus_run_sql', args: { source: 'pg2', sql: 'CREATE TABLE c (id int)' } }
    expect((await post(hasura, '/v2/query', citus)).status).toBe(200)
    expect(await hasTable(db2, 'c')).toBe(true)
    expect(await post(hasura, '/v2/query', runSql('SELECT 1', { source: 'pg2' }))).toEqual({
      status: 400,
      body: {
        path: '$.args',
        error:
          'source with name "pg2" has backend type "citus" which does not match the expected type postgres',
        code: 'not-exists',
      },
    })
    const cockroach = { type: 'cockroach_run_sql', args: { source: 'default', sql: 'SELECT 1' } }
    expect((await post(hasura, '/v2/query', cockroach)).body).toMatchObject({
      error:
        'source with name "default" has backend type "postgres" which does not match the expected type cockroach',
    })
  })
})

describe('catalog state', () => {
  const stored =
    '{"migrations": {"default": {"1700000000001": false}, "pg2": {"1700000000002": false}}, ' +
    '"settings": {"migration_mode": "true"}, "isStateCopyCompleted": true, ' +
    '"someday": {"n": 12345678901234567890123, "x": 1e400}}'

  it('creates hdb_catalog.hdb_version in the metadata database as the server does, with one row', async () => {
    const { db1, db2, hasura, metadataDb } = await twoSources({ metadata: 'separate' })
    const columns = await metadataDb.query(
      `SELECT column_name, data_type, is_nullable, column_default FROM information_schema.columns
       WHERE table_schema = 'hdb_catalog' AND table_name = 'hdb_version' ORDER BY ordinal_position`,
    )
    expect(columns.map((c) => Object.values(c))).toEqual([
      ['hasura_uuid', 'uuid', 'NO', 'hdb_catalog.gen_hasura_uuid()'],
      ['version', 'text', 'NO', null],
      ['upgraded_on', 'timestamp with time zone', 'NO', null],
      ['cli_state', 'jsonb', 'NO', "'{}'::jsonb"],
      ['console_state', 'jsonb', 'NO', "'{}'::jsonb"],
      ['ee_client_id', 'text', 'YES', null],
      ['ee_client_secret', 'text', 'YES', null],
    ])
    const [row] = await metadataDb.query<{ id: string }>(
      'SELECT hasura_uuid::text AS id FROM hdb_catalog.hdb_version',
    )
    expect(await post(hasura, '/v1/metadata', { type: 'get_catalog_state', args: {} })).toEqual({
      status: 200,
      body: { id: row?.id, cli_state: {}, console_state: {} },
    })
    const catalogs = async (db: TestDatabase) =>
      (await db.query(`SELECT 1 FROM pg_namespace WHERE nspname = 'hdb_catalog'`)).length
    expect([await catalogs(db1), await catalogs(db2)]).toEqual([0, 0])
  })

  it('reads and writes the row itself: SQL and the API see the same document, numbers and all', async () => {
    const { hasura, metadataDb } = await twoSources({ metadata: 'separate' })
    await metadataDb.query('UPDATE hdb_catalog.hdb_version SET cli_state = $1::jsonb, console_state = $2', [
      stored,
      '{"onboardingShown": true}',
    ])
    const got = await postText(hasura, '/v1/metadata', { type: 'get_catalog_state', args: {} })
    expect(got.text).toContain('"n": 12345678901234567890123')
    expect(got.text).toContain(`"x": 1${'0'.repeat(400)}`)
    expect(JSON.parse(got.text)).toMatchObject({ console_state: { onboardingShown: true } })
    // The CLI's write: the whole document back, one version removed, the rest as read.
    const rewritten = stored.replace('{"1700000000001": false}', '{}')
    const set = `{"type":"set_catalog_state","args":{"type":"cli","state":${rewritten}}}`
    expect(await post(hasura, '/v1/metadata', set)).toMatchObject({
      status: 200,
      body: { message: 'success' },
    })
    const [after] = await metadataDb.query<{ cli: string; console: unknown }>(
      'SELECT cli_state::text AS cli, console_state AS console FROM hdb_catalog.hdb_version',
    )
    const [before] = await metadataDb.query<{ cli: string }>(
      `SELECT jsonb_set($1::jsonb, '{migrations,default}', '{}')::text AS cli`,
      [stored],
    )
    expect(after?.cli).toBe(before?.cli)
    expect(after?.console).toEqual({ onboardingShown: true })
  })

  it('refuses a set_catalog_state with a wrong type and changes nothing', async () => {
    const { hasura } = await twoSources({ metadata: 'separate' })
    const { id } = await hasura.catalogState()
    const wrong = { type: 'set_catalog_state', args: { type: 'migrations', state: { a: 1 } } }
    expect(await post(hasura, '/v1/metadata', wrong)).toMatchObject({
      status: 400,
      body: {
        path: '$.args.type',
        code: 'parse-failed',
        error:
          'parsing Hasura.RQL.Types.Metadata.Common.CatalogStateType failed, expected one of the tags ["cli","console"], but found tag "migrations"',
      },
    })
    const missing = { type: 'set_catalog_state', args: { state: { a: 1 } } }
    expect(await post(hasura, '/v1/metadata', missing)).toMatchObject({
      status: 400,
      body: { path: '$.args', code: 'parse-failed', error: expect.stringContaining('key "type" not found') },
    })
    expect(await hasura.catalogState()).toEqual({ id, cli_state: {}, console_state: {} })
  })

  it('shares the row with run_sql when the metadata database is a source: one transaction for both', async () => {
    const { hasura, metadataDb } = await twoSources({ metadata: 'first-source' })
    const { id } = await getCatalogState(hasura)
    const viaSql = await post(hasura, '/v2/query', runSql('SELECT hasura_uuid FROM hdb_catalog.hdb_version'))
    expect(viaSql.body).toEqual({ result_type: 'TuplesOk', result: [['hasura_uuid'], [id]] })
    const mark = `UPDATE hdb_catalog.hdb_version SET cli_state = '{"migrations": {"default": {}}}'`
    const failing = await post(
      hasura,
      '/v2/query',
      runSql(`CREATE TABLE t (id int); ${mark}; SELECT * FROM nope`),
    )
    expect(failing.status).toBe(400)
    expect((await getCatalogState(hasura)).cli_state).toEqual({})
    expect((await post(hasura, '/v2/query', runSql(`CREATE TABLE t (id int); ${mark}`))).status).toBe(200)
    expect((await getCatalogState(hasura)).cli_state).toEqual({ migrations: { default: {} } })
    expect(await hasTable(metadataDb, 't')).toBe(true)
  })

  it('keeps the state on a restart on the same metadata database', async () => {
    const { metadataDb, hasura } = await twoSources({ metadata: 'separate' })
    const { id } = await hasura.catalogState()
    await post(hasura, '/v1/metadata', {
      type: 'set_catalog_state',
      args: { type: 'cli', state: { kept: 1 } },
    })
    await hasura.close()
    const again = await startHasuraStandIn({
      generation: 'v2',
      databaseUrl: metadataDb.url,
      metadataDatabaseUrl: metadataDb.url,
    })
    cleanUp(again.close)
    expect(await getCatalogState(again)).toEqual({ id, cli_state: { kept: 1 }, console_state: {} })
  })

  it('keeps the state in memory without a metadata database, creating nothing', async () => {
    const { db1, db2, hasura } = await twoSources()
    const first = await getCatalogState(hasura)
    expect(first).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), cli_state: {}, console_state: {} })
    await post(hasura, '/v1/metadata', {
      type: 'set_catalog_state',
      args: { type: 'console', state: { a: [1] } },
    })
    expect(await getCatalogState(hasura)).toEqual({ ...first, console_state: { a: [1] } })
    const bulk = {
      type: 'bulk',
      args: [
        { type: 'set_catalog_state', args: { type: 'cli', state: { b: 2 } } },
        { type: 'get_catalog_state', args: {} },
      ],
    }
    expect((await post(hasura, '/v1/metadata', bulk)).body).toEqual([
      { message: 'success' },
      { ...first, cli_state: { b: 2 }, console_state: { a: [1] } },
    ])
    for (const db of [db1, db2]) {
      expect(await db.query(`SELECT 1 FROM pg_namespace WHERE nspname = 'hdb_catalog'`)).toEqual([])
    }
  })
})

describe('version 3 metadata', () => {
  it('checks each source against its own database and names the source of an inconsistency', async () => {
    const { db1, db2, hasura } = await twoSources()
    await db1.query('CREATE TABLE author (id int PRIMARY KEY)')
    await db2.query('CREATE TABLE article (id int PRIMARY KEY)')
    const good = {
      version: 3,
      sources: [source('default', [table('author')]), source('pg2', [table('article')])],
    }
    expect((await post(hasura, '/v1/metadata', { type: 'replace_metadata', args: good })).body).toEqual({
      message: 'success',
    })
    const permission = { role: 'user', permission: { columns: ['id', 'title'], filter: {} } }
    const bad = {
      version: 3,
      sources: [
        source('default', [table('author')]),
        source('pg2', [table('author'), { ...table('article'), select_permissions: [permission] }]),
      ],
    }
    const ghost = [
      {
        type: 'table',
        name: 'table author in source pg2',
        definition: { schema: 'public', name: 'author' },
        reason: 'Inconsistent object: no such table/view exists in source: "author"',
      },
      {
        type: 'select_permission',
        name: 'select_permission user in table article in source pg2',
        definition: { ...permission, table: { schema: 'public', name: 'article' }, source: 'pg2' },
        reason:
          'Inconsistent object: in table "article": in permission for role "user": "title" does not exist',
      },
    ]
    expect(await post(hasura, '/v1/metadata', replace(bad))).toMatchObject({
      status: 400,
      body: {
        path: '$.args',
        error: 'cannot continue due to inconsistent metadata',
        code: 'unexpected',
        internal: ghost,
      },
    })
    expect(hasura.metadataV3()).toMatchObject({
      sources: [{ tables: [table('author')] }, { tables: [table('article')] }],
    })
    expect((await post(hasura, '/v1/metadata', replace(bad, true))).body).toEqual({
      is_consistent: false,
      inconsistent_objects: ghost,
    })
    expect(
      (await post(hasura, '/v1/metadata', { type: 'get_inconsistent_metadata', args: {} })).body,
    ).toEqual({
      is_consistent: false,
      inconsistent_objects: ghost,
    })
  })

  it('untracks a table dropped by a checked run_sql in that source only', async () => {
    const { db1, db2, hasura } = await twoSources()
    await db1.query('CREATE TABLE gone (id int)')
    await db2.query('CREATE TABLE gone (id int)')
    hasura.setMetadata({
      version: 3,
      sources: [source('default', [table('gone')]), source('pg2', [table('gone')])],
    })
    const drop = runSql('DROP TABLE gone', { source: 'pg2', check_metadata_consistency: true })
    expect((await post(hasura, '/v2/query', drop)).status).toBe(200)
    expect(hasura.metadataV3()).toMatchObject({
      sources: [
        { name: 'default', tables: [table('gone')] },
        { name: 'pg2', tables: [] },
      ],
    })
    expect([await hasTable(db1, 'gone'), await hasTable(db2, 'gone')]).toEqual([true, false])
  })

  it('reports a source it cannot reach as inconsistent and refuses SQL on it', async () => {
    const { hasura } = await twoSources()
    const metadata = { version: 3, sources: [source('default', []), source('elsewhere', [table('x')])] }
    const unreachable = {
      type: 'source',
      name: 'source elsewhere',
      definition: 'elsewhere',
      reason: "Inconsistent object: environment variable 'PG_URL' not set",
    }
    expect((await post(hasura, '/v1/metadata', replace(metadata))).body).toMatchObject({
      internal: [unreachable],
    })
    expect((await post(hasura, '/v1/metadata', replace(metadata, true))).body).toEqual({
      is_consistent: false,
      inconsistent_objects: [unreachable],
    })
    expect((await post(hasura, '/v2/query', runSql('SELECT 1', { source: 'elsewhere' }))).body).toEqual({
      path: '$.args',
      error: 'source with name "elsewhere" is inconsistent',
      code: 'unexpected',
    })
    expect((await post(hasura, '/v2/query', runSql('SELECT 1', { source: 'pg2' }))).body).toMatchObject({
      code: 'not-exists',
    })
  })

  it('puts a version-2 payload into the default source alone, and clear_metadata keeps an empty default', async () => {
    const { db1, hasura } = await twoSources()
    await db1.query('CREATE TABLE author (id int PRIMARY KEY)')
    const v2 = { version: 2, tables: [table('author')] }
    expect((await post(hasura, '/v1/metadata', { type: 'replace_metadata', args: v2 })).status).toBe(200)
    expect(hasura.metadataV3()).toMatchObject({ sources: [{ name: 'default', tables: [table('author')] }] })
    expect((hasura.metadataV3() as { sources: unknown[] }).sources).toHaveLength(1)
    await post(hasura, '/v1/metadata', replace({ version: 3, sources: [source('pg2', [])] }))
    expect(await post(hasura, '/v1/metadata', { type: 'replace_metadata', args: v2 })).toMatchObject({
      status: 400,
      body: {
        code: 'not-supported',
        error: 'cannot import metadata without sources since no default source is defined',
      },
    })
    await post(
      hasura,
      '/v1/metadata',
      replace({ version: 3, sources: [source('default', []), source('pg2', [])] }),
    )
    await post(hasura, '/v1/metadata', { type: 'clear_metadata', args: {} })
    expect(hasura.metadataV3()).toEqual({ version: 3, sources: [source('default', [])] })
  })
})

describe('config v3 project helper', () => {
  it('applies an up that ends in a -- comment without ; apart from the up after it', async () => {
    const { db1, hasura } = await twoSources()
    await applyUpsV3(hasura, 'default', [
      { version: '1', name: 'a', up: 'CREATE TABLE a (id int) -- no ;, the comment last', down: null },
      { version: '2', name: 'b', up: 'CREATE TABLE b (id int)', down: null },
    ])
    expect([await hasTable(db1, 'a'), await hasTable(db1, 'b')]).toEqual([true, true])
  })

  it('writes migrations per database and !include metadata, and applies ups as the CLI records them', async () => {
    const { db1, db2, hasura } = await twoSources()
    const [first, second, third] = threeMigrations
    const databases = [
      { name: 'default', migrations: [third!], tables: [] },
      { name: 'pg2', migrations: [second!, first!], tables: [table('author'), table('article')] },
    ]
    const dir = await writeWorkspace(projectTreeV3(databases))
    cleanUp(() => removeTree(dir))
    const read = async (path: string) => parse(await readFile(join(dir, path), 'utf8')) as unknown
    expect(await read('config.yaml')).toEqual({ version: 3 })
    expect(await read('metadata/databases/databases.yaml')).toMatchObject([
      { name: 'default', kind: 'postgres', tables: '!include default/tables/tables.yaml' },
      { name: 'pg2', kind: 'postgres', tables: '!include pg2/tables/tables.yaml' },
    ])
    expect(await read('metadata/databases/pg2/tables/tables.yaml')).toEqual([
      '!include public_author.yaml',
      '!include public_article.yaml',
    ])
    expect(await read('metadata/databases/pg2/tables/public_article.yaml')).toEqual(table('article'))
    expect(
      await readFile(join(dir, `migrations/pg2/${second!.version}_${second!.name}/down.sql`), 'utf8'),
    ).toBe(second!.down)
    await applyUpsV3(hasura, 'pg2', [second!, first!])
    expect([await hasTable(db2, 'article'), await hasTable(db1, 'article')]).toEqual([true, false])
    const { cli_state } = await getCatalogState(hasura)
    expect(cli_state).toEqual({
      migrations: { pg2: { [first!.version]: false, [second!.version]: false } },
      settings: { migration_mode: 'true' },
      isStateCopyCompleted: true,
    })
    expect(appliedVersionsV3(cli_state, 'pg2')).toEqual([first!.version, second!.version])
    expect((await post(hasura, '/v1/metadata', replace(metadataV3(databases)))).body).toEqual({
      is_consistent: true,
      inconsistent_objects: [],
    })
  })
})
