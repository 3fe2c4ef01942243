// The only module that knows the action's input names. Turns raw inputs into a frozen, typed request;
// every refusal is one line naming the input at fault.
import { isAbsolute, relative, resolve } from 'node:path'
import { RollbackError } from './errors.js'

/** Which applied versions to revert. */
export type Selector =
  /** `version`: this one applied version (`hasura migrate apply --version V --type down`). */
  | { readonly kind: 'version'; readonly version: string }
  /** `count`: the N highest applied versions (`--down N`), or all of them. */
  | { readonly kind: 'count'; readonly count: number | 'all' }
  /** `to-version`: every applied version above this one (`--goto V`, downwards). */
  | { readonly kind: 'to-version'; readonly version: string }

export interface RollbackRequest {
  /** Absolute path of the workspace (GITHUB_WORKSPACE, else the working directory). */
  readonly workspace: string
  /** Hasura project directory, relative to the workspace. */
  readonly projectDir: string
  /** Hasura endpoint given as input; '' falls back to env, .env, config.yaml. */
  readonly endpoint: string
  /** Admin secret given as input; '' falls back to env, .env, config.yaml. */
  readonly adminSecret: string
  /** PostgreSQL URL; '' means the Hasura transport. */
  readonly databaseUrl: string
  /** What to revert; undefined when only `ref` was given. */
  readonly selector: Selector | undefined
  /** Config v3: the database (Hasura source) to roll back, ALL_DATABASES, or '' (see action.yml). */
  readonly databaseName: string
  /** Stable commit, tag or branch whose metadata is re-applied; '' when none. */
  readonly ref: string
  readonly applyMetadata: boolean
  readonly dryRun: boolean
  readonly allowDirty: boolean
  /** What a down that would destroy data does: listed with its count (`warn`), or the run refused. */
  readonly dataLoss: 'warn' | 'refuse'
  /** Seconds to wait for another rollback holding the database lock. */
  readonly lockTimeoutSeconds: number
  /** Seconds to wait for each answer of Hasura's admin API. */
  readonly httpTimeoutSeconds: number
  /** Token for the Actions API; only used for `ref: last-successful-run`. */
  readonly githubToken: string
  /** Workflow (file name or id) whose last successful run `ref: last-successful-run` means; '': this one. */
  readonly workflow: string
}

/** The `database-name` value that means every database. */
export const ALL_DATABASES = 'all'

/** The `ref` value that means "the head commit of this workflow's last successful run". */
export const LAST_SUCCESSFUL_RUN = 'last-successful-run'

export type InputReader = (name: string) => string

/** A uint64 written in decimal, as Hasura migration versions are; returned in canonical form. */
export function parseVersion(raw: string, what: string): string {
  if (!/^\d+$/.test(raw))
    throw new RollbackError(`${what} must be a migration version (digits only), got '${raw}'`)
  const value = BigInt(raw)
  if (value > 0xffff_ffff_ffff_ffffn)
    throw new RollbackError(`${what} '${raw}' is larger than a 64-bit version`)
  return value.toString()
}

function parseBoolean(raw: string, name: string): boolean {
  // The YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts them.
  if (['true', 'True', 'TRUE'].includes(raw)) return true
  if (['false', 'False', 'FALSE'].includes(raw)) return false
  throw new RollbackError(`Input '${name}' must be true or false, got '${raw}'`)
}

function parseCount(raw: string): number | 'all' {
  if (raw.toLowerCase() === 'all') return 'all'
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw)) || Number(raw) < 1) {
    throw new RollbackError(`Input 'count' must be a positive integer or 'all', got '${raw}'`)
  }
  return Number(raw)
}

/** Node's timers hold at most 2^31 - 1 ms (~24.8 days); a day is far beyond any useful wait. */
const MAX_HTTP_TIMEOUT_SECONDS = 86_400

function parseHttpTimeout(raw: string): number {
  const seconds = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN
  if (!(seconds > 0) || seconds > MAX_HTTP_TIMEOUT_SECONDS) {
    throw new RollbackError(
      `Input 'http-timeout' must be a positive number of seconds (at most ${MAX_HTTP_TIMEOUT_SECONDS}), got '${raw}'`,
    )
  }
  return seconds
}

/** A workflow file name (deploy.yml) or a numeric workflow id, as the Actions API takes them. */
function parseWorkflow(raw: string, ref: string): string {
  if (raw === '') return ''
  if (ref !== LAST_SUCCESSFUL_RUN) {
    throw new RollbackError(
      `Input 'workflow' is only used with 'ref: last-successful-run'${ref ? `, not with ref '${ref}'` : ''}: remove it, or set 'ref: last-successful-run'`,
    )
  }
  if (/^\d+$/.test(raw) || /^[^/\\]+\.ya?ml$/.test(raw)) return raw
  const fileName = /[/\\]([^/\\]+\.ya?ml)$/.exec(raw)?.[1]
  throw new RollbackError(
    fileName
      ? `Input 'workflow' takes the workflow's file name, not its path: use '${fileName}' instead of '${raw}'`
      : `Input 'workflow' must be a workflow file name such as deploy.yml, or a workflow id, got '${raw}'`,
  )
}

