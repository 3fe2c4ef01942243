// YAML reading for metadata files: values as plain JS plus a way back to the line of any value, so a
// user-facing error can point at `metadata/actions.yaml:12`.
import { isNode, LineCounter, parseDocument } from 'yaml'
import { errorMessage, RollbackError } from '../errors.js'
import type { ProjectFiles } from '../project/files.js'

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
  const lineCounter = new LineCounter()
  // merge: the CLI converts its YAML to JSON with YAML 1.1 rules, which resolve `<<` merge keys.
  const doc = parseDocument(text, { lineCounter, merge: true, prettyErrors: false })
  const [error] = doc.errors
  if (error !== undefined) {
    const line = lineCounter.linePos(error.pos[0]).line
    throw new RollbackError(`${path}:${line}: ${firstLine(error.message)}`, { file: path, line })
  }
  let value: unknown
  try {
    value = doc.toJS({ maxAliasCount })
  } catch (cause) {
    throw new RollbackError(`${path}: ${firstLine(errorMessage(cause))}`, { file: path, cause })
  }
  return {
    path,
    value,
    lineOf(valuePath) {
      const node: unknown = valuePath.length === 0 ? doc.contents : doc.getIn(valuePath, true)
      if (!isNode(node) || node.range == null) return undefined
      return lineCounter.linePos(node.range[0]).line
    },
  }
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

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
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
