// Times the rollback of N applied migrations (N = 10, 100, 1000) side by side: this action over
// `database-url` and through the Hasura stand-in, the same transaction sent alone from a connected
// client (Postgres' own time), `psql --single-transaction` (the limit), node-pg-migrate `down` and
// sql-migrate `down`. Median of --runs (default 5) each; every run starts
// from a fresh clone of one template database and is checked to have reverted everything.
// Then the same at --latency-size migrations against a database --latency ms away each way (a relay
// that delays every packet), and the extras (bench/lib/extras.mjs). Prints Markdown. Usage:
//   node bench/rollback.mjs [--runs 5] [--sizes 10,100,1000] [--latency 5] [--latency-size 100]
//                           [--bundle dist/index.js]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import {
  databaseUrl,
  dropDatabase,
  query,
  recreateDatabase,
  startConnectionWatch,
  startPostgres,
} from './lib/cluster.mjs'
import { measureExtras } from './lib/extras.mjs'
import * as gen from './lib/generate.mjs'
import { cell, markdownTable, ratio } from './lib/report.mjs'
import * as tools from './lib/tools.mjs'

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    sizes: { type: 'string', default: '10,100,1000' },
    latency: { type: 'string', default: '5' },
    'latency-size': { type: 'string', default: '100' },
    bundle: { type: 'string' },
  },
})
if (args.bundle) tools.useBundle(args.bundle)
const runs = Number(args.runs)
const sizes = args.sizes.split(',').map(Number)
const RUN_DB = 'bench_run'
const log = (line) => process.stderr.write(`${line}\n`)
if (tools.node.note) log(tools.node.note)

const available = {
  psql: tools.commandExists('psql'),
  sqlMigrate: tools.commandExists('sql-migrate'),
  standIn: tools.standInAvailable(),
}

async function leftover(url, stateTable) {
  const [row] = await query(
    url,
    `SELECT (SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename ~ '^t_[0-9]+$')::int AS tables, ` +
      `(SELECT count(*) FROM ${stateTable})::int AS rows`,
  )
  return row.tables + row.rows
}

/**
 * One size: template database, then `runs` rounds of every contender on a fresh clone. With
 * `delayMs`, each contender reaches the database through a relay that delays every packet.
 */
async function benchSize(cluster, n, { delayMs = 0 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), `hasura-rollback-bench-${n}-`))
  const specs = gen.migrationSpecs(n)
  const runUrl = databaseUrl(cluster.adminUrl, RUN_DB)
  gen.writeHasuraProject(join(dir, 'ws'), specs)
  gen.writeNodePgMigrateDir(join(dir, 'npm'), specs)
  gen.writeSqlMigrateDir(join(dir, 'sqlm'), specs, runUrl)
  const script = gen.psqlScript(specs)
  writeFileSync(join(dir, 'down.sql'), script)

  const template = `bench_tpl_${n}`
  const templateUrl = await recreateDatabase(cluster.adminUrl, template)
  await query(templateUrl, gen.applyUpsSql(specs))
  const faked = await tools.runNodePgMigrate(templateUrl, join(dir, 'npm'), ['up', '--fake'])
  if (faked.code !== 0) throw new Error(`node-pg-migrate up --fake failed: ${faked.stderr || faked.stdout}`)
  if (available.sqlMigrate) {
    // `skip` marks every migration applied without running it: the ups already ran above.
    gen.writeSqlMigrateConfig(join(dir, 'sqlm-tpl'), templateUrl, join(dir, 'sqlm/migrations'))
    const skipped = await tools.timeProcess('sql-migrate', [
      'skip',
      '-config',
      join(dir, 'sqlm-tpl/dbconfig.yml'),
      '-env',
      'bench',
    ])
    if (skipped.code !== 0) throw new Error(`sql-migrate skip failed: ${skipped.stderr || skipped.stdout}`)
  }

  const contenders = {
    action: {
      state: 'hdb_catalog.schema_migrations',
      run: (url) =>
        tools.runAction(join(dir, 'ws'), { 'database-url': url, count: 'all', 'apply-metadata': 'false' }),
    },
    transaction: { state: 'hdb_catalog.schema_migrations', run: (url) => tools.timeTransaction(url, script) },
    psql: available.psql
      ? { state: 'hdb_catalog.schema_migrations', run: (url) => tools.runPsql(url, join(dir, 'down.sql')) }
      : 'not installed',
    nodePgMigrate: {
      state: 'pgmigrations',
      run: (url) => tools.runNodePgMigrate(url, join(dir, 'npm'), ['down', String(n)]),
    },
    sqlMigrate: available.sqlMigrate
      ? {
          state: 'gorp_migrations',
          run: () => tools.runSqlMigrate(join(dir, 'sqlm'), ['down', `-limit=${n}`]),
        }
      : 'not runnable here',
    standIn: available.standIn
      ? { state: 'hdb_catalog.schema_migrations', run: (url) => runThroughStandIn(join(dir, 'ws'), url) }
      : 'needs Node 24',
  }
  // sql-migrate's URL is written into its dbconfig.yml: it cannot go through the relay.
  if (delayMs > 0 && typeof contenders.sqlMigrate !== 'string') contenders.sqlMigrate = 'not relayed'
  const relay = delayMs > 0 ? await startConnectionWatch(runUrl, { delayMs }) : undefined
  const results = Object.fromEntries(
    Object.entries(contenders).map(([k, c]) => [k, typeof c === 'string' ? c : []]),
  )
  for (let round = 0; round < runs; round++) {
    for (const [name, contender] of Object.entries(contenders)) {
      if (!Array.isArray(results[name])) continue
      const url = await recreateDatabase(cluster.adminUrl, RUN_DB, template)
      const outcome = await contender.run(relay?.url ?? url)
      const left = outcome.code === 0 ? await leftover(url, contender.state) : -1
      if (outcome.code !== 0 || left !== 0) {
        const why = outcome.error ?? (outcome.stderr || outcome.stdout).trim().split('\n').at(-1) ?? ''
        results[name] = `failed${left > 0 ? ` (${left} left)` : ''}: ${why.slice(0, 80)}`
        log(`  ${name} N=${n}: ${results[name]}`)
        continue
      }
      results[name].push(outcome.ms)
      if (outcome.requests) results.standInRequests = outcome.requests
    }
  }
  await relay?.close()
  await dropDatabase(cluster.adminUrl, RUN_DB)
  await dropDatabase(cluster.adminUrl, template)
  rmSync(dir, { recursive: true, force: true })
  log(
    `N=${n}${delayMs ? ` (${delayMs} ms each way)` : ''}: ${Object.entries(results)
      .map(([k, v]) => `${k} ${cell(v)}`)
      .join(', ')}`,
  )
  return results
}

