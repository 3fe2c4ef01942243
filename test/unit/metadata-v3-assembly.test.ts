import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Kind, parse as parseGraphql, print, type ObjectTypeDefinitionNode } from 'graphql'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { RollbackError } from '../../src/errors.js'
import { createGit } from '../../src/git/git.js'
import { replaceMetadataV3Request } from '../../src/metadata/apply.js'
import { assembleMetadataV3, type MetadataV3 } from '../../src/metadata/assemble-v3.js'
import { workspaceFiles, type ProjectFiles } from '../../src/project/files.js'
import { makeTestTree, readTree } from '../support/fs-tree.js'
import { createRepo } from '../support/git-fixture.js'
import { memoryFiles } from '../support/memory-files.js'
import { rollbackError } from '../support/rollback-error.js'
import { hasTestdata, testdataPath } from '../support/testdata.js'

const golden = testdataPath('cli-golden-v3')
const projects = testdataPath('hasura-projects-v3')
const noTestdata = !hasTestdata
const skipReason =
  'needs ../shared/testdata (the Hasura CLI fixtures and real projects), absent in this clone'

/** Memory files that refuse to be listed: assembly must reach every file through an include. */
function unlisted(files: Record<string, string>): ProjectFiles {
  return {
    ...memoryFiles(files),
    listFiles: () => Promise.reject(new Error('listed a folder')),
  }
}

const version = { 'metadata/version.yaml': 'version: 3\n' }
const source = (extra: string) =>
  `- name: default\n  kind: postgres\n  configuration:\n    connection_info:\n      database_url: {from_env: DB_URL}\n${extra}`

async function assembleFrom(files: Record<string, string>): Promise<MetadataV3> {
  return assembleMetadataV3(unlisted({ ...version, ...files }), 'metadata')
}

async function failure(files: Record<string, string>): Promise<RollbackError> {
  const error = await rollbackError(assembleFrom(files))
  expect(error.message).not.toContain('\n')
  return error
}

/** Every file under `root` (its paths relative to `root`), plus `extra`. */
function treeFiles(root: string, extra: Record<string, string> = {}): ProjectFiles {
  return unlisted({ ...readTree(root), ...extra })
}

describe.skipIf(noTestdata)(`Hasura CLI golden fixtures for config v3 (${skipReason})`, () => {
  const want = (fixture: string): unknown =>
    JSON.parse(readFileSync(join(golden, fixture, 'want.golden.json'), 'utf8'))

  it('builds databases.yaml and every !include form into the CLI’s sources, keys in its order', async () => {
    // The fixture is Build()'s fragment: version.yaml is not part of it.
    const metadata = await assembleMetadataV3(
      treeFiles(join(golden, 'sources-build-t1'), version),
      'metadata',
    )
    // Compared as JSON text, so key order counts too.
    expect(JSON.stringify({ sources: metadata.sources })).toBe(JSON.stringify(want('sources-build-t1')))
  })

  it.each([
    ['cron_triggers-build-t1', 'cron_triggers'],
    ['network-build-t1', 'network'],
    ['querycollections-build-t1', 'query_collections'],
  ] as const)('builds %s into the same %s section', async (fixture, key) => {
    const metadata = await assembleMetadataV3(treeFiles(join(golden, fixture), version), 'metadata')
    expect({ [key]: metadata[key] }).toEqual(want(fixture))
  })
})

/** What `<database>/tables/tables.yaml` (or functions.yaml) includes, read here without the assembler. */
function includedEntries(databases: string, list: string): unknown[] {
  const path = join(databases, list)
  if (!existsSync(path)) return []
  const entries = parseYaml(readFileSync(path, 'utf8')) as string[]
  return entries.map((entry) => {
    const file = entry.replace(/^!include /, '')
    return parseYaml(readFileSync(join(path, '..', file), 'utf8')) as unknown
  })
}

/** Fields of Query and Mutation (definitions and extensions) in actions.graphql: name → [type, output]. */
function sdlActions(sdl: string): Map<string, [string, string]> {
  const actions = new Map<string, [string, string]>()
  for (const definition of parseGraphql(sdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION)
      continue
    const type = (definition as ObjectTypeDefinitionNode).name.value
    if (type !== 'Query' && type !== 'Mutation') continue
    for (const field of definition.fields ?? []) {
      actions.set(field.name.value, [type === 'Query' ? 'query' : 'mutation', print(field.type)])
    }
  }
  return actions
}

