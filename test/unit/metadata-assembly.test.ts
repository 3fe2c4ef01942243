import { describe, expect, it } from 'vitest'
import { RollbackError } from '../../src/errors.js'
import { metadataForServer } from '../../src/metadata/apply.js'
import { assembleMetadata, type MetadataV2 } from '../../src/metadata/assemble.js'
import { memoryFiles } from '../support/memory-files.js'

const assembleFrom = (files: Record<string, string>, dir = 'metadata'): Promise<MetadataV2> =>
  assembleMetadata(memoryFiles(files), dir)

async function failure(files: Record<string, string>): Promise<RollbackError> {
  const error: unknown = await assembleFrom(files).then(
    () => undefined,
    (thrown: unknown) => thrown,
  )
  expect(error).toBeInstanceOf(RollbackError)
  return error as RollbackError
}

const sdl = `
type Mutation {
  """ Logs a user in """
  login(
    """ who """
    credentials: LoginInput!
    remember: Boolean
  ): LoginOutput
}

extend type Query {
  me: [LoginOutput!]!
}

"""  A user's credentials  """
input LoginInput { username: String! password: String! }

type LoginOutput { token: String! }

enum Role { ADMIN """ may read """ READER }

scalar jsonb
`

describe('assembleMetadata', () => {
  it('treats missing files as empty sections and states the version 1 of unversioned metadata', async () => {
    expect(await assembleFrom({})).toEqual({ version: 1 })
  })

  it('reads the metadata directory it is given, normalising ./ and trailing slashes', async () => {
    const files = { 'hasura/meta/tables.yaml': '- table: author\n', 'hasura/meta/version.yaml': 'version: 2' }
    expect(await assembleFrom(files, './hasura/meta/')).toEqual({ version: 2, tables: [{ table: 'author' }] })
  })

  it('leaves out empty sections whether the file is empty, `[]` or null', async () => {
    for (const text of ['', '[]', 'null', '~\n', '# only a comment\n']) {
      const metadata = await assembleFrom({
        'metadata/tables.yaml': text,
        'metadata/version.yaml': 'version: 2',
      })
      expect(metadata).toEqual({ version: 2 })
    }
  })

  it('resolves YAML anchors, aliases and merge keys like the CLI', async () => {
    const tables = [
      '- table: {schema: public, name: author}',
      '  select_permissions:',
      '  - role: user',
      '    permission: &everything',
      '      columns: [id, name]',
      '      filter: {}',
      '  - role: editor',
      '    permission:',
      '      <<: *everything',
      '      allow_aggregations: true',
      '- table: {schema: public, name: book}',
      '  select_permissions: [{role: user, permission: *everything}]',
    ].join('\n')
    const metadata = await assembleFrom({ 'metadata/tables.yaml': tables })
    const everything = { columns: ['id', 'name'], filter: {} }
    expect(metadata.tables?.[0]?.select_permissions).toEqual([
      { role: 'user', permission: everything },
      { role: 'editor', permission: { ...everything, allow_aggregations: true } },
    ])
    expect(metadata.tables?.[1]?.select_permissions).toEqual([{ role: 'user', permission: everything }])
  })

  it('keeps only tls_allowlist from network.yaml and sends nothing for `{}`', async () => {
    expect(await assembleFrom({ 'metadata/network.yaml': '{}\n' })).not.toHaveProperty('network')
    const network = 'tls_allowlist: [{host: example.com, suffix: "443"}]\nsomething_else: 1\n'
    expect((await assembleFrom({ 'metadata/network.yaml': network })).network).toEqual({
      tls_allowlist: [{ host: 'example.com', suffix: '443' }],
    })
  })

  it('sends version 2 to v2.x servers and what version.yaml says to v1.x, without changing its input', () => {
    const metadata: MetadataV2 = { version: 1, tables: [{ table: 'author' }] }
    expect(metadataForServer(metadata, 'v2')).toEqual({ version: 2, tables: [{ table: 'author' }] })
    expect(metadataForServer(metadata, 'v1')).toEqual(metadata)
    expect(metadata.version).toBe(1)
  })
})