/** The action with `endpoint` (no database-url) against a stand-in started on the run's database. */
async function runThroughStandIn(workspace, url) {
  const standIn = await tools.startStandIn(url)
  try {
    const run = await tools.runAction(workspace, {
      endpoint: standIn.url,
      count: 'all',
      'apply-metadata': 'false',
    })
    return { ...run, requests: (await standIn.requests()).length }
  } finally {
    await standIn.close()
  }
}

const started = performance.now()
const cluster = await startPostgres()
log(`PostgreSQL: ${cluster.origin}; ${runs} runs per cell; sizes ${sizes.join(', ')}`)
try {
  const bySize = []
  for (const n of sizes) bySize.push([n, await benchSize(cluster, n)])
  const delayMs = Number(args.latency)
  const latencySize = Number(args['latency-size'])
  const remote = delayMs > 0 ? [[latencySize, await benchSize(cluster, latencySize, { delayMs })]] : []
  const extras = await measureExtras(cluster)
  const rowsOf = (measured) =>
    measured.map(([n, r]) => [
      String(n),
      cell(r.action),
      cell(r.transaction),
      cell(r.psql),
      ratio(r.action, r.psql),
      cell(r.nodePgMigrate),
      ratio(r.nodePgMigrate, r.action),
      cell(r.sqlMigrate),
      ratio(r.sqlMigrate, r.action),
      cell(r.standIn),
      r.standInRequests === undefined ? 'n/a' : String(r.standInRequests),
    ])
  const header = [
    'N',
    'action (database-url)',
    'the same transaction alone',
    'psql --single-transaction',
    'action / psql',
    'node-pg-migrate down',
    'node-pg-migrate / action',
    'sql-migrate down',
    'sql-migrate / action',
    'action via Hasura stand-in',
    'HTTP requests',
  ]
  const remoteSection = remote.length
    ? [
        `## The same against a database ${delayMs} ms away each way (${2 * delayMs} ms round trip; median of ${runs})`,
        '',
        markdownTable(header, rowsOf(remote)),
        '',
      ]
    : []
  const out = [
    `## Rollback of N migrations (median of ${runs}, wall time of each process)`,
    '',
    'Ratios: the median of the per-round ratios (each round runs every contender once), with their range.',
    '',
    markdownTable(header, rowsOf(bySize)),
    '',
    ...remoteSection,
    extras.markdown,
    '',
    `Bundle ${tools.bundle}, Node ${tools.node.version}, PostgreSQL from ${cluster.origin}, total bench time ${Math.round((performance.now() - started) / 1000)} s.`,
  ]
  process.stdout.write(`${out.join('\n')}\n`)
} finally {
  await cluster.stop()
}
