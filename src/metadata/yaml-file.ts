// YAML reading for metadata files: values as plain JS plus a way back to the line of any value, so a
// user-facing error can point at `metadata/actions.yaml:12`. js-yaml reads the values: a metadata
// directory can hold thousands of small files, and it reads them ten times faster than the yaml
// package (docs/benchmarks.md). The yaml package, whose nodes know their lines, words the errors and
// finds lines; it also reads files with aliases, whose expansion it caps.
import * as jsYaml from 'js-yaml'
import { isNode, parseDocument, type ScalarTag } from 'yaml'
import { errorMessage, RollbackError } from '../errors.js'
import type { ProjectFiles } from '../project/files.js'

/** The value of a YAML `!include` tag (config v3 metadata), until it is followed (includes.ts). */
export class IncludeTag {
  constructor(readonly path: string) {}
}

// YAML 1.2's core schema, `<<` merge keys (the CLI converts its YAML with merges resolved) and `!include`.
// js-yaml exports its `merge` type at run time; its type declarations leave `types` out.
const { merge } = (jsYaml as unknown as { types: { merge: jsYaml.Type } }).types
const SCHEMA = jsYaml.CORE_SCHEMA.extend([
  merge,
  new jsYaml.Type('!include', { kind: 'scalar', construct: (path: string) => new IncludeTag(path) }),
])
const INCLUDE_TAG: ScalarTag = { tag: '!include', resolve: (path: string) => new IncludeTag(path) }
// An alias outside quotes: such files go to the yaml package, which caps alias expansion.
const ALIAS = /(^|[\s[{,:-])\*[^\s,\]}]/m

export type YamlPath = readonly (string | number)[]

export interface YamlFile {
  /** Project-relative path, as used in messages. */
  readonly path: string
  /** The document as plain JS (null for an empty document). */
  readonly value: unknown
  /** 1-based line where the value at `path` starts, when it can be found. */
  lineOf(path: YamlPath): number | undefined
}

// One anchored block may be reused by many tables; the cap only stops exponential alias expansion.
const maxAliasCount = 10_000

export function parseYamlFile(text: string, path: string): YamlFile {
  const parse = () => parseDocument(text, { merge: true, prettyErrors: false, customTags: [INCLUDE_TAG] })
  const lineOf = (valuePath: YamlPath) => {
    // Parsed again only for a message: keeping every file's document for it would hold thousands of
    // them at once (a metadata directory with a file per table), and collecting them is slow.
    const again = parse()
    const node: unknown = valuePath.length === 0 ? again.contents : again.getIn(valuePath, true)
    if (!isNode(node) || node.range == null) return undefined
    return lineAt(text, node.range[0])
  }
  if (!ALIAS.test(text)) {
    try {
      return { path, value: jsYaml.load(text, { schema: SCHEMA }) ?? null, lineOf }
    } catch {
      // Worded below by the yaml package, as every other YAML error.
    }
  }
  const doc = parse()
  const [error] = doc.errors
  if (error !== undefined) {
    const line = lineAt(text, error.pos[0])
    throw new RollbackError(`${path}:${line}: ${firstLine(error.message)}`, { file: path, line })
  }
  let value: unknown
  try {
    value = doc.toJS({ maxAliasCount })
  } catch (cause) {
    throw new RollbackError(`${path}: ${firstLine(errorMessage(cause))}`, { file: path, cause })
  }
  return { path, value, lineOf }
}

/** The 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++
  return line
}

/** The parsed file, or undefined when it does not exist. */
export async function readYamlFile(files: ProjectFiles, path: string): Promise<YamlFile | undefined> {
  const text = await files.readText(path)
  return text === undefined ? undefined : parseYamlFile(text, path)
}

/** A RollbackError placed at the value found at `valuePath` (or at the file when it cannot be found). */
export function yamlError(file: YamlFile, valuePath: YamlPath, problem: string): RollbackError {
  const line = file.lineOf(valuePath)
  const where = line === undefined ? file.path : `${file.path}:${line}`
  return new RollbackError(`${where}: ${problem}`, { file: file.path, line })
}

export function describeYamlValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  return `the ${typeof value} ${JSON.stringify(value)}`
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? message
}
