// Which databases a run rolls back, from `database-name` (ACTION-INTERFACE.md), the server's sources
// and the workspace's migrations folders: every rule, and every refusal in one line naming its cause.
import { describe, expect, it } from 'vitest'
import type { Source } from '../../src/databases/select.js'
import { sourcesOf, v2Database, v3Databases } from '../../src/databases/select.js'
import { RollbackError } from '../../src/errors.js'
import type { RollbackRequest } from '../../src/inputs.js'
import { parseInputs } from '../../src/inputs.js'
import type { Migration } from '../../src/project/migrations.js'

/** A request as the inputs give it; no metadata is applied unless a ref is set. */
function request(inputs: Record<string, string>): RollbackRequest {
  const all: Record<string, string> = { 'apply-metadata': inputs.ref ? 'true' : 'false', ...inputs }
  return parseInputs((name) => all[name] ?? '', '/workspace')
}

const migration = (database: string, version: string): Migration => ({
  version,
  name: 'm',
  upFile: `migrations/${database}/${version}_m/up.sql`,
  downFile: `migrations/${database}/${version}_m/down.sql`,
})

/** Workspace folders: each named database has one migration. */
const foldersOf = (...names: string[]) => new Map(names.map((n) => [n, [migration(n, '1700000000001')]]))

const pg = (name: string): Source => ({ name, kind: 'postgres' })

function chosen(inputs: Record<string, string>, sources: Source[], folders: Map<string, Migration[]>) {
  return v3Databases(request(inputs), sources, 'migrations', folders).map((d) => d.name)
}

function refusal(inputs: Record<string, string>, sources: Source[], folders: Map<string, Migration[]>) {
  try {
    v3Databases(request(inputs), sources, 'migrations', folders)
  } catch (error) {
    expect(error).toBeInstanceOf(RollbackError)
    const message = (error as Error).message
    expect(message).not.toContain('\n')
    return message
  }
  throw new Error('expected a refusal')
}

const twoSources = [pg('intuition'), pg('cache')]

describe('config v3: database-name names one database', () => {
  it("rolls back that database, with its folder's migrations", () => {
    const [db] = v3Databases(
      request({ count: '1', 'database-name': 'cache' }),
      twoSources,
      'hasura/migrations',
      foldersOf('intuition', 'cache'),
    )
    expect(db).toEqual({
      name: 'cache',
      migrationsDirectory: 'hasura/migrations/cache',
      migrations: [migration('cache', '1700000000001')],
    })
  })

  it.each<Record<string, string>>([
    { count: '1' },
    { version: '1700000000001' },
    { 'to-version': '1700000000001' },
    { ref: 'v1' },
  ])('with %j', (selector) => {
    expect(
      chosen({ ...selector, 'database-name': 'intuition' }, twoSources, foldersOf('intuition', 'cache')),
    ).toEqual(['intuition'])
  })

  it('a name with a hyphen or a space', () => {
    const sources = [pg('backend-db'), pg('my db')]
    expect(
      chosen({ count: '1', 'database-name': 'backend-db' }, sources, foldersOf('backend-db', 'my db')),
    ).toEqual(['backend-db'])
    expect(
      chosen({ count: '1', 'database-name': 'my db' }, sources, foldersOf('backend-db', 'my db')),
    ).toEqual(['my db'])
  })

  it('refuses a name the server does not have, listing the names it has', () => {
    expect(
      refusal({ count: '1', 'database-name': 'default' }, twoSources, foldersOf('intuition', 'cache')),
    ).toBe("Input 'database-name' is 'default', but the server's databases are 'intuition', 'cache'")
    expect(refusal({ count: '1', 'database-name': 'default' }, [], foldersOf('default'))).toBe(
      "Input 'database-name' is 'default', but the server's databases are none",
    )
  })

  it('refuses a database with no migrations folder in the workspace, naming the folder', () => {
    expect(refusal({ count: '1', 'database-name': 'cache' }, twoSources, foldersOf('intuition'))).toBe(
      "Database 'cache' (input 'database-name') has no migrations folder migrations/cache/ in the workspace: nothing of it can be reverted",
    )
  })
})

describe('config v3: database-name all', () => {
  it("applies count to every database, in the server's order", () => {
    expect(
      chosen({ count: '2', 'database-name': 'all' }, twoSources, foldersOf('intuition', 'cache')),
    ).toEqual(['intuition', 'cache'])
    expect(chosen({ count: 'all', 'database-name': 'ALL' }, twoSources, foldersOf('cache'))).toEqual([
      'intuition',
      'cache',
    ])
  })

  it.each(['version', 'to-version'])('is refused with %s, which names a version of one database', (input) => {
    expect(() => request({ [input]: '1700000000001', 'database-name': 'all' })).toThrow(
      `Input 'database-name: all' reverts a count of versions in every database; '${input}' names a version of one database: set 'database-name' to that database`,
    )
  })
})

