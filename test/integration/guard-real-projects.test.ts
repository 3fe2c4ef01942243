// The five real projects: after all their ups ran, the guard must find every object their metadata
// references (no false alarm), and name a tracked table once it is dropped.
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { guardSql, parseGuardFailure } from '../../src/transport/guard-sql.js'
import { workspaceFiles } from '../../src/project/files.js'
import { assembleMetadata } from '../../src/metadata/assemble.js'
import { requiredObjects } from '../../src/metadata/required-objects.js'
import { scanMigrations } from '../../src/project/migrations.js'
import { createTestDatabase } from '../support/postgres.js'
import { hasTestdata, testdataPath } from '../support/testdata.js'

const projects = testdataPath('hasura-projects')
const names = hasTestdata ? readdirSync(projects) : []

describe.skipIf(names.length === 0)(
  'guard over the real projects (../shared/testdata absent: skipped)',
  () => {
    it.each(names)('%s: every object its metadata references exists after its ups', async (name) => {
      const files = workspaceFiles(join(projects, name))
      const db = await createTestDatabase()
      try {
        for (const migration of await scanMigrations(files, 'migrations')) {
          if (!migration.upFile) continue
          const up = await files.readText(migration.upFile)
          if (up?.trim()) await db.query(up)
        }
        const required = requiredObjects(await assembleMetadata(files, 'metadata'))
        expect(required.tables.length).toBeGreaterThan(0)
        const sql = guardSql(required)!
        const missing = await db.query(sql).then(
          () => undefined,
          (error: Error) => parseGuardFailure(error.message) ?? error.message,
        )
        expect(missing).toBeUndefined()
        // And it is not vacuous: drop one tracked table and the guard names it.
        const victim = required.tables.find((t) => t.schema === 'public')!
        const [kind] = await db.query<{ relkind: string }>(
          'SELECT relkind FROM pg_class WHERE oid = to_regclass($1)',
          [`"${victim.schema}"."${victim.name}"`],
        )
        const what =
          ({ v: 'VIEW', m: 'MATERIALIZED VIEW' } as Record<string, string>)[kind!.relkind] ?? 'TABLE'
        await db.query(`DROP ${what} "${victim.schema}"."${victim.name}" CASCADE`)
        const after = await db.query(sql).then(
          () => '',
          (error: Error) => parseGuardFailure(error.message) ?? error.message,
        )
        expect(after).toContain(`table ${victim.schema}.${victim.name}`)
      } finally {
        await db.drop()
      }
    })
  },
)
