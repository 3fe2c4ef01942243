// Starts one throwaway PostgreSQL for the whole test run, unless DATABASE_URL names one (the same
// cluster helper the benchmarks and the demo use). Each test file then creates its own databases on
// it (see ./postgres.ts).
import type { TestProject } from 'vitest/node'
import { startPostgres } from '../../bench/lib/cluster.mjs'

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPostgres(process.env)
  project.provide('adminDatabaseUrl', cluster.adminUrl)
  return () => cluster.stop()
}
