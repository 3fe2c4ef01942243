import { describe, expect, it } from 'vitest'
import { diffMetadata, toVersion2 } from '../../src/metadata/diff.js'

const author = { table: { schema: 'public', name: 'author' } }

describe('diffMetadata', () => {
  it('words tracked and untracked tables, relationships and permissions', () => {
    const current = {
      version: 3,
      sources: [
        {
          name: 'default',
          kind: 'postgres',
          tables: [
            {
              ...author,
              select_permissions: [{ role: 'user', permission: { columns: ['id', 'email'], filter: {} } }],
            },
            { table: { schema: 'public', name: 'article' } },
          ],
        },
      ],
      actions: [{ name: 'login', definition: { handler: 'x' } }],
    }
    const stable = {
      version: 2,
      tables: [
        {
          ...author,
          select_permissions: [{ role: 'user', permission: { filter: {}, columns: ['id'] } }],
          object_relationships: [{ name: 'boss', using: { foreign_key_constraint_on: 'boss_id' } }],
        },
      ],
    }
    expect(diffMetadata(current, stable)).toEqual([
      { kind: 'added', what: 'object relationship boss on public.author' },
      { kind: 'changed', what: 'select permission for role user on public.author' },
      { kind: 'removed', what: 'table public.article' },
      { kind: 'removed', what: 'action login' },
    ])
  })

  it('finds nothing when only key order differs', () => {
    const stable = {
      version: 2,
      tables: [
        { select_permissions: [{ permission: { filter: {}, columns: ['a'] }, role: 'r' }], ...author },
      ],
    }
    const current = {
      resource_version: 3,
      metadata: {
        version: 2,
        tables: [
          { ...author, select_permissions: [{ role: 'r', permission: { columns: ['a'], filter: {} } }] },
        ],
      },
    }
    expect(diffMetadata(current, stable)).toEqual([])
  })

  it('reads the default source of a version-3 export', () => {
    expect(
      toVersion2({ version: 3, sources: [{ name: 'default', tables: [author], functions: [] }] }),
    ).toMatchObject({
      tables: [author],
    })
  })
})