const cliKeyOrder = [
  'version',
  'sources',
  'actions',
  'custom_types',
  'remote_schemas',
  'query_collections',
  'allowlist',
  'cron_triggers',
  'network',
  'api_limits',
  'rest_endpoints',
  'inherited_roles',
  'opentelemetry',
  'backend_configs',
  'graphql_schema_introspection',
  'metrics_config',
]

describe.skipIf(noTestdata)(`real config v3 projects (${skipReason})`, () => {
  const names = existsSync(projects) ? readdirSync(projects) : []

  it('has the five projects', () => {
    expect(names).toHaveLength(5)
  })

  it.each(names)(
    '%s: each database’s tables and functions are exactly what its lists include',
    async (name) => {
      const project = join(projects, name)
      const metadata = await assembleMetadataV3(workspaceFiles(project), 'metadata')
      const listed = parseYaml(readFileSync(join(project, 'metadata/databases/databases.yaml'), 'utf8')) as {
        name: string
      }[]
      expect(metadata.sources.map((s) => s.name)).toEqual(listed.map((s) => s.name))
      for (const database of metadata.sources) {
        const folder = join(project, 'metadata/databases', database.name)
        expect(database.tables).toEqual(includedEntries(folder, 'tables/tables.yaml'))
        expect(database.functions ?? []).toEqual(includedEntries(folder, 'functions/functions.yaml'))
      }
      expect(metadata.version).toBe(3)
      expect(Object.keys(metadata)).toEqual(cliKeyOrder.filter((key) => key in metadata))
    },
  )

  it.each(names)('%s: actions and their definitions come from actions.graphql', async (name) => {
    const project = join(projects, name)
    const metadata = await assembleMetadataV3(workspaceFiles(project), 'metadata')
    const sdl = sdlActions(readFileSync(join(project, 'metadata/actions.graphql'), 'utf8'))
    const config = parseYaml(readFileSync(join(project, 'metadata/actions.yaml'), 'utf8')) as {
      actions?: { name: string; definition: { handler: string } }[]
    }
    expect(sdl.size).toBeGreaterThan(0)
    const built = new Map(
      (metadata.actions ?? []).map((action) => [(action as { name: string }).name, action]),
    )
    expect([...built.keys()].sort()).toEqual([...sdl.keys()].sort())
    for (const [action, [type, output]] of sdl) {
      expect(built.get(action)).toMatchObject({ definition: { type, output_type: output } })
    }
    for (const configured of config.actions ?? []) {
      expect(built.get(configured.name)).toMatchObject({
        definition: { handler: configured.definition.handler },
      })
    }
  })

  it('intuition: two databases, neither named default, and no table from a file tables.yaml leaves out', async () => {
    const project = join(projects, '0xIntuition__intuition-rs__hasura')
    expect(existsSync(join(project, 'metadata/databases/intuition/tables/public_cached_image.yaml'))).toBe(
      true,
    )
    const metadata = await assembleMetadataV3(workspaceFiles(project), 'metadata')
    expect(metadata.sources.map((s) => [s.name, s.tables.length])).toEqual([
      ['cache', 1],
      ['intuition', 24],
    ])
    const intuitionTables = metadata.sources[1]?.tables.map((t) => JSON.stringify(t.table))
    expect(intuitionTables).not.toContain(JSON.stringify({ name: 'cached_image', schema: 'public' }))
  })

  it('worldcoin: logical models and native queries are kept as written in databases.yaml', async () => {
    const project = join(projects, 'worldcoin__developer-portal__hasura')
    const metadata = await assembleMetadataV3(workspaceFiles(project), 'metadata')
    const listed = parseYaml(
      readFileSync(join(project, 'metadata/databases/databases.yaml'), 'utf8'),
    ) as Record<string, unknown>[]
    expect(metadata.sources[0]?.logical_models).toEqual(listed[0]?.logical_models)
    expect(metadata.sources[0]?.native_queries).toEqual(listed[0]?.native_queries)
    expect(Object.keys(metadata.sources[0] ?? {})).toEqual([
      'name',
      'kind',
      'configuration',
      'logical_models',
      'native_queries',
      'tables',
      'functions',
    ])
  })
})

