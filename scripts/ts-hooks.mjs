// Lets Node 24 run the project's TypeScript helpers directly (demo, bench): they import their parts
// as './x.js' (NodeNext style); this hook resolves those to the .ts files beside them.
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
