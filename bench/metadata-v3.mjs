// Times config v3 metadata assembly: a metadata directory with --tables per-table files (default
// 2,000), each `!include`d from tables.yaml and holding relationships and permissions as `hasura
// metadata export` writes them, assembled from the workspace and from a git commit. Median of --runs
// (default 7) after one warm-up. Runs on Node 24 (TypeScript sources through type stripping):
//   npm run bench:metadata -- [--tables 2000] [--runs 7]
import '../scripts/ts-hooks.mjs'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { median } from './lib/report.mjs'

const { assembleMetadataV3 } = await import('../src/metadata/assemble-v3.ts')
const { workspaceFiles } = await import('../src/project/files.ts')
const { gitTreeFiles } = await import('../src/git/git-tree.ts')
const { gitRunner } = await import('../src/git/git-run.ts')

const { values: args } = parseArgs({
  options: { tables: { type: 'string', default: '2000' }, runs: { type: 'string', default: '7' } },
})
const tableCount = Number(args.tables)
const runs = Number(args.runs)

function write(path, text) {
  mkdirSync(join(path, '..'), { recursive: true })
  writeFileSync(path, text)
}

/** One per-table file: two relationships, an event-trigger-free table with three roles' permissions. */
function tableFile(i) {
  return `table:
  name: t_${i}
  schema: public
configuration:
  custom_root_fields: {}
  custom_column_names:
    created_at: createdAt
object_relationships:
  - name: owner
    using:
      foreign_key_constraint_on: owner_id
array_relationships:
  - name: items
    using:
      foreign_key_constraint_on:
        column: parent_id
        table:
          name: t_${(i + 1) % tableCount}
          schema: public
insert_permissions:
  - role: user
    permission:
      check:
        owner_id:
          _eq: X-Hasura-User-Id
      set:
        owner_id: x-hasura-User-Id
      columns:
        - name
        - note
select_permissions:
  - role: user
    permission:
      columns:
        - id
        - name
        - note
        - created_at
      filter:
        _or:
          - owner_id:
              _eq: X-Hasura-User-Id
          - owner:
              public:
                _eq: true
      allow_aggregations: true
  - role: anonymous
    permission:
      columns:
        - id
        - name
      filter: {}
      limit: 100
update_permissions:
  - role: user
    permission:
      columns:
        - name
        - note
      filter:
        owner_id:
          _eq: X-Hasura-User-Id
      check: null
`
}

function writeMetadata(dir) {
  write(join(dir, 'metadata/version.yaml'), 'version: 3\n')
  write(
    join(dir, 'metadata/databases/databases.yaml'),
    `- name: default
  kind: postgres
  configuration:
    connection_info:
      database_url:
        from_env: HASURA_GRAPHQL_DATABASE_URL
  tables: "!include default/tables/tables.yaml"
`,
  )
  const includes = []
  for (let i = 0; i < tableCount; i++) {
    includes.push(`- "!include public_t_${i}.yaml"\n`)
    write(join(dir, `metadata/databases/default/tables/public_t_${i}.yaml`), tableFile(i))
  }
  write(join(dir, 'metadata/databases/default/tables/tables.yaml'), includes.join(''))
}

/** Wall and CPU milliseconds of each run after a warm-up (the machine may be shared: CPU time shows our part). */
async function time(files) {
  const wall = []
  const cpu = []
  for (let run = 0; run <= runs; run++) {
    const start = performance.now()
    const startCpu = process.cpuUsage()
    const metadata = await assembleMetadataV3(files, 'metadata')
    const used = process.cpuUsage(startCpu)
    const elapsed = performance.now() - start
    if (metadata.sources[0].tables.length !== tableCount)
      throw new Error('assembled the wrong number of tables')
    if (run === 0) continue // warms up the JIT
    wall.push(elapsed)
    cpu.push((used.user + used.system) / 1000)
  }
  return { wall, cpu }
}

const ms = (times) =>
  `${Math.round(median(times))} ms (${Math.round(Math.min(...times))}–${Math.round(Math.max(...times))})`

const dir = mkdtempSync(join(tmpdir(), 'metadata-v3-bench-'))
try {
  writeMetadata(dir)
  const workspace = await time(workspaceFiles(dir))
  const git = (...gitArgs) => execFileSync('git', gitArgs, { cwd: dir, stdio: 'pipe' })
  git('init', '--quiet')
  git('add', '--all')
  git(
    '-c',
    'user.name=bench',
    '-c',
    'user.email=bench@example.com',
    'commit',
    '--quiet',
    '--message',
    'metadata',
  )
  const sha = git('rev-parse', 'HEAD').toString().trim()
  const atCommit = await time(
    gitTreeFiles(
      gitRunner(dir, () => {}),
      sha,
      '',
    ),
  )
  console.log(
    `config v3 metadata assembly, ${tableCount} per-table files included from tables.yaml, median of ${runs}:`,
  )
  console.log(`  workspace:  wall ${ms(workspace.wall)}, CPU ${ms(workspace.cpu)}`)
  console.log(
    `  git commit: wall ${ms(atCommit.wall)}, CPU of this process ${ms(atCommit.cpu)} (git's own not counted)`,
  )
} finally {
  rmSync(dir, { recursive: true, force: true })
}
