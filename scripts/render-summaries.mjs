// `npm run summaries [-- --out <dir>] [--open]`: the job summaries and error lines of typical runs, rendered as
// GitHub shows them, to look at before and after changing src/report/. Each run's result is built here
// as data (the report is a pure function of it) and rendered by the real src/report/report.ts; the
// Markdown goes through cmark-gfm (GitHub-flavoured Markdown: tables, raw HTML such as <details>),
// into a page about as wide as GitHub's summary (900 px of text), and headless Chromium takes a
// screenshot of the whole page. Written to <dir> (default: <tmp>/hasura-rollback-summaries): per run
// its .md, .html and .png. Needs Node 24 (started through scripts/on-node24.mjs), cmark-gfm and
// chromium; not needed by the tests.
import './ts-hooks.mjs'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const { buildReport } = await import('../src/report/report.ts')
const { restoreMetadataCommand } = await import('../src/metadata/restore.ts')
const { destructiveStatements } = await import('../src/sql/destructive.ts')
const fixtures = await import('../test/support/report-fixtures.ts')

const INSTALL = {
  'cmark-gfm': 'apt-get install cmark-gfm',
  chromium:
    'apt-get install chromium (emoji: fonts-noto-color-emoji; fonts close to GitHub’s: fonts-liberation)',
}

function missingTools() {
  return Object.keys(INSTALL).filter((tool) => spawnSync(tool, ['--version']).error !== undefined)
}

// ── The runs ─────────────────────────────────────────────────────────────────────────────────────────

const PROJECT_DIR = 'hasura'
const BACKUP = '/home/runner/work/_temp/hasura-metadata-backup-2026-03-14T03-12-55-101Z.json'

const DOWNS = {
  '1700000000005_add_preferred_notification_channel_to_user_profile_settings':
    'ALTER TABLE public.user_profile_settings DROP COLUMN preferred_notification_channel;\n',
  '1700000000004_add_article_tags': 'ALTER TABLE public.article DROP COLUMN tags;\n',
  '1700000000003_backfill_author_slugs':
    '-- Undo the slugs backfill.\nUPDATE public.author\n   SET slug = NULL\n WHERE slug_generated;\n\nALTER TABLE public.author\n  DROP COLUMN slug_generated;\n',
  '1700000000002_create_article':
    'DROP TRIGGER IF EXISTS article_audit ON public.article;\nDROP TABLE public.article;\n',
}

/** A step of the table, named by its folder; `database` and `dir` for config v3. */
function step(label, status, durationMs, { database, sql = DOWNS[label], dir } = {}) {
  const [version, ...name] = label.split('_')
  return { ...fixtures.step(version, status, name.join('_'), sql, database, dir), durationMs }
}

/** What the destroying statements of `steps` were measured to hold: `counts` in order (rows or values). */
function measured(steps, counts) {
  const targets = steps.flatMap((s) =>
    destructiveStatements(s.down.scan).map((d) => ({
      ...d,
      database: s.database,
      version: s.version,
      file: s.down.path,
    })),
  )
  return targets.map((t, i) => ({ ...t, count: counts[i] }))
}

function result(fields) {
  return fixtures.result({
    dataLoss: fields.steps ? measured(fields.steps, [1204, 0, 87, 12_345, 3]) : [],
    databases: [{ name: 'default', committed: fields.committed ?? false }],
    ...fields,
  })
}

const metadata = (fields) =>
  fixtures.metadata({
    subject: 'Release 1.4: author profiles',
    backupPath: BACKUP,
    restoreCommand: restoreMetadataCommand(BACKUP, 'v2'),
    changes: [
      { kind: 'removed', what: 'table public.article' },
      { kind: 'changed', what: 'select permission for role user on public.author' },
    ],
    ...fields,
  })

const failingDown =
  '-- Undo the slugs backfill.\nUPDATE public.author\n   SET slug = NULL\n WHERE slug_generated;\n\nALTER TABLE public.author\n  DROP COLUMN slug_generated,\n  DROP COLUMN no_such_column;\n'
const failedAt = `migrations/1700000000003_backfill_author_slugs/down.sql`

const noDowns = Array.from({ length: 107 }, (_, i) => {
  const version = String(1690000000000 + i * 1000)
  return {
    version,
    file: `migrations/${version}_generated_change_${i}/up.sql`,
    message: `Migration ${version}_generated_change_${i} has no down.sql`,
  }
})

