// The restore command the failure hint gives, run for real with bash and curl against the Hasura
// stand-in: a backup written by backupMetadata, then changed metadata, then the command.
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cleanUp } from '../support/cleanup.js'
import { createHasuraClient } from '../../src/hasura/client.js'
import { backupMetadata } from '../../src/metadata/apply.js'
import { restoreMetadataCommand } from '../../src/metadata/restore.js'
import { hasuraConfig } from '../support/hasura-config.js'
import { applyUps, threeMigrations } from '../support/hasura-project.js'
import type { HasuraStandIn, ServerGeneration } from '../support/hasura-stand-in.js'
import { startHasuraStandIn } from '../support/hasura-stand-in.js'
import type { TestDatabase } from '../support/postgres.js'
import { createTestDatabase } from '../support/postgres.js'
import { runProcess } from '../support/run-process.js'

const SECRET = `restore-secret-'"$(id)`
const missing = ['bash', 'curl'].filter((tool) => spawnSync(tool, ['--version']).status !== 0)
if (missing.length > 0) {
  console.warn(`SKIPPED test/e2e/restore-command.test.ts: ${missing.join(' and ')} not installed here`)
}

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  cleanUp(async () => rmSync(dir, { recursive: true, force: true }))
  return dir
}

interface Setup {
  hasura: HasuraStandIn
  db: TestDatabase
  /** The server's metadata in the shape it exports. */
  exported: () => unknown
}

async function setUp(generation: ServerGeneration, pathPrefix = '/hasura'): Promise<Setup> {
  const db = await createTestDatabase()
  await applyUps(db, threeMigrations)
  const hasura = await startHasuraStandIn({
    databaseUrl: db.url,
    generation,
    adminSecret: SECRET,
    pathPrefix,
  })
  cleanUp(
    () => hasura.close(),
    () => db.drop(),
  )
  const exported = () => (generation === 'v1' ? hasura.metadata() : hasura.metadataV3())
  return { hasura, db, exported }
}

const author = {
  table: { schema: 'public', name: 'author' },
  array_relationships: [
    {
      name: 'articles',
      using: {
        foreign_key_constraint_on: { table: { schema: 'public', name: 'article' }, column: 'author_id' },
      },
    },
  ],
  select_permissions: [{ role: 'user', permission: { columns: ['id', 'name', 'email'], filter: {} } }],
}
const article = { table: { schema: 'public', name: 'article' } }
const collections = [
  {
    name: 'allowed-queries',
    definition: { queries: [{ name: 'authors', query: 'query { author { id } }' }] },
  },
]

/** What the server holds before the job: two tables, a relationship, a permission, a query collection. */
function seed(s: Setup, generation: ServerGeneration) {
  if (generation === 'v1') {
    s.hasura.setMetadata({ version: 2, tables: [author, article], query_collections: collections })
    return
  }
  const initial = s.hasura.metadataV3() as { sources: { configuration: unknown }[] }
  const configuration = initial.sources[0]?.configuration
  s.hasura.setMetadata({
    version: 3,
    sources: [{ name: 'default', kind: 'postgres', tables: [author, article], configuration }],
    query_collections: collections,
  })
}

/** The backup as the action writes it, into `dir`, through the action's own client. */
async function backUp(s: Setup, dir: string) {
  const client = createHasuraClient(hasuraConfig(s.hasura.url, SECRET))
  return backupMetadata(client, dir, new Date('2030-01-02T03:04:05.678Z'))
}

const runBash = (command: string, env: Record<string, string>) =>
  runProcess('bash', ['-c', command], { env: { PATH: process.env.PATH ?? '', ...env } })

const restoreEnv = (s: Setup) => ({
  HASURA_GRAPHQL_ENDPOINT: s.hasura.url,
  HASURA_GRAPHQL_ADMIN_SECRET: SECRET,
})
const metadataRequests = (s: Setup) => s.hasura.requests.filter((r) => r.method === 'POST')

