// `npm run validate`: every workflow in .github/workflows, every example in examples/ and action.yml
// against the JSON schemas GitHub's files follow (@action-validator/core, action-validator built to
// WebAssembly: no download, any OS). One line per file; exit 1 when any file is invalid.
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { validateAction, validateWorkflow } from '@action-validator/core'
import { parse } from 'yaml'

const root = resolve(import.meta.dirname, '..')
const RUNTIME = 'node24'

const yamlFiles = (dir) =>
  readdirSync(join(root, dir))
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => `${dir}/${name}`)

/** Each error on one line, the alternatives of a one_of indented below it. */
function errorLines(errors, indent = '  ') {
  return errors.flatMap((e) => [
    `${indent}${e.path ?? ''} ${e.title}${e.detail ? `: ${e.detail}` : ''}`.trimEnd(),
    ...(e.states ?? []).flatMap((state) => errorLines(state.errors, `${indent}  `)),
  ])
}

/**
 * action.yml: the validator's schema predates `runs.using: node24` (it lists node12 to node20), so the
 * runtime is checked here and the rest of the file against the schema, with the runtime swapped for
 * one the schema knows.
 */
function checkAction(text) {
  const using = parse(text)?.runs?.using
  if (using !== RUNTIME) return [`  /runs/using is '${using}': the bundle is built for ${RUNTIME}`]
  const known = text.replace(/^(\s+using:\s*)['"]?node24['"]?\s*$/m, '$1node20')
  return errorLines(validateAction(known).errors)
}

const files = [...yamlFiles('.github/workflows'), ...yamlFiles('examples'), 'action.yml']
let invalid = 0
for (const file of files) {
  const text = readFileSync(join(root, file), 'utf8')
  const problems = file === 'action.yml' ? checkAction(text) : errorLines(validateWorkflow(text).errors)
  console.log(`${problems.length ? 'INVALID' : 'ok     '} ${file}`)
  for (const line of problems) console.log(line)
  if (problems.length) invalid++
}
console.log(`${files.length - invalid} of ${files.length} files valid`)
if (invalid) process.exit(1)
