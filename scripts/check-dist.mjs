// `npm run check-dist`: dist/ is what the runner starts, so it must be exactly what `npm run package`
// builds from the sources. Built here from an empty dist/, so a file that is no longer built shows up
// too; exit 1 naming the files that differ (as a GitHub error annotation when run in Actions). Used by
// .ci/run, the check-dist workflow and the release workflow.
import { execFileSync, spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' })
const error = (message) => {
  console.log(`${process.env.GITHUB_ACTIONS === 'true' ? '::error::' : ''}${message}`)
  process.exit(1)
}

rmSync(resolve(root, 'dist'), { recursive: true, force: true })
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const build = spawnSync(npm, ['run', '--silent', 'package'], {
  cwd: root,
  stdio: 'inherit',
  shell: process.platform === 'win32',
})
if (build.status !== 0) error("'npm run package' failed: dist/ could not be built")

if (git('status', '--porcelain', '--', 'dist') !== '') {
  process.stdout.write(git('status', '--short', '--', 'dist'))
  process.stdout.write(git('diff', '--stat', '--', 'dist'))
  error(
    "dist/ differs from what 'npm run package' builds: run it and commit dist/ (remove files it no longer builds)",
  )
}
console.log("dist/ is what 'npm run package' builds")