/** The steps of a config v3 run over two databases, intuition and cache. */
const v3Step = {
  tags: step('1720000000003_add_article_tags', 'reverted', undefined, {
    database: 'intuition',
    dir: 'migrations/intuition',
    sql: DOWNS['1700000000004_add_article_tags'],
  }),
  article: step('1720000000002_create_article', 'reverted', undefined, {
    database: 'intuition',
    dir: 'migrations/intuition',
    sql: DOWNS['1700000000002_create_article'],
  }),
  sessions: step('1720000000001_create_sessions', 'reverted', undefined, {
    database: 'cache',
    dir: 'migrations/cache',
    sql: 'DROP TABLE cache.sessions;\n',
  }),
}

const runs = {
  success: result({
    committed: true,
    databases: [{ name: 'default', committed: true }],
    steps: [
      step('1700000000005_add_preferred_notification_channel_to_user_profile_settings', 'reverted', 1.1),
      step('1700000000004_add_article_tags', 'reverted', 3.2),
      step('1700000000003_backfill_author_slugs', 'reverted', 41.7),
      step('1700000000002_create_article', 'reverted', 0.3),
    ],
    metadata: metadata({}),
  }),
  failure: result({
    status: 'failed',
    transport: 'hasura',
    steps: [
      step('1700000000004_add_article_tags', 'undone'),
      step('1700000000003_backfill_author_slugs', 'failed', undefined, { sql: failingDown }),
      step('1700000000002_create_article', 'not-executed'),
    ],
    failure: {
      message: `Down migration 1700000000003_backfill_author_slugs failed at ${failedAt}:8: column "no_such_column" of relation "author" does not exist (SQLSTATE 42703). The transaction was rolled back: nothing was changed`,
      version: '1700000000003',
      file: failedAt,
      line: 8,
    },
    metadata: metadata({ applied: false, inconsistentObjects: [] }),
  }),
  refusal: result({ status: 'failed', databases: [], problems: noDowns }),
  'dry-run': result({
    status: 'dry-run',
    steps: [
      step('1700000000004_add_article_tags', 'rehearsed', 2.9),
      step('1700000000003_backfill_author_slugs', 'rehearsed', 38.1),
      step('1700000000002_create_article', 'rehearsed', 0.4),
    ],
    metadata: metadata({ applied: false }),
  }),
  'config-v3': result({
    configVersion: 3,
    transport: 'hasura',
    committed: true,
    databases: [
      { name: 'intuition', committed: true },
      { name: 'cache', committed: true, stateWrite: 'written' },
    ],
    steps: [v3Step.tags, v3Step.article, v3Step.sessions],
    metadata: metadata({}),
  }),
  'config-v3-partly': result({
    status: 'failed',
    configVersion: 3,
    transport: 'hasura',
    committed: true,
    databases: [
      { name: 'intuition', committed: true },
      { name: 'cache', committed: true, stateWrite: 'failed' },
    ],
    steps: [v3Step.article, v3Step.sessions],
    failure: {
      message:
        'Rolled back database(s) intuition, cache. The downs of database cache were committed (reverted 1720000000001), but writing the catalog state through Hasura failed: Cannot reach Hasura at https://hasura.example.com: connection reset. Run the rollback again: it finishes the write and reverts nothing more',
    },
    metadata: metadata({ applied: false, inconsistentObjects: [] }),
  }),
  inconsistent: result({
    status: 'failed',
    committed: true,
    databases: [{ name: 'default', committed: true }],
    steps: [step('1700000000002_create_article', 'reverted', 5.5)],
    failure: {
      message: `Hasura reports 1 inconsistent object(s) after applying the metadata of ${fixtures.SHA}: author.articles: no such table/view exists in source: "article". The previous metadata is in ${BACKUP}`,
    },
    metadata: metadata({
      inconsistentObjects: [
        {
          type: 'array_relation',
          name: 'author.articles',
          reason: 'no such table/view exists in source: "article"',
        },
      ],
    }),
  }),
}

// ── Rendering ────────────────────────────────────────────────────────────────────────────────────────

