// One CommonJS bundle in dist/ that the runner starts with node24 (and that runs on node20).
// CommonJS, not ES: an ES module's import of a Node built-in builds a facade that reads every export,
// and on Node 24 reading node:http's loads undici (~20 ms of every start). dist/package.json says
// "commonjs" so the "module" type of the repository does not apply to the bundle.
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'
import { isBuiltin } from 'node:module'
import { fileURLToPath } from 'node:url'
import license from 'rollup-plugin-license'

/**
 * dist/licenses.txt: every third-party package with code in dist/, its licence and licence text.
 * Sorted by name, '\n' line ends: the same file on every machine, so the dist check covers it.
 */
function licensesText(dependencies) {
  const entries = [...dependencies]
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((d) => {
      const lines = [`${d.name}@${d.version}`, `License: ${d.license ?? 'not stated'}`]
      if (d.repository?.url) lines.push(`Repository: ${d.repository.url}`)
      for (const [title, text] of [
        ['License text', d.licenseText],
        ['Notice', d.noticeText],
      ]) {
        if (text) lines.push('', `${title}:`, '', text.replace(/\r\n?/g, '\n').trim())
      }
      if (!d.licenseText)
        lines.push('(The package ships no licence file; its package.json names the licence above.)')
      return lines.join('\n')
    })
  const header = 'Third-party packages bundled in dist/ (written by `npm run package`; do not edit).'
  return [header, ...entries].join('\n\n---\n\n') + '\n'
}

export default {
  input: 'src/index.ts',
  output: {
    dir: 'dist',
    entryFileNames: 'index.js',
    // Modules imported with import() load on first use, from a file of their own.
    chunkFileNames: '[name].js',
    format: 'cjs',
    sourcemap: false,
    // import() of a built-in becomes require(): import() builds the same facade (node:http: ~25 ms).
    dynamicImportInCjs: false,
  },
  treeshake: {
    // Nothing is imported for its side effects alone from these, so an import whose bindings went
    // unused is dropped: @actions/core imports @actions/http-client and undici (OIDC tokens, which we
    // never ask for: ~10 ms of every start) and @actions/exec (its platform details: exec then moves
    // to the git chunk with child_process, ~2 ms); @actions/io imports 'assert' (~1 ms).
    moduleSideEffects: (id, external) =>
      !(external && isBuiltin(id)) &&
      !/node_modules[\\/](@actions[\\/](http-client|exec|io)|undici)[\\/]/.test(id),
  },
  plugins: [
    typescript({ tsconfig: './tsconfig.build.json', outDir: 'dist', noEmit: false, module: 'NodeNext' }),
    nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
    // Built-ins stay require() calls where pg wrote them: hoisted to the top, its lazy require('tls') and
    // friends would load on every start, SSL or not.
    commonjs({ ignore: (id) => id === 'pg-native' || isBuiltin(id) }),
    json(),
    license({
      thirdParty: {
        // The licence of every package whose code lands in dist/ ships beside it.
        output: {
          file: fileURLToPath(new URL('dist/licenses.txt', import.meta.url)),
          template: licensesText,
        },
        // A bundled package under any other licence (or none) fails the build until someone decides.
        allow: {
          test: '(MIT OR ISC OR BSD-2-Clause OR BSD-3-Clause OR Apache-2.0)',
          failOnViolation: true,
          failOnUnlicensed: true,
        },
      },
    }),
    {
      name: 'dist-package-json',
      generateBundle() {
        this.emitFile({ type: 'asset', fileName: 'package.json', source: '{ "type": "commonjs" }\n' })
      },
    },
  ],
  onwarn(warning, warn) {
    // @actions/* ship TypeScript's down-levelled helpers (`this && this.__awaiter`): harmless here.
    if (warning.code === 'THIS_IS_UNDEFINED') return
    if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(warning.ids?.[0] ?? '')) return
    warn(warning)
  },
}