describe.skipIf(missing.length > 0)('restoreMetadataCommand, run with bash and curl', () => {
  describe.each<ServerGeneration>(['v2', 'v1'])('Hasura %s', (generation) => {
    it('puts the backup back exactly as exported, through an endpoint with a path prefix', async () => {
      const s = await setUp(generation)
      seed(s, generation)
      const backup = await backUp(s, tempDir('restore-'))
      const before = s.exported()
      s.hasura.setMetadata({ version: 2, tables: [{ table: { schema: 'public', name: 'author' } }] })
      expect(s.exported()).not.toEqual(before)

      const run = await runBash(restoreMetadataCommand(backup.path, generation), restoreEnv(s))

      expect(run.stderr).toBe('')
      expect(run.status).toBe(0)
      expect(s.exported()).toEqual(JSON.parse(readFileSync(backup.path, 'utf8')))
      expect(s.exported()).toEqual(before)
      const answer = generation === 'v1' ? { message: 'success' } : { is_consistent: true }
      expect(JSON.parse(run.stdout)).toMatchObject(answer)
    })
  })

  it("reads a backup whose folder has a space and a quote in its name (a trailing '/' on the endpoint too)", async () => {
    const s = await setUp('v2')
    seed(s, 'v2')
    const backup = await backUp(s, join(tempDir('restore-'), `it's a "backup" $HOME`))
    const before = s.exported()
    s.hasura.setMetadata({ version: 2, tables: [] })

    const run = await runBash(restoreMetadataCommand(backup.path, 'v2'), {
      ...restoreEnv(s),
      HASURA_GRAPHQL_ENDPOINT: `${s.hasura.url}/`,
    })

    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(s.exported()).toEqual(before)
  })

  it('v2: stores the backup even when the downs dropped what it names, and lists those objects', async () => {
    const s = await setUp('v2')
    seed(s, 'v2')
    const backup = await backUp(s, tempDir('restore-'))
    const before = s.exported()
    await s.db.query('DROP TABLE article')
    s.hasura.setMetadata({ version: 2, tables: [{ table: { schema: 'public', name: 'author' } }] })

    const run = await runBash(restoreMetadataCommand(backup.path, 'v2'), restoreEnv(s))

    expect(run.status).toBe(0)
    expect(s.exported()).toEqual(before)
    const answer = JSON.parse(run.stdout) as { is_consistent: boolean; inconsistent_objects: unknown[] }
    expect(answer.is_consistent).toBe(false)
    expect(JSON.stringify(answer.inconsistent_objects)).toContain('article')
  })

  it('v1: a server that refuses inconsistent metadata keeps its own; the command exits non-zero with the answer', async () => {
    const s = await setUp('v1')
    seed(s, 'v1')
    const backup = await backUp(s, tempDir('restore-'))
    await s.db.query('DROP TABLE article')
    const current = { version: 2, tables: [{ table: { schema: 'public', name: 'author' } }] }
    s.hasura.setMetadata(current)

    const run = await runBash(restoreMetadataCommand(backup.path, 'v1'), restoreEnv(s))

    expect(run.status).not.toBe(0)
    expect(run.stdout).toContain('cannot continue due to inconsistent metadata')
    expect(s.hasura.metadata()).toEqual(current)
  })

  it('a wrong admin secret changes nothing and prints Hasura’s refusal', async () => {
    const s = await setUp('v2')
    seed(s, 'v2')
    const backup = await backUp(s, tempDir('restore-'))
    s.hasura.setMetadata({ version: 2, tables: [] })
    const current = s.exported()

    const run = await runBash(restoreMetadataCommand(backup.path, 'v2'), {
      ...restoreEnv(s),
      HASURA_GRAPHQL_ADMIN_SECRET: 'not-the-secret',
    })

    expect(run.status).toBe(22)
    expect(run.stdout).toContain('invalid x-hasura-admin-secret/x-hasura-access-key')
    expect(s.exported()).toEqual(current)
  })

  it('stops before sending anything when the endpoint is not set or the file cannot be read', async () => {
    const s = await setUp('v2')
    const backup = await backUp(s, tempDir('restore-'))
    const sent = metadataRequests(s).length

    const noEndpoint = await runBash(restoreMetadataCommand(backup.path, 'v2'), {
      HASURA_GRAPHQL_ADMIN_SECRET: SECRET,
    })
    const noFile = await runBash(restoreMetadataCommand(`${backup.path}.gone`, 'v2'), restoreEnv(s))

    expect(noEndpoint.status).not.toBe(0)
    expect(noEndpoint.stderr).toContain('HASURA_GRAPHQL_ENDPOINT: set it to the Hasura endpoint')
    expect(noFile.status).not.toBe(0)
    expect(noFile.stderr).toContain('No such file or directory')
    expect(metadataRequests(s).length).toBe(sent)
  })

  it('the admin secret is on no process’s command line', async () => {
    const s = await setUp('v2')
    seed(s, 'v2')
    const backup = await backUp(s, tempDir('restore-'))
    // A curl in front of the real one that records its arguments.
    const bin = tempDir('restore-bin-')
    const realCurl = spawnSync('bash', ['-c', 'command -v curl'], { encoding: 'utf8' }).stdout.trim()
    const argsFile = join(bin, 'curl-args')
    writeFileSync(
      join(bin, 'curl'),
      `#!/bin/bash\nprintf '%s\\n' "$@" > '${argsFile}'\nexec '${realCurl}' "$@"\n`,
    )
    chmodSync(join(bin, 'curl'), 0o755)

    const run = await runBash(restoreMetadataCommand(backup.path, 'v2'), {
      ...restoreEnv(s),
      PATH: `${bin}:${process.env.PATH ?? ''}`,
    })

    expect(run.status).toBe(0)
    expect(existsSync(argsFile)).toBe(true)
    const args = readFileSync(argsFile, 'utf8')
    expect(args).toContain('/v1/metadata')
    expect(args).not.toContain('restore-secret')
    const sentSecret = s.hasura.requests.at(-1)?.headers['x-hasura-admin-secret']
    expect(sentSecret).toBe(SECRET)
  })
})
