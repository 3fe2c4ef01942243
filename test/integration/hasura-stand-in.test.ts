import { describe, expect, it } from 'vitest'
import { cleanUp } from '../support/cleanup.js'
import { post, runSql } from '../support/hasura-requests.js'
import { startHasuraStandIn, type ServerGeneration } from '../support/hasura-stand-in.js'
import { createTestDatabase, type TestDatabase } from '../support/postgres.js'

async function setup(generation: ServerGeneration, adminSecret?: string) {
  const db = await createTestDatabase()
  const hasura = await startHasuraStandIn({ databaseUrl: db.url, generation, adminSecret })
  cleanUp(db.drop, hasura.close)
  return { db, hasura }
}

const sqlPath = (g: ServerGeneration) => (g === 'v1' ? '/v1/query' : '/v2/query')
const metadataPath = (g: ServerGeneration) => (g === 'v1' ? '/v1/query' : '/v1/metadata')

const author = { table: { schema: 'public', name: 'author' } }
const authorTable = 'CREATE TABLE author (id int PRIMARY KEY, name text)'
const tableNames = async (db: TestDatabase) =>
  (
    await db.query<{ t: string }>(
      `SELECT table_name AS t FROM information_schema.tables WHERE table_schema='public'`,
    )
  )
    .map((r) => r.t)
    .sort()

