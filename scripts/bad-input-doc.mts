// Writes docs/bad-input.md from the catalog the e2e test runs (Node 24 strips the types):
//   npm run docs
import { badInputs } from '../test/e2e/bad-input-catalog.ts'
const lines = [
  '# What hasura-rollback refuses',
  '',
  'Each row is run by `test/e2e/bad-input.test.ts` against the bundled action: the run exits 1 with',
  "`status: failed`, one `::error::` line containing the text below, and the database and Hasura's",
  'metadata exactly as they were. Base case: `count: 1`, `ref: v1`, `database-url`, `endpoint` and',
  '`admin-secret` given, on a project with three applied migrations.',
  '',
  '| area | what | refused with a line containing |',
  '| --- | --- | --- |',
  ...badInputs.map((c) => `| ${c.area} | ${c.what} | ${c.says.replace(/\|/g, '\\|')} |`),
  '',
]
process.stdout.write(lines.join('\n'))