/** Postgres' lock_timeout takes at most INT_MAX milliseconds (about 24.8 days); a day is plenty. */
const MAX_LOCK_TIMEOUT_SECONDS = 86_400

function parseLockTimeout(raw: string): number {
  if (!/^\d+(\.\d+)?$/.test(raw)) {
    throw new RollbackError(`Input 'lock-timeout' must be a number of seconds, got '${raw}'`)
  }
  if (Number(raw) > MAX_LOCK_TIMEOUT_SECONDS) {
    throw new RollbackError(
      `Input 'lock-timeout' must be at most ${MAX_LOCK_TIMEOUT_SECONDS} seconds, got '${raw}'`,
    )
  }
  return Number(raw)
}

function parseProjectDir(projectDir: string, workspace: string): string {
  const inside = relative(workspace, resolve(workspace, projectDir))
  if (inside.startsWith('..') || isAbsolute(inside)) {
    throw new RollbackError(`Input 'project-dir' ('${projectDir}') points outside the workspace ${workspace}`)
  }
  return projectDir
}

/** '' (the input's default), `all`, or one database; `all` goes with `count` (or a ref) only. */
function parseDatabaseName(raw: string, selector: Selector | undefined): string {
  if (raw.toLowerCase() === 'all' && (selector?.kind === 'version' || selector?.kind === 'to-version')) {
    throw new RollbackError(
      `Input 'database-name: all' reverts a count of versions in every database; '${selector.kind}' names a version of one database: set 'database-name' to that database`,
    )
  }
  return raw.toLowerCase() === 'all' ? ALL_DATABASES : raw
}

function parseDataLoss(raw: string): 'warn' | 'refuse' {
  if (raw === 'warn' || raw === 'refuse') return raw
  throw new RollbackError(`Input 'data-loss' must be 'warn' or 'refuse', got '${raw}'`)
}

function parseSelector(read: InputReader): Selector | undefined {
  const given = (['version', 'count', 'to-version'] as const).filter((name) => read(name) !== '')
  if (given.length > 1) {
    throw new RollbackError(
      `Inputs ${given.map((n) => `'${n}'`).join(' and ')} exclude each other: set only one`,
    )
  }
  switch (given[0]) {
    case 'version':
      return { kind: 'version', version: parseVersion(read('version'), "Input 'version'") }
    case 'count':
      return { kind: 'count', count: parseCount(read('count')) }
    case 'to-version':
      return { kind: 'to-version', version: parseVersion(read('to-version'), "Input 'to-version'") }
    default:
      return undefined
  }
}

/**
 * `read` returns an input's value as the runner passes it ('' when unset); values are trimmed here.
 * `workspace` comes from GITHUB_WORKSPACE (or the working directory) and is resolved by the caller.
 */
export function parseInputs(read: InputReader, workspace: string): RollbackRequest {
  const get: InputReader = (name) => read(name).trim()
  const selector = parseSelector(get)
  const ref = get('ref')
  const applyMetadata = parseBoolean(get('apply-metadata') || 'true', 'apply-metadata')
  if (!selector && !ref) {
    throw new RollbackError(
      "Nothing selected: set one of 'version', 'count', 'to-version', or a stable 'ref'",
    )
  }
  if (applyMetadata && !ref) {
    throw new RollbackError(
      "Input 'apply-metadata' is true but no 'ref' names the stable commit whose metadata to apply: set 'ref', or 'apply-metadata: false' to revert the schema only",
    )
  }
  if (ref === LAST_SUCCESSFUL_RUN && !get('github-token')) {
    throw new RollbackError(
      "'ref: last-successful-run' needs input 'github-token' (default: ${{ github.token }})",
    )
  }
  return Object.freeze({
    workspace,
    projectDir: parseProjectDir(get('project-dir') || '.', workspace),
    endpoint: get('endpoint'),
    adminSecret: get('admin-secret'),
    databaseUrl: get('database-url'),
    selector,
    databaseName: parseDatabaseName(get('database-name'), selector),
    ref,
    applyMetadata,
    dryRun: parseBoolean(get('dry-run') || 'false', 'dry-run'),
    allowDirty: parseBoolean(get('allow-dirty') || 'false', 'allow-dirty'),
    dataLoss: parseDataLoss(get('data-loss') || 'warn'),
    lockTimeoutSeconds: parseLockTimeout(get('lock-timeout') || '60'),
    httpTimeoutSeconds: parseHttpTimeout(get('http-timeout') || '60'),
    githubToken: get('github-token'),
    workflow: parseWorkflow(get('workflow'), ref),
  })
}
