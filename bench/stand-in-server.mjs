// Runs test/support/hasura-stand-in.ts for bench/rollback.mjs, under Node 24 with
// --experimental-transform-types. The stand-in imports its parts as './x.js' (NodeNext style): this
// hook resolves those to the .ts files beside them. Talks to the parent over IPC.
import { existsSync } from 'node:fs'
import { registerHooks } from 'node:module'
import { fileURLToPath } from 'node:url'

registerHooks({
  resolve(specifier, context, next) {
    if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
      const typescript = new URL(`${specifier.slice(0, -3)}.ts`, context.parentURL)
      if (existsSync(fileURLToPath(typescript))) return next(typescript.href, context)
    }
    return next(specifier, context)
  },
})

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
