// Runs test/support/hasura-stand-in.ts for bench/rollback.mjs, under Node 24 with
// --experimental-transform-types (scripts/ts-hooks.mjs resolves its './x.js' imports to .ts). Talks
// to the parent over IPC.
import '../scripts/ts-hooks.mjs'

const { startHasuraStandIn } = await import('../test/support/hasura-stand-in.ts')
const standIn = await startHasuraStandIn({ databaseUrl: process.env.BENCH_DATABASE_URL, generation: 'v2' })
process.on('message', async (message) => {
  if (message === 'requests') {
    process.send(standIn.requests.map((r) => `${r.path} ${r.body?.type ?? ''}`.trim()))
  } else if (message === 'close') {
    await standIn.close()
    process.disconnect()
  }
})
process.send({ url: standIn.url })