describe('config v3: database-name empty', () => {
  it('with a ref and no selector: every database', () => {
    expect(chosen({ ref: 'v1' }, twoSources, foldersOf('intuition', 'cache'))).toEqual(['intuition', 'cache'])
  })

  it.each<Record<string, string>>([
    { count: '1' },
    { version: '1700000000001' },
    { 'to-version': '1700000000001' },
  ])('with %j: the only database that has a migrations folder', (selector) => {
    expect(chosen(selector, twoSources, foldersOf('cache'))).toEqual(['cache'])
    expect(chosen({ ...selector, ref: 'v1' }, twoSources, foldersOf('cache'))).toEqual(['cache'])
  })

  it('ignores a folder of a database the server does not have', () => {
    expect(chosen({ count: '1' }, twoSources, foldersOf('cache', 'old'))).toEqual(['cache'])
  })

  it('with a selector and several databases with folders: refused, listing them', () => {
    expect(refusal({ count: '1' }, twoSources, foldersOf('intuition', 'cache'))).toBe(
      "Set input 'database-name': intuition, cache each have a migrations folder in migrations/ (or 'all' to apply 'count' to each)",
    )
  })

  it('with a selector and a server without databases: refused', () => {
    expect(refusal({ count: '1' }, [], foldersOf('default'))).toBe(
      'The server has no databases (no sources in its metadata): nothing can be reverted',
    )
    expect(chosen({ ref: 'v1' }, [], foldersOf('default'))).toEqual([])
  })

  it('with a selector and no database with a folder: refused, naming the databases', () => {
    expect(refusal({ count: '1' }, twoSources, new Map())).toBe(
      "Set input 'database-name': none of intuition, cache has a migrations folder in migrations/ (or 'all' to apply 'count' to each)",
    )
  })
})

describe('config v3: kinds', () => {
  const mixed: Source[] = [
    pg('default'),
    { name: 'warehouse', kind: 'bigquery' },
    { name: 'cr', kind: 'cockroach' },
  ]

  it.each([
    [{ count: '1', 'database-name': 'warehouse' }, 'warehouse', 'bigquery'],
    [{ count: '1', 'database-name': 'all' }, 'warehouse', 'bigquery'],
    [{ ref: 'v1' }, 'warehouse', 'bigquery'],
    [{ count: '1', 'database-name': 'cr' }, 'cr', 'cockroach'],
  ])(
    'refuses %j on a database of another kind than postgres that has migrations, naming it and its kind',
    (inputs, name, kind) => {
      expect(refusal(inputs, mixed, foldersOf('default', 'warehouse', 'cr'))).toBe(
        `Database '${name}' is of kind ${kind}: hasura-rollback runs down migrations on PostgreSQL databases only`,
      )
    },
  )

  it('refuses the only database with a folder when its kind is not postgres', () => {
    expect(refusal({ count: '1' }, mixed, foldersOf('cr'))).toMatch(/^Database 'cr' is of kind cockroach:/)
  })

  it('leaves out a database of another kind that has no migrations folder', () => {
    expect(chosen({ count: '1', 'database-name': 'all' }, mixed, foldersOf('default'))).toEqual(['default'])
    expect(chosen({ ref: 'v1' }, mixed, foldersOf('default'))).toEqual(['default'])
  })
})

describe('config v3: database-url', () => {
  const url = { 'database-url': 'postgres://u:p@db.test/app' }

  it('rolls back the one database it reaches', () => {
    expect(
      chosen({ ...url, count: '1', 'database-name': 'cache' }, twoSources, foldersOf('intuition', 'cache')),
    ).toEqual(['cache'])
    expect(chosen({ ...url, count: '1' }, twoSources, foldersOf('cache'))).toEqual(['cache'])
  })

  it.each<Record<string, string>>([{ count: '1', 'database-name': 'all' }, { ref: 'v1' }])(
    'refuses %j, which would roll back several',
    (inputs) => {
      expect(refusal({ ...url, ...inputs }, twoSources, foldersOf('intuition', 'cache'))).toBe(
        "Input 'database-url' reaches one database, but this run would roll back 2 (intuition, cache): set 'database-name' to the database at that URL",
      )
    },
  )
})

describe('config v2', () => {
  const migrations = [migration('default', '1700000000001')]

  it.each(['', 'default'])("has one database whatever the server: database-name '%s'", (name) => {
    expect(v2Database(request({ count: '1', 'database-name': name }), 'migrations', migrations)).toEqual({
      name: 'default',
      migrationsDirectory: 'migrations',
      migrations,
    })
  })

  it.each(['cache', 'all'])("refuses database-name '%s'", (name) => {
    expect(() =>
      v2Database(request({ count: '1', 'database-name': name }), 'migrations', migrations),
    ).toThrow(
      `Input 'database-name' is '${name}', but config.yaml is config v2, which has one database: leave 'database-name' empty (or 'default')`,
    )
  })
})

describe('sourcesOf', () => {
  it('reads the sources of a version 3 export, with or without the resource_version envelope', () => {
    const metadata = {
      version: 3,
      sources: [
        { name: 'default', kind: 'postgres', tables: [] },
        { name: 'x', kind: 'mssql' },
      ],
    }
    const expected = [pg('default'), { name: 'x', kind: 'mssql' }]
    expect(sourcesOf(metadata, 'Hasura at h')).toEqual(expected)
    expect(sourcesOf({ resource_version: 7, metadata }, 'Hasura at h')).toEqual(expected)
  })

  it('takes a source without a kind as postgres', () => {
    expect(sourcesOf({ version: 3, sources: [{ name: 'default' }] }, 'h')).toEqual([pg('default')])
  })

  it("refuses a v1.x server's export (metadata version 2, no sources) in one line", () => {
    const v1 = { version: 2, tables: [], functions: [] }
    expect(() => sourcesOf(v1, 'Hasura at http://h')).toThrow(
      'Hasura at http://h answered export_metadata without a list of sources: a config v3 project needs a Hasura v2.x server',
    )
  })
})
