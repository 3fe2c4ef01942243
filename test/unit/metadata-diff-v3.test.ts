import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { assembleMetadataV3, type MetadataV3 } from '../../src/metadata/assemble-v3.js'
import { diffMetadataV3 } from '../../src/metadata/diff.js'
import { workspaceFiles } from '../../src/project/files.js'
import { hasTestdata, testdataPath } from '../support/testdata.js'

const projects = testdataPath('hasura-projects-v3')

const users = { table: { schema: 'public', name: 'users' } }
const connection = { connection_info: { database_url: { from_env: 'DB_URL' } } }

describe('diffMetadataV3', () => {
  it('words each change with the database it is in', () => {
    const current = {
      resource_version: 7,
      metadata: {
        version: 3,
        sources: [
          {
            name: 'default',
            kind: 'postgres',
            configuration: connection,
            tables: [
              {
                ...users,
                select_permissions: [{ role: 'user', permission: { columns: ['id', 'email'], filter: {} } }],
              },
              { table: { schema: 'public', name: 'orders' } },
            ],
            functions: [{ function: { schema: 'public', name: 'search_users' } }],
          },
          { name: 'analytics', kind: 'postgres', configuration: connection, tables: [users] },
        ],
        rest_endpoints: [{ name: 'boot', url: 'boot' }],
      },
    }
    const stable: MetadataV3 = {
      version: 3,
      sources: [
        {
          name: 'default',
          kind: 'postgres',
          configuration: connection,
          tables: [
            {
              ...users,
              select_permissions: [{ role: 'user', permission: { filter: {}, columns: ['id'] } }],
              object_relationships: [{ name: 'boss', using: { foreign_key_constraint_on: 'boss_id' } }],
            },
          ],
          logical_models: [{ name: 'report', fields: [] }],
        },
        { name: 'cache', kind: 'postgres', configuration: connection, tables: [] },
      ],
      inherited_roles: [{ role_name: 'staff', role_set: ['a'] }],
    }
    expect(diffMetadataV3(current, stable)).toEqual([
      { kind: 'added', what: 'object relationship boss on public.users in database default' },
      { kind: 'changed', what: 'select permission for role user on public.users in database default' },
      { kind: 'removed', what: 'table public.orders in database default' },
      { kind: 'removed', what: 'function public.search_users in database default' },
      { kind: 'added', what: 'logical model report in database default' },
      { kind: 'added', what: 'database cache' },
      { kind: 'removed', what: 'database analytics' },
      { kind: 'removed', what: 'REST endpoint boot' },
      { kind: 'added', what: 'inherited role staff' },
    ])
  })

  it('finds nothing when the export holds what was assembled, in another key order and with empty sections', () => {
    const stable: MetadataV3 = {
      version: 3,
      sources: [{ name: 'default', kind: 'postgres', configuration: connection, tables: [users] }],
      api_limits: { disabled: false },
    }
    const current = {
      version: 3,
      sources: [
        { tables: [users], configuration: connection, kind: 'postgres', name: 'default', functions: [] },
      ],
      api_limits: { disabled: false },
      network: {},
      graphql_schema_introspection: { disabled_for_roles: [] },
      metrics_config: {},
      remote_schemas: [],
    }
    expect(diffMetadataV3(current, stable)).toEqual([])
  })

  it('names a database whose settings changed, and settings sections that changed', () => {
    const current = {
      version: 3,
      sources: [{ name: 'default', kind: 'postgres', configuration: connection, tables: [] }],
      graphql_schema_introspection: { disabled_for_roles: ['anonymous'] },
    }
    const stable: MetadataV3 = {
      version: 3,
      sources: [
        {
          name: 'default',
          kind: 'postgres',
          configuration: { connection_info: { database_url: { from_env: 'OTHER_URL' } } },
          tables: [],
          customization: { root_fields: { namespace: 'db' } },
        },
      ],
      api_limits: { depth_limit: { global: 5 } },
    }
    expect(diffMetadataV3(current, stable)).toEqual([
      { kind: 'changed', what: 'settings of database default' },
      { kind: 'changed', what: 'API limits' },
      { kind: 'changed', what: 'schema introspection settings' },
    ])
  })

  it.skipIf(!hasTestdata)(
    'intuition: an export of the same metadata differs in nothing; one table untracked since is named (needs ../shared/testdata)',
    async () => {
      const stable = await assembleMetadataV3(
        workspaceFiles(join(projects, '0xIntuition__intuition-rs__hasura')),
        'metadata',
      )
      const exported = JSON.parse(JSON.stringify(stable)) as MetadataV3
      expect(diffMetadataV3({ resource_version: 12, metadata: exported }, stable)).toEqual([])
      exported.sources[1]?.tables.pop()
      expect(diffMetadataV3(exported, stable)).toEqual([
        { kind: 'added', what: 'table public.vault in database intuition' },
      ])
    },
  )
})
