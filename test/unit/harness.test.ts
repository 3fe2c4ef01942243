import { describe, expect, it } from 'vitest'
import { createTestDatabase, schemaSnapshot } from '../support/postgres.js'

describe('postgres harness', () => {
  it('gives each test an empty database of its own', async () => {
    const a = await createTestDatabase()
    const b = await createTestDatabase()
    await a.query('CREATE TABLE only_in_a (id int)')
    expect(await schemaSnapshot(a)).toEqual({ only_in_a: ['id'] })
    expect(await schemaSnapshot(b)).toEqual({})
    await a.drop()
    await b.drop()
  })
})
