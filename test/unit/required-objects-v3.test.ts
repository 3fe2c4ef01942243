import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { assembleMetadataV3, type MetadataV3, type SourceMetadata } from '../../src/metadata/assemble-v3.js'
import { requiredObjectsBySource } from '../../src/metadata/required-objects.js'
import { workspaceFiles } from '../../src/project/files.js'
import { hasTestdata, testdataPath } from '../support/testdata.js'

const projects = testdataPath('hasura-projects-v3')

const col = (table: string, column: string, schema = 'public') => ({ schema, table, column })
const obj = (name: string, schema = 'public') => ({ schema, name })
const none = { tables: [], columns: [], functions: [] }

function database(name: string, tables: SourceMetadata['tables'], extra: Partial<SourceMetadata> = {}) {
  return { name, kind: 'postgres', configuration: {}, tables, ...extra }
}

describe('requiredObjectsBySource', () => {
  it('keeps each database’s tables, columns and functions to that database', () => {
    const metadata: MetadataV3 = {
      version: 3,
      sources: [
        database('main', [
          {
            table: 'author',
            select_permissions: [
              { role: 'user', permission: { columns: ['name'], filter: { active: { _eq: true } } } },
            ],
            computed_fields: [
              { name: 'rank', definition: { function: { schema: 'util', name: 'author_rank' } } },
            ],
          },
        ]),
        database(
          'logs',
          [{ table: { schema: 'audit', name: 'event' }, configuration: { column_config: { at: {} } } }],
          {
            functions: [{ function: { schema: 'audit', name: 'recent' } }],
          },
        ),
      ],
    }
    const bySource = requiredObjectsBySource(metadata)
    expect([...bySource.keys()]).toEqual(['main', 'logs'])
    expect(bySource.get('main')).toEqual({
      kind: 'postgres',
      required: {
        tables: [obj('author')],
        columns: [col('author', 'active'), col('author', 'name')],
        functions: [obj('author_rank', 'util')],
      },
      unjudged: [],
    })
    expect(bySource.get('logs')?.required).toEqual({
      tables: [obj('event', 'audit')],
      columns: [col('event', 'at', 'audit')],
      functions: [obj('recent', 'audit')],
    })
  })

  it('puts a join from an action type or a remote schema into the database it names, `default` when none', () => {
    const metadata: MetadataV3 = {
      version: 3,
      sources: [database('default', []), database('other', [])],
      custom_types: {
        enums: [],
        input_objects: [],
        scalars: [],
        objects: [
          {
            name: 'LoginOutput',
            relationships: [
              { name: 'user', type: 'object', remote_table: 'users', field_mapping: { user_id: 'id' } },
              {
                name: 'orders',
                type: 'array',
                source: 'other',
                remote_table: { schema: 'shop', name: 'orders' },
                field_mapping: { user_id: 'buyer_id' },
              },
              { name: 'lost', source: 'nowhere', remote_table: 'ghost', field_mapping: { a: 'b' } },
            ],
          },
        ],
      },
      remote_schemas: [
        {
          name: 'payments',
          remote_relationships: [
            {
              type_name: 'Payment',
              relationships: [
                {
                  name: 'order',
                  definition: {
                    to_source: {
                      source: 'other',
                      table: { schema: 'shop', name: 'orders' },
                      relationship_type: 'object',
                      field_mapping: { order_id: 'id' },
                    },
                  },
                },
              ],
            },
          ],
        },
      ],
    }
    const bySource = requiredObjectsBySource(metadata)
    expect(bySource.get('default')?.required).toEqual({
      tables: [obj('users')],
      columns: [col('users', 'id')],
      functions: [],
    })
    expect(bySource.get('other')?.required).toEqual({
      tables: [obj('orders', 'shop')],
      columns: [col('orders', 'buyer_id', 'shop'), col('orders', 'id', 'shop')],
      functions: [],
    })
    // A database the metadata does not list is Hasura's to report.
    expect(bySource.has('nowhere')).toBe(false)
  })

  it('checks a remote relationship’s own columns; its target only when it is in the same database', () => {
    const metadata: MetadataV3 = {
      version: 3,
      sources: [
        database('main', [
          {
            table: 'account',
            computed_fields: [{ name: 'wallet', definition: { function: 'account_wallet' } }],
            remote_relationships: [
              {
                name: 'image',
                definition: {
                  to_source: {
                    source: 'cache',
                    table: { schema: 'cached', name: 'image' },
                    relationship_type: 'object',
                    field_mapping: { image_url: 'original_url' },
                  },
                },
              },
              {
                name: 'profile',
                definition: {
                  to_source: { source: 'main', table: 'profile', field_mapping: { id: 'account_id' } },
                },
              },
              {
                name: 'balance',
                definition: {
                  to_remote_schema: {
                    remote_schema: 'chain',
                    lhs_fields: ['address', 'wallet'],
                    remote_field: {},
                  },
                },
              },
              {
                name: 'legacy',
                definition: { remote_schema: 'chain', hasura_fields: ['owner_id'], remote_field: {} },
              },
            ],
          },
        ]),
        database('cache', []),
      ],
    }
    const main = requiredObjectsBySource(metadata).get('main')
    expect(main?.required).toEqual({
      tables: [obj('account'), obj('profile')],
      columns: [
        col('account', 'address'),
        col('account', 'id'),
        col('account', 'image_url'),
        col('account', 'owner_id'),
        col('profile', 'account_id'),
      ],
      functions: [obj('account_wallet')],
    })
    expect(main?.unjudged).toEqual([
      'remote relationship image on public.account (to database cache)',
      'remote relationship balance on public.account (to remote schema chain)',
      'remote relationship legacy on public.account (to remote schema chain)',
    ])
  })

  it('leaves logical models, native queries and stored procedures to Hasura', () => {
    const metadata: MetadataV3 = {
      version: 3,
      sources: [
        database('default', [], {
          logical_models: [{ name: 'quiz_answer', fields: {} }],
          native_queries: [{ root_field_name: 'quiz_answers', code: 'select 1', returns: 'quiz_answer' }],
          stored_procedures: [{ stored_procedure: { schema: 'dbo', name: 'swap' }, configuration: {} }],
        }),
      ],
    }
    expect(requiredObjectsBySource(metadata).get('default')).toEqual({
      kind: 'postgres',
      required: none,
      unjudged: ['logical model quiz_answer', 'native query quiz_answers', 'stored procedure dbo.swap'],
    })
  })

  it.each(['mssql', 'citus'])('judges nothing in a database of kind %s, and says so once', (kind) => {
    const metadata: MetadataV3 = {
      version: 3,
      sources: [{ ...database('warehouse', [{ table: { schema: 'dbo', name: 'sales' } }]), kind }],
      custom_types: {
        enums: [],
        input_objects: [],
        scalars: [],
        objects: [
          { name: 'T', relationships: [{ source: 'warehouse', remote_table: 'sales', field_mapping: {} }] },
        ],
      },
    }
    expect(requiredObjectsBySource(metadata).get('warehouse')).toEqual({
      kind,
      required: none,
      unjudged: [`database warehouse of kind ${kind} (the guard runs on kind postgres only)`],
    })
  })

  it.skipIf(!hasTestdata)(
    'intuition: the cache table is required in cache; the relationships to it are left to Hasura (needs ../shared/testdata)',
    async () => {
      const metadata = await assembleMetadataV3(
        workspaceFiles(join(projects, '0xIntuition__intuition-rs__hasura')),
        'metadata',
      )
      const bySource = requiredObjectsBySource(metadata)
      expect(bySource.get('cache')?.required.tables).toEqual([obj('cached_image', 'cached_images')])
      const intuition = bySource.get('intuition')
      expect(intuition?.required.tables).toHaveLength(24)
      expect(intuition?.required.functions).toHaveLength(4)
      expect(intuition?.required.columns).toContainEqual(col('atom', 'image'))
      expect(intuition?.unjudged).toEqual([
        'remote relationship cached_image on public.account (to database cache)',
        'remote relationship cached_image on public.atom (to database cache)',
        'remote relationship cached_image on public.person (to database cache)',
        'remote relationship cached_image on public.thing (to database cache)',
      ])
    },
  )
})