// The parts of GitHub's light theme that decide a summary's layout (github-markdown-css, abridged).
const STYLE = `
body { margin: 0; background: #f6f8fa; color: #1f2328;
  font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
.page { width: 940px; margin: 16px auto; }
.box { background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; padding: 16px 20px; margin-bottom: 16px; }
.box > h4 { margin: 0 0 8px; font-size: 14px; }
.annotation { padding: 6px 0; border-top: 1px solid #d1d9e0; overflow-wrap: anywhere; }
.annotation .where { color: #59636e; font-size: 12px; }
.error::before { content: "Error "; color: #d1242f; font-weight: 600; }
.notice::before { content: "Notice "; color: #0969da; font-weight: 600; }
.markdown-body > *:first-child { margin-top: 0; }
.markdown-body h2 { font-size: 1.5em; font-weight: 600; padding-bottom: .3em; border-bottom: 1px solid #d1d9e0b3; margin: 24px 0 16px; }
.markdown-body h3 { font-size: 1.25em; font-weight: 600; margin: 24px 0 16px; }
.markdown-body p, .markdown-body ul, .markdown-body table, .markdown-body pre, .markdown-body blockquote,
.markdown-body details { margin: 0 0 16px; }
.markdown-body ul { padding-left: 2em; }
.markdown-body table { display: block; width: max-content; max-width: 100%; overflow: auto; border-spacing: 0; border-collapse: collapse; }
.markdown-body th, .markdown-body td { padding: 6px 13px; border: 1px solid #d1d9e0; }
.markdown-body th { font-weight: 600; } .markdown-body tr:nth-child(2n) { background: #f6f8fa; }
.markdown-body code { font: 85% ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
  padding: .2em .4em; background: #818b981f; border-radius: 6px; }
.markdown-body pre { padding: 16px; overflow: auto; line-height: 1.45; background: #f6f8fa; border-radius: 6px; }
.markdown-body pre code { padding: 0; background: transparent; font-size: 85%; }
.markdown-body blockquote { padding: 0 1em; color: #59636e; border-left: .25em solid #d1d9e0; }
.markdown-body summary { cursor: pointer; }
`

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** The error and notices of the step as the run page lists them above the summary. */
function annotationsBox(report) {
  const all = [...report.annotations, ...(report.failure ? [report.failure] : [])]
  if (all.length === 0) return ''
  const rows = all.map((a) => {
    const where = a.file ? `<div class="where">${escapeHtml(a.file)}${a.line ? `#L${a.line}` : ''}</div>` : ''
    return `<div class="annotation ${a.level}">${escapeHtml(a.message)}${where}</div>`
  })
  return `<div class="box"><h4>Annotations</h4>${rows.join('')}</div>`
}

function toHtml(markdown) {
  const run = spawnSync(
    'cmark-gfm',
    ['--unsafe', '-e', 'table', '-e', 'strikethrough', '-e', 'autolink', '-e', 'tagfilter'],
    { input: markdown, encoding: 'utf8' },
  )
  if (run.status !== 0) throw new Error(`cmark-gfm failed: ${run.stderr}`)
  return run.stdout
}

function chromium(args, profile) {
  const run = spawnSync(
    'chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--user-data-dir=${profile}`,
      ...args,
    ],
    { encoding: 'utf8', timeout: 60_000 },
  )
  if (run.status !== 0) throw new Error(`chromium failed: ${run.stderr}`)
  return run.stdout
}

/** The page's height, measured by the page itself, then a screenshot of exactly that. */
function screenshot(htmlFile, pngFile) {
  const profile = mkdtempSync(join(tmpdir(), 'render-summaries-chromium-'))
  try {
    const url = pathToFileURL(htmlFile).href
    const dom = chromium(['--window-size=1000,800', '--dump-dom', url], profile)
    const height = Number(/<title>(\d+)<\/title>/.exec(dom)?.[1] ?? 2000)
    chromium([`--window-size=1000,${height}`, '--hide-scrollbars', `--screenshot=${pngFile}`, url], profile)
  } finally {
    rmSync(profile, { recursive: true, force: true })
  }
}

function render(name, result, out, open) {
  const report = buildReport(result, { projectDir: PROJECT_DIR })
  const base = join(out, name)
  writeFileSync(`${base}.md`, report.summary)
  const page = [
    '<!doctype html><html><head><meta charset="utf-8"><title>0</title>',
    `<style>${STYLE}</style></head><body><div class="page">`,
    annotationsBox(report),
    `<div class="box markdown-body">${toHtml(report.summary)}</div>`,
    '</div><script>',
    open ? "for (const d of document.querySelectorAll('details')) d.open = true" : '',
    'document.title = String(document.documentElement.scrollHeight)</script></body></html>',
  ].join('\n')
  writeFileSync(`${base}.html`, page)
  screenshot(`${base}.html`, `${base}.png`)
  return `${base}.png`
}

const missing = missingTools()
if (missing.length > 0) {
  for (const tool of missing) process.stderr.write(`${tool} is missing: ${INSTALL[tool]}\n`)
  process.exit(1)
}
// --open: every <details> shown open (GitHub shows them closed), to look at what they hold.
const open = process.argv.includes('--open')
const outAt = process.argv.indexOf('--out')
const out = resolve(outAt > 0 ? process.argv[outAt + 1] : join(tmpdir(), 'hasura-rollback-summaries'))
mkdirSync(out, { recursive: true })
for (const [name, result] of Object.entries(runs))
  process.stdout.write(`${render(name, result, out, open)}\n`)