describe('!include', () => {
  const table = (name: string) => `table:\n  name: ${name}\n  schema: public\n`

  it('follows the YAML tag and the plain string, quoted or not, paths with spaces, nested from each file’s folder', async () => {
    const metadata = await assembleFrom({
      'metadata/databases/databases.yaml': [
        '- name: a',
        '  kind: postgres',
        '  configuration: {}',
        '  tables: !include a/tables/tables.yaml',
        '- name: b',
        '  kind: postgres',
        '  configuration: {}',
        '  tables: !include "b b/tables/tables.yaml"',
        '- name: c',
        '  kind: postgres',
        '  configuration: {}',
        '  tables: "!include c c/tables/tables.yaml"',
        '  functions: "!include \\"c c/functions.yaml\\""',
        '',
      ].join('\n'),
      'metadata/databases/a/tables/tables.yaml': '- "!include public_one.yaml"\n- !include more/two.yaml\n',
      'metadata/databases/a/tables/public_one.yaml': table('one'),
      'metadata/databases/a/tables/more/two.yaml': table('two'),
      'metadata/databases/b b/tables/tables.yaml': `- ${table('inline').replace(/\n(?=.)/g, '\n  ')}`,
      'metadata/databases/c c/tables/tables.yaml': '- !include "public three.yaml"\n',
      'metadata/databases/c c/tables/public three.yaml': table('three'),
      'metadata/databases/c c/functions.yaml': '- function: {name: f, schema: public}\n',
    })
    expect(
      metadata.sources.map((s) => [s.name, s.tables.map((t) => (t.table as { name: string }).name)]),
    ).toEqual([
      ['a', ['one', 'two']],
      ['b', ['inline']],
      ['c', ['three']],
    ])
    expect(metadata.sources[2]?.functions).toEqual([{ function: { name: 'f', schema: 'public' } }])
  })

  it('follows includes anywhere inside a table file; a non-YAML file gives its text; a file may be included twice', async () => {
    const metadata = await assembleFrom({
      'metadata/databases/databases.yaml': source('  tables: "!include default/tables.yaml"\n'),
      'metadata/databases/default/tables.yaml': '- !include t/users.yaml\n- !include t/users.yaml\n',
      'metadata/databases/default/t/users.yaml':
        'table: {name: users, schema: public}\nselect_permissions: !include perms/select.yaml\nconfiguration:\n  comment: "!include notes.md"\n',
      'metadata/databases/default/t/perms/select.yaml':
        '- role: user\n  permission: {columns: [id], filter: {}}\n',
      'metadata/databases/default/t/notes.md': 'Users of the app.\n',
    })
    const users = {
      table: { name: 'users', schema: 'public' },
      select_permissions: [{ role: 'user', permission: { columns: ['id'], filter: {} } }],
      configuration: { comment: 'Users of the app.\n' },
    }
    expect(metadata.sources[0]?.tables).toEqual([users, users])
  })

  it('keeps an include in a table file’s list where it stands, resolving to that file’s value', async () => {
    const metadata = await assembleFrom({
      'metadata/databases/databases.yaml': source('  tables: !include default/tables/tables.yaml\n'),
      'metadata/databases/default/tables/tables.yaml':
        '- table: {name: a}\n- !include b.yaml\n- table: {name: c}\n',
      'metadata/databases/default/tables/b.yaml': 'table: {name: b}\n',
      // Exported per-table files that tables.yaml does not name are not metadata.
      'metadata/databases/default/tables/public_orphan.yaml': 'table: {name: orphan}\n',
    })
    expect(metadata.sources[0]?.tables.map((t) => t.table)).toEqual([
      { name: 'a' },
      { name: 'b' },
      { name: 'c' },
    ])
  })

  it('refuses an include that leaves the metadata directory, even to a file that exists', async () => {
    const dir = await makeTestTree({
      'config.yaml': 'version: 3\n',
      'secret.yaml': '- table: {name: stolen}\n',
      'metadata/version.yaml': 'version: 3\n',
      'metadata/databases/databases.yaml': source('  tables: "!include ../../secret.yaml"\n'),
    })
    await expect(assembleMetadataV3(workspaceFiles(dir), 'metadata')).rejects.toMatchObject({
      name: 'RollbackError',
      message:
        'metadata/databases/databases.yaml:6: !include ../../secret.yaml leaves the metadata directory metadata',
      file: 'metadata/databases/databases.yaml',
      line: 6,
    })
  })

  it('refuses ../../etc/passwd from a nested file, naming that file and line', async () => {
    const error = await failure({
      'metadata/databases/databases.yaml': source('  tables: "!include default/tables/tables.yaml"\n'),
      'metadata/databases/default/tables/tables.yaml':
        '- !include public_a.yaml\n- !include ../../../../etc/passwd\n',
      'metadata/databases/default/tables/public_a.yaml': table('a'),
    })
    expect(error.message).toBe(
      'metadata/databases/default/tables/tables.yaml:2: !include ../../../../etc/passwd leaves the metadata directory metadata',
    )
    expect({ file: error.file, line: error.line }).toEqual({
      file: 'metadata/databases/default/tables/tables.yaml',
      line: 2,
    })
  })

  it('refuses a missing included file, naming the include and the file it looked for', async () => {
    const error = await failure({
      'metadata/databases/databases.yaml': source('  tables: "!include default/tables/tables.yaml"\n'),
      'metadata/databases/default/tables/tables.yaml':
        '- "!include public_a.yaml"\n- "!include public_gone.yaml"\n',
      'metadata/databases/default/tables/public_a.yaml': table('a'),
    })
    expect(error.message).toBe(
      'metadata/databases/default/tables/tables.yaml:2: included file metadata/databases/default/tables/public_gone.yaml does not exist',
    )
  })

  it('refuses an include cycle, showing it', async () => {
    const error = await failure({
      'metadata/databases/databases.yaml': source('  tables: !include default/a.yaml\n'),
      'metadata/databases/default/a.yaml': '- !include sub/b.yaml\n',
      'metadata/databases/default/sub/b.yaml': 'table: {name: b}\nselect_permissions: !include ../a.yaml\n',
    })
    expect(error.message).toBe(
      'metadata/databases/default/sub/b.yaml:2: !include ../a.yaml makes a cycle: ' +
        'metadata/databases/default/a.yaml → metadata/databases/default/sub/b.yaml → metadata/databases/default/a.yaml',
    )
  })

  it('refuses broken YAML in an included file with that file and line', async () => {
    const error = await failure({
      'metadata/databases/databases.yaml': source('  tables: !include default/tables.yaml\n'),
      'metadata/databases/default/tables.yaml': '- !include users.yaml\n',
      'metadata/databases/default/users.yaml':
        'table: {name: users}\nselect_permissions:\n  - role: user\n   permission: {}\n',
    })
    expect(error.message).toMatch(/^metadata\/databases\/default\/users\.yaml:4: /)
  })

  it('refuses an include that names no file, and !include where the CLI follows none', async () => {
    expect(
      (await failure({ 'metadata/databases/databases.yaml': source('  tables: "!include "\n') })).message,
    ).toBe('metadata/databases/databases.yaml:6: !include names no file')
    const outside = await failure({
      'metadata/databases/databases.yaml': source('  tables: []\n  logical_models: !include models.yaml\n'),
    })
    expect(outside.message).toBe(
      'metadata/databases/databases.yaml:7: !include is followed only under `tables` and `functions`',
    )
  })
})

