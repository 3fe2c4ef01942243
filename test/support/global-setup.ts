// Before any test: rebuilds dist/ from the current source (the e2e tests start dist/index.js, so a
// local run never tests an old bundle) and starts one throwaway PostgreSQL for the whole run, unless
// DATABASE_URL names one (the same cluster helper the benchmarks and the demo use; each test file
// creates its own databases on it, see ./postgres.ts). At the end: one line for each thing that did
// not run as on GitHub — tests skipped without ../shared/testdata, the bundle not run on Node 24.
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { rollup } from 'rollup'
import { loadConfigFile } from 'rollup/loadConfigFile'
import type { TestProject } from 'vitest/node'
import { startPostgres } from '../../bench/lib/cluster.mjs'
import { repoRoot } from './action-runner.js'
import { findNode24 } from './node24.mjs'
import { hasTestdata, testdataDir } from './testdata.js'

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string
  }
}

/** `npm run package`, through rollup's API: the same config, the same files. */
async function rebuildDist(): Promise<void> {
  const started = performance.now()
  const { options, warnings } = await loadConfigFile(join(repoRoot, 'rollup.config.js'), {})
  for (const config of options) {
    const bundle = await rollup(config)
    try {
      await Promise.all(config.output.map((output) => bundle.write(output)))
    } finally {
      await bundle.close()
    }
  }
  warnings.flush()
  console.log(`dist/ rebuilt from src/ in ${Math.round(performance.now() - started)} ms (npm run package)`)
}

function endOfRunNotes(): string[] {
  const notes: string[] = []
  if (!hasTestdata)
    notes.push(`SKIPPED: the tests that read real-world data did not run: ${testdataDir} is absent.`)
  const node = findNode24()
  if (node.note) notes.push(node.note)
  return notes
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await rebuildDist()
  const cluster = await startPostgres(process.env)
  project.provide('adminDatabaseUrl', cluster.adminUrl)
  return async () => {
    await cluster.stop()
    for (const note of endOfRunNotes()) console.warn(`\n${note}`)
  }
}