describe('actions.graphql and actions.yaml', () => {
  const actionsYaml = [
    'actions:',
    '- name: login',
    '  definition:',
    '    kind: synchronous',
    '    handler: "{{AUTH_URL}}/login"',
    '    forward_client_headers: true',
    '    headers: [{name: x-key, value_from_env: KEY}]',
    '    timeout: 30',
    '    type: query # ignored: the SDL decides',
    '  permissions: [{role: anonymous}]',
    '  comment: logs in',
    'custom_types:',
    '  input_objects: [{name: LoginInput}]',
    '  objects:',
    '  - name: LoginOutput',
    '    description: what login returns',
    '    relationships: [{name: user, type: object, remote_table: users, field_mapping: {token: token}}]',
  ].join('\n')

  it('makes Query/Mutation fields actions and other definitions custom types, config from actions.yaml', async () => {
    const metadata = await assembleFrom({
      'metadata/actions.graphql': sdl,
      'metadata/actions.yaml': actionsYaml,
    })
    expect(metadata.actions).toEqual([
      {
        name: 'login',
        definition: {
          kind: 'synchronous',
          type: 'mutation',
          handler: '{{AUTH_URL}}/login',
          arguments: [
            { name: 'credentials', type: 'LoginInput!', description: 'who' },
            { name: 'remember', type: 'Boolean', description: null },
          ],
          output_type: 'LoginOutput',
          forward_client_headers: true,
          headers: [{ name: 'x-key', value_from_env: 'KEY' }],
          timeout: 30,
        },
        permissions: [{ role: 'anonymous' }],
        comment: 'logs in',
      },
      // Not in actions.yaml: the CLI still sends it, with an empty kind and handler.
      { name: 'me', definition: { kind: '', type: 'query', handler: '', output_type: '[LoginOutput!]!' } },
    ])
    expect(metadata.custom_types).toEqual({
      enums: [
        {
          name: 'Role',
          values: [
            { value: 'ADMIN', description: null },
            { value: 'READER', description: 'may read' },
          ],
        },
      ],
      // Listed in actions.yaml without a description: actions.yaml wins over the SDL's.
      input_objects: [
        {
          name: 'LoginInput',
          fields: [
            { name: 'username', type: 'String!', description: null },
            { name: 'password', type: 'String!', description: null },
          ],
        },
      ],
      objects: [
        {
          name: 'LoginOutput',
          description: 'what login returns',
          fields: [{ name: 'token', type: 'String!', description: null }],
          relationships: [
            { name: 'user', type: 'object', remote_table: 'users', field_mapping: { token: 'token' } },
          ],
        },
      ],
      scalars: [{ name: 'jsonb' }],
    })
  })

  it('builds no actions when either file is missing, as the CLI does', async () => {
    expect(await assembleFrom({ 'metadata/actions.graphql': sdl })).toEqual({ version: 1 })
    expect(await assembleFrom({ 'metadata/actions.yaml': actionsYaml })).toEqual({ version: 1 })
  })

  it('accepts empty or whitespace-only actions.graphql with an empty actions.yaml', async () => {
    for (const graphql of ['', '\n\n', '  \t\n']) {
      const files = {
        'metadata/actions.graphql': graphql,
        'metadata/actions.yaml': 'actions: []\ncustom_types: {}\n',
      }
      expect(await assembleFrom(files)).toEqual({ version: 1 })
    }
  })

  it('refuses an action of actions.yaml that the SDL does not define, naming it and its line', async () => {
    const files = { 'metadata/actions.graphql': '\n', 'metadata/actions.yaml': 'actions:\n- name: login\n' }
    const error = await failure(files)
    expect(error.message).toBe('metadata/actions.yaml:2: action login is not present in actions.graphql')
    expect({ file: error.file, line: error.line }).toEqual({ file: 'metadata/actions.yaml', line: 2 })
  })

  it('refuses a custom type of actions.yaml that the SDL does not define', async () => {
    const files = {
      'metadata/actions.graphql': sdl,
      'metadata/actions.yaml': 'custom_types:\n  objects:\n  - name: LoginOutput\n  - name: Gone\n',
    }
    expect((await failure(files)).message).toBe(
      'metadata/actions.yaml:4: custom type Gone is not present in actions.graphql',
    )
  })

  it('reports SDL syntax errors with the file and line', async () => {
    const files = {
      'metadata/actions.graphql': 'type Mutation {\n  login(: String\n}\n',
      'metadata/actions.yaml': '',
    }
    const error = await failure(files)
    expect(error.message).toMatch(/^metadata\/actions\.graphql:2: Syntax Error: /)
    expect(error.line).toBe(2)
  })

  it('refuses SDL definitions that actions cannot use', async () => {
    const files = { 'metadata/actions.graphql': 'scalar A\n\nunion U = A\n', 'metadata/actions.yaml': '' }
    expect((await failure(files)).message).toBe(
      'metadata/actions.graphql:3: UnionTypeDefinition is not supported in actions (use type, input, enum and scalar definitions)',
    )
  })
})

describe('malformed metadata files', () => {
  it('names the file and line of a YAML syntax error', async () => {
    const tables = '- table: author\n  select_permissions:\n  - role: user\n   permission: {}\n'
    const error = await failure({ 'metadata/tables.yaml': tables })
    expect(error.message).toMatch(/^metadata\/tables\.yaml:4: /)
    expect({ file: error.file, line: error.line }).toEqual({ file: 'metadata/tables.yaml', line: 4 })
  })

  it('refuses a section file that is not a list', async () => {
    const error = await failure({ 'metadata/cron_triggers.yaml': 'name: nightly\n' })
    expect(error.message).toBe('metadata/cron_triggers.yaml:1: expected a list, found a mapping')
  })

  it('refuses a table entry without a table name, pointing at the entry', async () => {
    const error = await failure({ 'metadata/tables.yaml': '- table: author\n- is_enum: true\n' })
    expect(error.message).toBe(
      'metadata/tables.yaml:2: table entry has no `table` name (a string or {schema, name})',
    )
  })

  it('refuses a version that is not a whole number', async () => {
    const error = await failure({ 'metadata/version.yaml': 'version: two\n' })
    expect(error.message).toBe(
      'metadata/version.yaml:1: version must be a whole number, found the string "two"',
    )
  })
})
