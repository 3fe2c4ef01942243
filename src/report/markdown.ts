// Text for the job summary: everything taken from files, SQL or servers is escaped here, because
// core.summary escapes nothing.
import { posix } from 'node:path'

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '|': '&#124;',
  '\n': ' ',
  '\r\n': ' ',
}

/** Escapes text for a Markdown table cell or paragraph (HTML entities; pipes and newlines too). */
export function escapeText(text: string): string {
  return text.replace(/\r\n|[&<>|\n\\`*_[\]#]/g, (c) => ESCAPES[c] ?? `\\${c}`)
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
}

/**
 * Escapes text inside an HTML block (a `<summary>` line): Markdown is not read there, so a backslash
 * escape would show as a backslash; only HTML's own characters are escaped, newlines become spaces
 * (a blank line would end the block).
 */
export function escapeHtml(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/[&<>"]/g, (c) => HTML_ESCAPES[c]!)
}

/** Text cut to `max` characters at a word boundary, saying where the rest is. */
export function shortened(text: string, max: number, rest: string): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max - rest.length - 2)
  const space = cut.lastIndexOf(' ')
  return `${space > max / 2 ? cut.slice(0, space) : cut}… ${rest}`
}

/**
 * Text as inline code. Not a Markdown code span: inside one, backslash escapes and entities show
 * literally (a path would read `3\_create\_t`), so escaped text goes in a <code> element instead.
 */
export function code(text: string): string {
  return `<code>${escapeText(text)}</code>`
}

/** A fenced block of `text`, with a fence longer than any backtick run in it. */
export function fenced(text: string, language: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  return [`${fence}${language}`, text.replace(/\n$/, ''), fence].join('\n')
}

/** A project-relative file as a workspace-relative path (annotations, the summary). */
export function workspacePath(projectDir: string, file: string | undefined): string | undefined {
  if (!file) return undefined
  return posix.normalize(posix.join(projectDir.split('\\').join('/'), file))
}

/** A step's duration: under a millisecond is not "0 ms" (a down's share of a fast batch often is). */
export function formatDuration(ms: number): string {
  return ms < 0.5 ? '<1 ms' : `${Math.round(ms)} ms`
}

/** The first few of `items` for one line, then how many more `rest` holds: "a; b; c; and 4 more in the job summary". */
export function firstFew(items: readonly string[], rest: string, few = 3): string {
  const more = items.length - few
  return items.slice(0, few).join('; ') + (more > 0 ? `; and ${more} more ${rest}` : '')
}

/** Versions for one line: each of a few, else the first and the last (the table lists them all). */
export function versionList(versions: readonly string[]): string {
  return versions.length <= 10 ? versions.join(', ') : `${versions[0]} … ${versions.at(-1)}`
}
