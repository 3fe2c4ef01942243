import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { workspaceFiles } from '../../src/project/files.js'
import { assembleMetadata, type MetadataV2 } from '../../src/metadata/assemble.js'
import { requiredObjects } from '../../src/metadata/required-objects.js'
import { hasTestdata, testdataPath } from '../support/testdata.js'

const projects = testdataPath('hasura-projects')

const col = (table: string, column: string, schema = 'public') => ({ schema, table, column })
const obj = (name: string, schema = 'public') => ({ schema, name })

describe('requiredObjects', () => {
  it('collects every kind of reference, deduplicated and sorted', () => {
    const metadata: MetadataV2 = {
      version: 2,
      tables: [
        {
          table: 'author',
          object_relationships: [
            { name: 'country', using: { foreign_key_constraint_on: 'country_id' } },
            { name: 'pair', using: { foreign_key_constraint_on: ['pair_a', 'pair_b'] } },
            // v2.x: an object relationship through the remote table's key.
            {
              name: 'profile',
              using: { foreign_key_constraint_on: { table: 'profile', column: 'author_id' } },
            },
          ],
          array_relationships: [
            {
              name: 'books',
              using: {
                foreign_key_constraint_on: {
                  table: { schema: 'library', name: 'book' },
                  columns: ['author_id'],
                },
              },
            },
            {
              name: 'reviews',
              using: {
                manual_configuration: {
                  remote_table: { schema: 'reviews', name: 'review' },
                  column_mapping: { id: 'subject_id' },
                },
              },
            },
          ],
          computed_fields: [
            { name: 'full_name', definition: { function: { schema: 'util', name: 'author_full_name' } } },
          ],
          insert_permissions: [{ role: 'user', permission: { check: {}, columns: ['name', 'country_id'] } }],
          select_permissions: [
            { role: 'user', permission: { columns: '*', filter: {} } },
            { role: 'editor', permission: { columns: ['*', 'name'], filter: {} } },
          ],
          update_permissions: [{ role: 'user', permission: { columns: ['bio'], filter: {} } }],
          delete_permissions: [{ role: 'user', permission: { filter: {} } }],
          event_triggers: [
            {
              name: 'audit',
              definition: {
                insert: { columns: '*' },
                update: { columns: ['name', 'bio'] },
                delete: { columns: '*' },
              },
            },
          ],
        },
        { table: { schema: 'library', name: 'book' } },
      ],
      functions: [{ function: 'search_authors' }, { function: { schema: 'util', name: 'author_full_name' } }],
      custom_types: {
        enums: [],
        input_objects: [],
        scalars: [],
        objects: [
          {
            name: 'LoginOutput',
            relationships: [{ name: 'user', remote_table: 'users', field_mapping: { user_id: 'id' } }],
          },
        ],
      },
    }
    expect(requiredObjects(metadata)).toEqual({
      tables: [obj('book', 'library'), obj('author'), obj('profile'), obj('users'), obj('review', 'reviews')],
      columns: [
        col('book', 'author_id', 'library'),
        col('author', 'bio'),
        col('author', 'country_id'),
        col('author', 'id'),
        col('author', 'name'),
        col('author', 'pair_a'),
        col('author', 'pair_b'),
        col('profile', 'author_id'),
        col('users', 'id'),
        col('review', 'subject_id', 'reviews'),
      ],
      functions: [obj('search_authors'), obj('author_full_name', 'util')],
    })
  })

  it('needs nothing for metadata without tables or functions', () => {
    expect(requiredObjects({ version: 2 })).toEqual({ tables: [], columns: [], functions: [] })
  })

  it.skipIf(!hasTestdata)(
    'finds the SQL function behind a computed field of a real project (needs ../shared/testdata)',
    async () => {
      const metadata = await assembleMetadata(
        workspaceFiles(join(projects, 'beaussan__courso__hasura')),
        'metadata',
      )
      const required = requiredObjects(metadata)
      expect(required.functions).toContainEqual(obj('is_open_practice_to_course_fn'))
      expect(required.tables).toHaveLength(20)
    },
  )
})

describe('requiredObjects: columns in permission expressions and configuration', () => {
  it('takes filter, check and set keys as columns, but not relationships, computed fields or _exists', () => {
    const metadata = {
      version: 2,
      tables: [
        {
          table: { schema: 'public', name: 'article' },
          object_relationships: [{ name: 'author', using: { foreign_key_constraint_on: 'author_id' } }],
          computed_fields: [
            { name: 'score', definition: { function: { schema: 'public', name: 'article_score' } } },
          ],
          configuration: { custom_column_names: { title: 'headline' }, column_config: { body: {} } },
          select_permissions: [
            {
              role: 'user',
              permission: {
                columns: ['id'],
                filter: {
                  _and: [
                    { published: { _eq: true } },
                    {
                      _or: [{ author: { id: { _eq: 'X-Hasura-User-Id' } } }, { _not: { score: { _gt: 1 } } }],
                    },
                    { _exists: { _table: { schema: 'public', name: 'x' }, _where: {} } },
                  ],
                },
              },
            },
          ],
          insert_permissions: [
            { role: 'user', permission: { check: { owner_id: { _eq: 1 } }, set: { tenant: 'x' } } },
          ],
          delete_permissions: [{ role: 'user', permission: { filter: { locked: { _eq: false } } } }],
        },
      ],
    }
    const columns = requiredObjects(metadata).columns.map((c) => c.column)
    expect(columns.sort()).toEqual([
      'author_id',
      'body',
      'id',
      'locked',
      'owner_id',
      'published',
      'tenant',
      'title',
    ])
  })
})