describe('databases.yaml', () => {
  it('keeps the keys the CLI keeps, in its order, nulls included, and drops the others', async () => {
    const metadata = await assembleFrom({
      'metadata/databases/databases.yaml': [
        '- tables: []',
        '  functions: null',
        '  customization: {type_names: null}',
        '  frobnicate: true',
        '  health_check: {interval: 10}',
        '  query_tags: {disabled: true}',
        '  configuration: {connection_info: {database_url: {from_env: DB}}}',
        '  kind: citus',
        '  name: cit',
        '  stored_procedures: []',
        '',
      ].join('\n'),
    })
    expect(JSON.stringify(metadata.sources)).toBe(
      JSON.stringify([
        {
          name: 'cit',
          kind: 'citus',
          configuration: { connection_info: { database_url: { from_env: 'DB' } } },
          query_tags: { disabled: true },
          customization: { type_names: null },
          health_check: { interval: 10 },
          stored_procedures: [],
          tables: [],
          functions: null,
        },
      ]),
    )
  })

  it('has no databases when databases.yaml is missing or empty', async () => {
    expect((await assembleFrom({})).sources).toEqual([])
    expect((await assembleFrom({ 'metadata/databases/databases.yaml': '[]\n' })).sources).toEqual([])
  })

  it('refuses a databases.yaml that is not a list', async () => {
    const error = await failure({ 'metadata/databases/databases.yaml': 'name: default\nkind: postgres\n' })
    expect(error.message).toBe(
      'metadata/databases/databases.yaml:1: expected a list of databases, found a mapping',
    )
  })

  it('refuses a database without a name, kind, configuration or tables, pointing at it', async () => {
    const entry = '- name: two\n  kind: postgres\n  configuration: {}\n  tables: []\n'
    const cases: [string, string][] = [
      ['- kind: postgres\n  configuration: {}\n  tables: []\n', '5: database entry has no name'],
      ['- name: two\n  configuration: {}\n  tables: []\n', '5: database two has no `kind`'],
      ['- name: two\n  kind: postgres\n  tables: []\n', '5: database two has no `configuration`'],
      ['- name: two\n  kind: postgres\n  configuration: {}\n', '5: database two has no `tables`'],
      [
        '- name: two\n  kind: postgres\n  configuration: {}\n  tables: null\n',
        '5: database two has no `tables`',
      ],
      ['- name: ""\n  kind: postgres\n  configuration: {}\n  tables: []\n', '5: database entry has no name'],
    ]
    for (const [second, problem] of cases) {
      const error = await failure({
        'metadata/databases/databases.yaml': `${entry.replace('two', 'one')}${second}`,
      })
      expect(error.message).toBe(`metadata/databases/databases.yaml:${problem}`)
    }
  })

  it('refuses a table entry without a table name, in the file that holds it', async () => {
    const error = await failure({
      'metadata/databases/databases.yaml': source('  tables: !include default/tables.yaml\n'),
      'metadata/databases/default/tables.yaml': '- !include a.yaml\n',
      'metadata/databases/default/a.yaml': 'is_enum: true\n',
    })
    expect(error.message).toBe(
      'metadata/databases/default/a.yaml:1: table entry has no `table` name (a string, {schema, name} or a list of names)',
    )
  })
})

