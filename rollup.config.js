// One ES-module bundle in dist/ that the runner starts with node24 (and that runs on node20).
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'

export default {
  input: 'src/index.ts',
  output: {
    file: 'dist/index.js',
    format: 'es',
    sourcemap: false,
    // Bundled CommonJS (pg) still calls require() for Node built-ins.
    banner:
      "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  plugins: [
    typescript({ tsconfig: './tsconfig.build.json', outDir: 'dist', noEmit: false, module: 'NodeNext' }),
    nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
    commonjs({ ignore: ['pg-native'] }),
    json(),
  ],
  onwarn(warning, warn) {
    // @actions/* ship TypeScript's down-levelled helpers (`this && this.__awaiter`): harmless in ESM.
    if (warning.code === 'THIS_IS_UNDEFINED') return
    if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(warning.ids?.[0] ?? '')) return
    warn(warning)
  },
}
