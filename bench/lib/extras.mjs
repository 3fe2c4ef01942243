// What the issue asks beside the side-by-side rollback: a dry run over 10,000 migration folders and a
// 2,000-table metadata directory at the ref, the size of dist/index.js, and the cold start.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { dropDatabase, query, recreateDatabase, startConnectionWatch } from './cluster.mjs'
import * as gen from './generate.mjs'
import { markdownTable, median } from './report.mjs'
import * as tools from './tools.mjs'

const RUNS = 5
const MIGRATIONS = 10_000
const METADATA_TABLES = 2_000
const log = (line) => process.stderr.write(`${line}\n`)

function gitCommitAll(dir) {
  const git = (...args) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' })
  git('init', '-q')
  git('add', '-A')
  git(
    '-c',
    'user.name=bench',
    '-c',
    'user.email=bench@example.invalid',
    'commit',
    '-q',
    '-m',
    'bench project',
  )
}

/** `runs` action runs through the connection watch: wall time and spawn → first DB connection. */
async function timeAction(watch, workspace, inputs, runs = RUNS) {
  const wall = []
  const toFirstConnection = []
  let last
  for (let i = 0; i < runs; i++) {
    watch.reset()
    let spawnedAt = 0
    last = await tools.runAction(workspace, inputs, { onSpawn: (at) => (spawnedAt = at) })
    if (last.code !== 0)
      return { failed: `${last.status || 'failed'}: ${(last.error ?? last.stderr).slice(0, 100)}` }
    wall.push(last.ms)
    const first = watch.firstConnectionAt()
    if (first !== undefined) toFirstConnection.push(first - spawnedAt)
  }
  return { wall, toFirstConnection, status: last.status }
}

const ms = (values) => (values?.length ? `${Math.round(median(values))} ms` : 'n/a')

/**
 * The sizes of the bundle's files, one Markdown list item each: index.js is what every run loads; the
 * chunks beside it load when needed (git.js: with a ref); then all the JavaScript, and every file.
 */
export function distSizes(dist = dirname(tools.bundle)) {
  const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB (${bytes.toLocaleString('en')} bytes)`
  const files = readdirSync(dist)
    .sort()
    .map((name) => ({ name, bytes: statSync(join(dist, name)).size }))
  const total = (list) => mb(list.reduce((sum, f) => sum + f.bytes, 0))
  const js = files.filter((f) => f.name.endsWith('.js'))
  const chunks = js.filter((f) => f.name !== 'index.js')
  const others = files.filter((f) => !f.name.endsWith('.js'))
  return [
    `- dist/index.js: ${mb(files.find((f) => f.name === 'index.js').bytes)}`,
    `- the chunks beside it: ${chunks.map((f) => `${f.name} ${mb(f.bytes)}`).join(', ')}`,
    `- all the JavaScript of dist/: ${total(js)}`,
    `- all of dist/ (with ${others.map((f) => f.name).join(', ')}): ${total(files)}`,
  ]
}

export async function measureExtras(cluster) {
  const rows = []
  const notes = []
  const dir = mkdtempSync(join(tmpdir(), 'hasura-rollback-bench-extras-'))
  const dbUrl = await recreateDatabase(cluster.adminUrl, 'bench_dry')
  const watch = await startConnectionWatch(dbUrl)
  const smallUrl = await recreateDatabase(cluster.adminUrl, 'bench_dry_small')
  const smallWatch = await startConnectionWatch(smallUrl)
  try {
    // 10,000 applied migrations, of which a dry run with count 1 rehearses the highest.
    const specs = gen.migrationSpecs(MIGRATIONS)
    const workspace = join(dir, 'ws')
    gen.writeHasuraProject(workspace, specs, { tables: METADATA_TABLES })
    gitCommitAll(workspace)
    const tables = Array.from({ length: METADATA_TABLES }, (_, i) => `CREATE TABLE m_${i} (id int);`)
    await query(dbUrl, gen.applyUpsSql(specs.slice(-2)).replace(/INSERT INTO .*$/s, '') + tables.join('\n'))
    const rowsSql = specs.map((m) => `(${m.version}, false)`).join(',')
    await query(dbUrl, `INSERT INTO hdb_catalog.schema_migrations (version, dirty) VALUES ${rowsSql}`)
    log(`dry run: project with ${MIGRATIONS} migration folders and ${METADATA_TABLES} metadata tables ready`)

    const schemaOnly = await timeAction(watch, workspace, {
      'database-url': watch.url,
      count: '1',
      'dry-run': 'true',
      'apply-metadata': 'false',
    })
    rows.push([
      `dry run, ${MIGRATIONS.toLocaleString('en')} migration folders, count 1, apply-metadata false`,
      schemaOnly.failed ?? ms(schemaOnly.wall),
      ms(schemaOnly.toFirstConnection),
    ])

    let withMetadata = { failed: 'stand-in needs Node 24' }
    if (tools.standInAvailable()) {
      const standIn = await tools.startStandIn(dbUrl)
      try {
        withMetadata = await timeAction(watch, workspace, {
          'database-url': watch.url,
          endpoint: standIn.url,
          ref: 'HEAD',
          count: '1',
          'dry-run': 'true',
        })
      } finally {
        await standIn.close()
      }
    }
    rows.push([
      `dry run as above + ref HEAD with ${METADATA_TABLES.toLocaleString('en')} tables in metadata/tables.yaml, via stand-in`,
      withMetadata.failed ?? ms(withMetadata.wall),
      ms(withMetadata.toFirstConnection),
    ])

    // Cold start: an input error exits right after parsing; a 10-migration dry run shows the time to
    // the first database connection.
    const bad = []
    for (let i = 0; i < RUNS; i++) bad.push((await tools.runAction(workspace, { count: 'not-a-number' })).ms)
    rows.push(['cold start: input error (process start → exit)', ms(bad), '—'])
    const small = join(dir, 'small')
    const smallSpecs = gen.migrationSpecs(10)
    gen.writeHasuraProject(small, smallSpecs)
    await query(smallUrl, gen.applyUpsSql(smallSpecs))
    const smallRun = await timeAction(smallWatch, small, {
      'database-url': smallWatch.url,
      count: '1',
      'dry-run': 'true',
      'apply-metadata': 'false',
    })
    rows.push([
      'cold start: 10-migration dry run',
      smallRun.failed ?? ms(smallRun.wall),
      ms(smallRun.toFirstConnection),
    ])
  } finally {
    await watch.close()
    await smallWatch.close()
    await dropDatabase(cluster.adminUrl, 'bench_dry')
    await dropDatabase(cluster.adminUrl, 'bench_dry_small')
    rmSync(dir, { recursive: true, force: true })
  }
  notes.push(...distSizes())
  return {
    markdown: [
      `## Dry run, cold start, bundle (median of ${RUNS})`,
      '',
      markdownTable(['measurement', 'wall time', 'process start → first DB connection'], rows),
      '',
      ...notes,
    ].join('\n'),
  }
}