describe('the other metadata files', () => {
  it('sends every section in the CLI’s key order, leaving out empty ones and keys the CLI drops', async () => {
    const metadata = await assembleFrom({
      'metadata/metrics_config.yaml': '{}\n',
      'metadata/graphql_schema_introspection.yaml': 'disabled_for_roles: [anonymous]\nother: 1\n',
      'metadata/opentelemetry.yaml': 'status: enabled\n',
      'metadata/backend_configs.yaml': '{}\n',
      'metadata/inherited_roles.yaml': '- role_name: staff\n  role_set: [a, b]\n',
      'metadata/rest_endpoints.yaml': '[]\n',
      'metadata/api_limits.yaml': 'depth_limit: {global: 5}\ndisabled: false\nunknown: 1\n',
      'metadata/network.yaml': '{}\n',
      'metadata/cron_triggers.yaml': '- name: nightly\n  schedule: "0 0 * * *"\n',
      'metadata/allow_list.yaml': '- collection: allowed\n',
      'metadata/query_collections.yaml': '',
      'metadata/remote_schemas.yaml': '- name: other\n',
      'metadata/databases/databases.yaml': '[]\n',
      'metadata/unknown.yaml': '- anything\n',
    })
    expect(JSON.stringify(metadata)).toBe(
      JSON.stringify({
        version: 3,
        sources: [],
        remote_schemas: [{ name: 'other' }],
        allowlist: [{ collection: 'allowed' }],
        cron_triggers: [{ name: 'nightly', schedule: '0 0 * * *' }],
        api_limits: { disabled: false, depth_limit: { global: 5 } },
        inherited_roles: [{ role_name: 'staff', role_set: ['a', 'b'] }],
        opentelemetry: { status: 'enabled' },
        graphql_schema_introspection: { disabled_for_roles: ['anonymous'] },
      }),
    )
  })

  it('builds actions from actions.graphql and actions.yaml as for config v2', async () => {
    const metadata = await assembleFrom({
      'metadata/actions.graphql':
        'type Mutation { login(name: String!): Token }\ntype Token { value: String! }\n',
      'metadata/actions.yaml':
        'actions:\n  - name: login\n    definition: {kind: synchronous, handler: "{{AUTH}}/login"}\n',
    })
    expect(metadata.actions).toEqual([
      {
        name: 'login',
        definition: {
          kind: 'synchronous',
          type: 'mutation',
          handler: '{{AUTH}}/login',
          arguments: [{ name: 'name', type: 'String!', description: null }],
          output_type: 'Token',
        },
      },
    ])
    expect(metadata.custom_types?.objects).toEqual([
      { name: 'Token', fields: [{ name: 'value', type: 'String!', description: null }] },
    ])
  })

  it('refuses metadata without `version: 3`, which Hasura would read without its databases', async () => {
    const missing = await assembleMetadataV3(unlisted({}), 'metadata').catch((error: unknown) => error)
    expect(missing).toMatchObject({
      name: 'RollbackError',
      message: 'metadata/version.yaml is missing: config v3 metadata needs `version: 3`',
      file: 'metadata/version.yaml',
    })
    const two = await failure({ 'metadata/version.yaml': 'version: 2\n' })
    expect(two.message).toBe(
      'metadata/version.yaml:1: config v3 metadata needs `version: 3`, found the number 2',
    )
  })

  it('refuses a section of the wrong shape, naming the file', async () => {
    expect((await failure({ 'metadata/inherited_roles.yaml': 'role_name: a\n' })).message).toBe(
      'metadata/inherited_roles.yaml:1: expected a list, found a mapping',
    )
    expect((await failure({ 'metadata/api_limits.yaml': '- 1\n' })).message).toBe(
      'metadata/api_limits.yaml:1: expected a mapping, found a list',
    )
  })
})