describe.each(['v1', 'v2'] as const)('Hasura stand-in (%s server)', (generation) => {
  it('answers /healthz and /v1/version without the admin secret', async () => {
    const { hasura } = await setup(generation, 's3cret')
    const health = await fetch(`${hasura.url}/healthz`)
    expect(await health.text()).toBe('OK')
    const version = await (await fetch(`${hasura.url}/v1/version`)).json()
    expect(version).toEqual(
      generation === 'v1' ? { version: 'v1.3.3' } : { version: 'v2.36.0', server_type: 'ce' },
    )
  })

  it('refuses a missing or wrong admin secret and records the one sent', async () => {
    const { hasura } = await setup(generation, 's3cret')
    expect(await post(hasura, sqlPath(generation), runSql('SELECT 1'))).toEqual({
      status: 401,
      body: {
        path: '$',
        error: 'x-hasura-admin-secret/x-hasura-access-key required, but not found',
        code: 'access-denied',
      },
    })
    expect(
      await post(hasura, sqlPath(generation), runSql('SELECT 1'), { 'X-Hasura-Admin-Secret': 'nope' }),
    ).toEqual({
      status: 401,
      body: { path: '$', error: 'invalid x-hasura-admin-secret/x-hasura-access-key', code: 'access-denied' },
    })
    const ok = await post(hasura, sqlPath(generation), runSql('SELECT 1 AS one'), {
      'x-hasura-admin-secret': 's3cret',
    })
    expect(ok).toEqual({ status: 200, body: { result_type: 'TuplesOk', result: [['one'], ['1']] } })
    expect(hasura.requests.map((r) => [r.headers['x-hasura-admin-secret'], r.status])).toEqual([
      [undefined, 401],
      ['nope', 401],
      ['s3cret', 200],
    ])
  })

  it('runs SQL in one transaction and returns the last statement as Postgres text', async () => {
    const { hasura } = await setup(generation)
    const sql = `${authorTable}; INSERT INTO author VALUES (1, NULL), (2, 'b');
      SELECT id, name, id > 1 AS big, now()::date IS NOT NULL AS d FROM author ORDER BY id`
    expect(await post(hasura, sqlPath(generation), runSql(sql))).toEqual({
      status: 200,
      body: {
        result_type: 'TuplesOk',
        result: [
          ['id', 'name', 'big', 'd'],
          ['1', 'NULL', 'f', 't'],
          ['2', 'b', 't', 't'],
        ],
      },
    })
    expect(await post(hasura, sqlPath(generation), runSql('CREATE TABLE other (id int)'))).toEqual({
      status: 200,
      body: { result_type: 'CommandOk', result: null },
    })
  })

  it('rolls back a failing run_sql and answers the postgres-error body', async () => {
    const { db, hasura } = await setup(generation)
    const sql = 'CREATE TABLE kept_out (id int); SELECT * FROM foo'
    expect(await post(hasura, sqlPath(generation), runSql(sql))).toEqual({
      status: 400,
      body: {
        path: '$.args',
        error: 'query execution failed',
        code: 'postgres-error',
        internal: {
          statement: sql,
          prepared: false,
          arguments: [],
          error: {
            exec_status: 'FatalError',
            status_code: '42P01',
            message: 'relation "foo" does not exist',
            description: null,
            hint: null,
          },
        },
      },
    })
    expect(await tableNames(db)).toEqual([])
  })

  it(`runs a bulk ${generation === 'v1' ? 'atomically' : 'one run_sql at a time'}`, async () => {
    const { db, hasura } = await setup(generation)
    const bulk = {
      type: 'bulk',
      args: [runSql('CREATE TABLE first_one (id int)'), runSql('SELECT * FROM foo')],
    }
    const res = await post(hasura, sqlPath(generation), bulk)
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ path: '$.args[1].args', code: 'postgres-error' })
    expect(await tableNames(db)).toEqual(generation === 'v1' ? [] : ['first_one'])
    const ok = await post(hasura, sqlPath(generation), { type: 'bulk', args: [runSql('SELECT 1 AS a')] })
    expect(ok.body).toEqual([{ result_type: 'TuplesOk', result: [['a'], ['1']] }])
  })

  it('serves only the paths the real server of that generation has', async () => {
    const { hasura } = await setup(generation)
    const other = generation === 'v1' ? '/v2/query' : '/v1/query'
    const res = await post(hasura, other, runSql('SELECT 1'))
    if (generation === 'v1') {
      expect(res).toEqual({
        status: 404,
        body: { path: '$', error: 'resource does not exist', code: 'not-found' },
      })
    } else {
      expect(res.status).toBe(200) // v2.x still takes run_sql on /v1/query
    }
  })

  it('replaces, exports and clears metadata, bumping resource_version', async () => {
    const { db, hasura } = await setup(generation)
    await db.query(authorTable)
    const metadata = { version: 2, tables: [{ ...author, select_permissions: [], object_relationships: [] }] }
    expect(
      await post(hasura, metadataPath(generation), { type: 'replace_metadata', args: metadata }),
    ).toEqual({
      status: 200,
      body: { message: 'success' },
    })
    const exported = await post(hasura, metadataPath(generation), { type: 'export_metadata', args: {} })
    if (generation === 'v1') {
      expect(exported.body).toEqual({ version: 2, tables: [author] })
    } else {
      expect(exported.body).toMatchObject({
        version: 3,
        sources: [{ name: 'default', kind: 'postgres', tables: [author], configuration: expect.any(Object) }],
      })
      const v2 = await post(hasura, '/v1/metadata', { type: 'export_metadata', version: 2, args: {} })
      expect(v2.body).toMatchObject({ resource_version: 2, metadata: { version: 3 } })
      const envelope = {
        type: 'replace_metadata',
        version: 2,
        args: { allow_inconsistent_metadata: false, metadata },
      }
      expect((await post(hasura, '/v1/metadata', envelope)).body).toEqual({
        is_consistent: true,
        inconsistent_objects: [],
      })
    }
    expect((await post(hasura, metadataPath(generation), { type: 'clear_metadata', args: {} })).body).toEqual(
      {
        message: 'success',
      },
    )
    expect(hasura.metadata()).toEqual({ version: 2, tables: [] })
  })

  it('refuses inconsistent metadata and keeps what it had', async () => {
    const { db, hasura } = await setup(generation)
    await db.query(authorTable)
    hasura.setMetadata({ version: 2, tables: [author] })
    const bad = {
      version: 2,
      tables: [
        { table: { schema: 'public', name: 'foo' } },
        {
          ...author,
          select_permissions: [{ role: 'user', permission: { columns: ['id', 'age'], filter: {} } }],
        },
      ],
      functions: [{ function: { schema: 'public', name: 'nope' } }],
    }
    const res = await post(hasura, metadataPath(generation), { type: 'replace_metadata', args: bad })
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ path: '$.args', error: 'cannot continue due to inconsistent metadata' })
    const reasons = (res.body as { internal: { reason: string; name?: string }[] }).internal
    const prefix = generation === 'v2' ? 'Inconsistent object: ' : ''
    expect(reasons.map((r) => r.reason)).toEqual([
      `${prefix}no such table/view exists in ${generation === 'v2' ? 'source' : 'postgres'}: "foo"`,
      `${prefix}in table "author": in permission for role "user": "age" does not exist`,
      `${prefix}no such function exists${generation === 'v2' ? '' : ' in postgres '}: "nope"`,
    ])
    expect(reasons[0]?.name).toBe(generation === 'v2' ? 'table foo in source default' : undefined)
    expect(hasura.metadata()).toEqual({ version: 2, tables: [author] })
    const withUnknownKey = { version: 2, tables: [{ ...author, colour: 'red' }] }
    const rejected = await post(hasura, metadataPath(generation), {
      type: 'replace_metadata',
      args: withUnknownKey,
    })
    expect(rejected.status).toBe(400)
    expect(rejected.body).toMatchObject({ code: 'parse-failed', path: '$.args.tables[0]' })
    expect(hasura.metadata()).toEqual({ version: 2, tables: [author] })
  })

  it('reports objects made inconsistent by unchecked SQL on reload and in /healthz', async () => {
    const { db, hasura } = await setup(generation)
    await db.query(authorTable)
    hasura.setMetadata({ version: 2, tables: [author] })
    await post(hasura, sqlPath(generation), runSql('DROP TABLE author'))
    expect(await (await fetch(`${hasura.url}/healthz`)).text()).toBe('OK')
    const reload = await post(hasura, metadataPath(generation), { type: 'reload_metadata', args: {} })
    expect(reload.body).toMatchObject(
      generation === 'v1' ? { message: 'success' } : { message: 'success', is_consistent: false },
    )
    const got = await post(hasura, metadataPath(generation), { type: 'get_inconsistent_metadata', args: {} })
    expect(got.body).toMatchObject({ is_consistent: false, inconsistent_objects: [{ type: 'table' }] })
    expect(await (await fetch(`${hasura.url}/healthz`)).text()).toBe('WARN: inconsistent objects in schema')
  })

  it('with the metadata check, untracks dropped tables but refuses to drop a column a permission uses', async () => {
    const { db, hasura } = await setup(generation)
    await db.query(`${authorTable}; CREATE TABLE gone (id int)`)
    const permission = { role: 'user', permission: { columns: ['id', 'name'], filter: {} } }
    hasura.setMetadata({
      version: 2,
      tables: [{ ...author, select_permissions: [permission] }, { table: 'gone' }],
    })
    const check = { check_metadata_consistency: true }
    expect((await post(hasura, sqlPath(generation), runSql('DROP TABLE gone', check))).status).toBe(200)
    expect(hasura.metadata()).toEqual({
      version: 2,
      tables: [{ ...author, select_permissions: [permission] }],
    })
    const drop = await post(hasura, sqlPath(generation), runSql('ALTER TABLE author DROP COLUMN name', check))
    const inSource = generation === 'v2' ? ' in source "default"' : ''
    expect(drop).toEqual({
      status: 400,
      body: {
        path: generation === 'v2' ? '$' : '$.args',
        error: `cannot drop due to the following dependent objects${generation === 'v2' ? ':' : ' :'} permission author.user.select${inSource}`,
        code: 'dependency-error',
      },
    })
    expect(
      (
        await db.query(
          `SELECT 1 FROM information_schema.columns WHERE table_name = 'author' AND column_name = 'name'`,
        )
      ).length,
    ).toBe(1)
    const cascade = await post(
      hasura,
      sqlPath(generation),
      runSql('ALTER TABLE author DROP COLUMN name', { ...check, cascade: true }),
    )
    expect(cascade.status).toBe(200)
    expect(hasura.metadata()).toEqual({ version: 2, tables: [author] })
  })

  it('injects faults: 500 and hang skip the SQL, drop-after runs it and loses the answer', async () => {
    const { db, hasura } = await setup(generation)
    hasura.injectFault('status-500', { nth: 2, match: ({ body }) => body.type === 'run_sql' })
    expect((await post(hasura, sqlPath(generation), runSql('SELECT 1'))).status).toBe(200)
    expect((await post(hasura, sqlPath(generation), runSql('CREATE TABLE a (id int)'))).status).toBe(500)
    hasura.injectFault('drop-after')
    await expect(post(hasura, sqlPath(generation), runSql('CREATE TABLE b (id int)'))).rejects.toThrow()
    hasura.injectFault('hang')
    const hanging = post(hasura, sqlPath(generation), runSql('CREATE TABLE c (id int)'))
    await expect.poll(() => hasura.requests.length).toBe(4)
    expect(await tableNames(db)).toEqual(['b'])
    await hasura.close() // must not wait for the hanging request
    await expect(hanging).rejects.toThrow()
  })
})

it('serves under a path prefix', async () => {
  const db = await createTestDatabase()
  const hasura = await startHasuraStandIn({ databaseUrl: db.url, generation: 'v2', pathPrefix: '/hasura' })
  cleanUp(db.drop, hasura.close)
  expect(hasura.url).toMatch(/\/hasura$/)
  expect((await post(hasura, '/v2/query', runSql('SELECT 1'))).status).toBe(200)
})
