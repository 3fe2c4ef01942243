// `!include` in config v3 metadata, followed as the Hasura CLI follows it under a database's `tables`
// and `functions`: the YAML tag (`tables: !include "default/tables/tables.yaml"`) or any string that
// contains `!include` (the CLI drops the first word, joins the rest with spaces and trims `"`). A path is
// relative to the folder of the file that holds it; a `.yaml` file is parsed and the includes inside
// it followed in turn, any other file gives its text. Unlike the CLI, a path that leaves the metadata
// directory and an include cycle are refused (the CLI reads the first and loops on the second).
import { posix } from 'node:path'
import { isRecord } from '../json.js'
import type { ProjectFiles } from '../project/files.js'
import {
  describeYamlValue,
  IncludeTag,
  readYamlFile,
  yamlError,
  type YamlFile,
  type YamlPath,
} from './yaml-file.js'

/** A value and where it was read: the file, its path in that file, and the includes that led there. */
export interface Located {
  readonly value: unknown
  readonly file: YamlFile
  readonly path: YamlPath
  /** Files being included, outermost first, ending with `file`: an include of one of them is a cycle. */
  readonly chain: readonly string[]
}

/** The located value at the top of `file`. */
export function locateFile(file: YamlFile, chain: readonly string[] = []): Located {
  return { value: file.value, file, path: [], chain: [...chain, file.path] }
}

/** The located value under `at` reached by `key` (a list index or mapping key). */
function child(at: Located, key: string | number, value: unknown): Located {
  return { value, file: at.file, path: [...at.path, key], chain: at.chain }
}

/** The path an include names, or undefined when `value` is no include. */
function includePath(value: unknown): string | undefined {
  if (value instanceof IncludeTag) return value.path
  if (typeof value !== 'string' || !value.includes('!include')) return undefined
  return value
    .split(' ')
    .slice(1)
    .join(' ')
    .replace(/^"+|"+$/g, '')
}

export class IncludeResolver {
  readonly #files: ProjectFiles
  readonly #metadataDirectory: string

  /** `metadataDirectory` is project-relative; no include may leave it. */
  constructor(files: ProjectFiles, metadataDirectory: string) {
    this.#files = files
    this.#metadataDirectory = posix.normalize(metadataDirectory)
  }

  /** A YAML file that may hold `!include` tags; undefined when it does not exist. */
  readYaml(path: string): Promise<YamlFile | undefined> {
    return readYamlFile(this.#files, path)
  }

  /**
   * The list at `at` (itself possibly an include) with each entry followed and resolved, located where
   * the entry was written; undefined for null. Entries are read together, so that a commit's files come
   * in one batch.
   */
  async entries(at: Located): Promise<Located[] | undefined> {
    const list = await this.#follow(at)
    if (list.value == null) return undefined
    if (!Array.isArray(list.value)) {
      throw yamlError(list.file, list.path, `expected a list, found ${describeYamlValue(list.value)}`)
    }
    return settleInOrder(
      list.value.map(async (value: unknown, index) => {
        const entry = await this.#follow(child(list, index, value))
        return { ...entry, value: await this.#resolveInside(entry) }
      }),
    )
  }

  /** `at.value` with every include in it followed. */
  async #resolve(at: Located): Promise<unknown> {
    return this.#resolveInside(await this.#follow(at))
  }

  async #resolveInside(at: Located): Promise<unknown> {
    const { value } = at
    // Most files hold no include below their top: one walk answers without a promise per value.
    if (pathTo(value, (item) => includePath(item) !== undefined) === undefined) return value
    if (Array.isArray(value)) return settleInOrder(value.map((item, i) => this.#resolve(child(at, i, item))))
    if (!isRecord(value)) return value
    const keys = Object.keys(value)
    const resolved = await settleInOrder(keys.map((key) => this.#resolve(child(at, key, value[key]))))
    return Object.fromEntries(keys.map((key, i) => [key, resolved[i]]))
  }

  /** Follows includes at the top of `at` until a value that is none; the text of a non-YAML file ends it. */
  async #follow(at: Located): Promise<Located> {
    let current = at
    for (let path = includePath(current.value); path !== undefined; path = includePath(current.value)) {
      const target = this.#target(current, path)
      if (posix.extname(target) !== '.yaml')
        return { ...current, value: await this.#readText(current, target) }
      const file = await this.readYaml(target)
      if (file === undefined)
        throw yamlError(current.file, current.path, `included file ${target} does not exist`)
      current = locateFile(file, current.chain)
    }
    return current
  }

  /** The project-relative file an include at `at` names, refused when it leaves the metadata directory or loops. */
  #target(at: Located, path: string): string {
    if (path.trim() === '') throw yamlError(at.file, at.path, '!include names no file')
    const target = posix.join(posix.dirname(at.file.path), path)
    const inside = posix.relative(this.#metadataDirectory, target)
    if (inside === '..' || inside.startsWith('../') || posix.isAbsolute(inside)) {
      throw yamlError(
        at.file,
        at.path,
        `!include ${path} leaves the metadata directory ${this.#metadataDirectory}`,
      )
    }
    if (at.chain.includes(target)) {
      const cycle = [...at.chain.slice(at.chain.indexOf(target)), target].join(' → ')
      throw yamlError(at.file, at.path, `!include ${path} makes a cycle: ${cycle}`)
    }
    return target
  }

  async #readText(at: Located, target: string): Promise<string> {
    const text = await this.#files.readText(target)
    if (text === undefined) throw yamlError(at.file, at.path, `included file ${target} does not exist`)
    return text
  }
}

/** The path in `value` to an `!include` tag left where includes are not followed, if any. */
export function findIncludeTag(value: unknown): YamlPath | undefined {
  return pathTo(value, (item) => item instanceof IncludeTag)
}

/** The path to the first value in `value` (itself included) that passes `test`, depth first. */
function pathTo(
  value: unknown,
  test: (value: unknown) => boolean,
  path: YamlPath = [],
): YamlPath | undefined {
  if (test(value)) return path
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : isRecord(value)
      ? Object.entries(value)
      : []
  for (const [key, item] of entries) {
    const found = pathTo(item, test, [...path, key])
    if (found !== undefined) return found
  }
  return undefined
}

/**
 * Awaits every promise; throws the first failure in list order rather than the first in time, so the
 * error reported does not depend on which file was read first.
 */
export async function settleInOrder<T>(promises: readonly Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(promises)
  return settled.map((result) => {
    if (result.status === 'rejected') throw result.reason
    return result.value
  })
}