describe('replaceMetadataV3Request', () => {
  it('wraps the metadata as replace_metadata version 2, refusing inconsistency', async () => {
    const metadata = await assembleFrom({ 'metadata/databases/databases.yaml': source('  tables: []\n') })
    expect(replaceMetadataV3Request(metadata)).toEqual({
      type: 'replace_metadata',
      version: 2,
      args: { allow_inconsistent_metadata: false, metadata },
    })
    // args.metadata is the assembled object itself (version 3 and its sources), not JSON text.
    expect(replaceMetadataV3Request(metadata).args.metadata).toMatchObject({
      version: 3,
      sources: [{ name: 'default', kind: 'postgres', tables: [] }],
    })
  })
})

describe('at a git commit', () => {
  it('reads the commit, not the workspace, with a few git commands for many included files', async () => {
    const tables: Record<string, string> = {}
    for (let i = 0; i < 40; i++)
      tables[`hasura/metadata/databases/default/tables/public_t${i}.yaml`] = `table: {name: t${i}}\n`
    const repo = await createRepo({
      'hasura/config.yaml': 'version: 3\n',
      'hasura/metadata/version.yaml': 'version: 3\n',
      'hasura/metadata/databases/databases.yaml': source('  tables: "!include default/tables/tables.yaml"\n'),
      'hasura/metadata/databases/default/tables/tables.yaml': Object.keys(tables)
        .map((path) => `- "!include ${path.split('/').pop()}"\n`)
        .join(''),
      ...tables,
    })
    const sha = await repo.git('rev-parse', 'HEAD')
    // The workspace moves on without committing: another table, a broken file.
    const dir = join(repo.dir, 'hasura/metadata/databases/default/tables')
    await writeFile(join(dir, 'tables.yaml'), '- "!include public_new.yaml"\n')
    await writeFile(join(dir, 'public_t0.yaml'), 'table: [broken\n')

    const commands: string[] = []
    const git = await createGit(repo.dir, (line) => commands.push(line))
    commands.length = 0
    const metadata = await assembleMetadataV3(git.filesAt(sha, 'hasura'), 'metadata')
    expect(metadata.sources[0]?.tables.map((t) => t.table)).toEqual(
      Array.from({ length: 40 }, (_, i) => ({ name: `t${i}` })),
    )
    expect(commands.length).toBeLessThan(20)
  })
})
