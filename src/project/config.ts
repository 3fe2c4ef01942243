// config.yaml (config v2 and v3) with the Hasura CLI's precedence: explicit option → HASURA_GRAPHQL_* environment
// → the project's `.env` → config.yaml → default (cli/cli.go readConfig + loadEnvfile).
import { parseDocument } from 'yaml'
import { RollbackError } from '../errors.js'
import { isRecord } from '../json.js'
import { DOT_ENV_FILE, parseDotEnv } from './dotenv.js'
import type { ProjectFiles } from './files.js'

export const CONFIG_FILE = 'config.yaml'

export interface ApiPaths {
  /** Each without leading or trailing '/': the CLI joins them onto the endpoint's path (path.Join). */
  query: string
  v2Query: string
  v1Metadata: string
  version: string
}

export interface ProjectConfig {
  /** Project-relative name of the config file, for messages: 'config.yaml'. */
  configFile: string
  /** Config v2: one database, state in hdb_catalog.schema_migrations; v3: one folder of migrations per database, state in the catalog state. */
  version: 2 | 3
  /** http(s) URL without trailing '/'; a path prefix is kept (API paths join onto it). */
  endpoint: string
  /**
   * `admin_secret`, falling back to the first of `admin_secrets` (config v3: a JSON list in a string),
   * then the legacy `access_key`; undefined when none is set.
   */
  adminSecret: string | undefined
  /** Every secret the config holds, to mask (all of `admin_secrets`, not only the one sent). */
  secrets: string[]
  /** Config v3 `metadata_file` (single-file metadata), as written; undefined when not set. */
  metadataFile: string | undefined
  metadataDirectory: string
  migrationsDirectory: string
  apiPaths: ApiPaths
  insecureSkipTlsVerify: boolean
  /** `certificate_authority` as written (a path to a PEM file); undefined when not set. */
  certificateAuthority: string | undefined
}

/** Values from action inputs; '' means not given. */
export interface ConfigOverrides {
  endpoint?: string
  adminSecret?: string
}

type Env = Readonly<Record<string, string | undefined>>

/** One setting's winning value and where it came from, for messages. */
interface Setting {
  value: string
  from: string
}

// Keys as the CLI's viper names them; the env name is HASURA_GRAPHQL_ + upper case, dots → '_'.
const DEFAULTS: Readonly<Record<string, string>> = {
  endpoint: 'http://localhost:8080',
  metadata_directory: 'metadata',
  migrations_directory: 'migrations',
  'api_paths.query': 'v1/query',
  'api_paths.v2_query': 'v2/query',
  'api_paths.v1_metadata': 'v1/metadata',
  'api_paths.version': 'v1/version',
  // The CLI's default: a config.yaml without `version` is config v1.
  version: '1',
}

export function envName(key: string): string {
  return `HASURA_GRAPHQL_${key.toUpperCase().replaceAll('.', '_')}`
}

export async function loadProjectConfig(
  files: ProjectFiles,
  env: Env,
  overrides: ConfigOverrides,
): Promise<ProjectConfig> {
  const configText = await files.readText(CONFIG_FILE)
  if (configText === undefined) {
    throw new RollbackError(
      `${CONFIG_FILE} not found in ${files.origin}: point the project-dir input at the Hasura project directory`,
      { file: CONFIG_FILE },
    )
  }
  const fileValues = parseConfigYaml(configText)
  const dotEnvText = await files.readText(DOT_ENV_FILE)
  const dotEnv = dotEnvText === undefined ? {} : parseDotEnv(dotEnvText, env)
  const overrideValues: Record<string, string | undefined> = {
    endpoint: overrides.endpoint,
    admin_secret: overrides.adminSecret,
  }
  const inputNames: Record<string, string> = { endpoint: 'endpoint', admin_secret: 'admin-secret' }

  const setting = (key: string): Setting | undefined => {
    const name = envName(key)
    // Empty counts as unset at every level but config.yaml, as with viper and gotenv.
    const candidates: [string | undefined, string][] = [
      [overrideValues[key], `the ${inputNames[key]} input`],
      [env[name], name],
      [dotEnv[name], `${name} in ${DOT_ENV_FILE}`],
    ]
    for (const [value, from] of candidates) if (value !== undefined && value !== '') return { value, from }
    const fromFile = fileValues.get(key)
    if (fromFile !== undefined) return { value: fromFile, from: `${key} in ${CONFIG_FILE}` }
    const fallback = DEFAULTS[key]
    return fallback === undefined ? undefined : { value: fallback, from: `the default ${key}` }
  }
  const required = (key: string): Setting => setting(key) ?? { value: '', from: key }

  const version = checkVersion(required('version'), fileValues.has('version'))
  const secrets = adminSecretsOf(setting)
  const certificateAuthority = setting('certificate_authority')?.value
  return {
    configFile: CONFIG_FILE,
    version,
    endpoint: parseEndpoint(required('endpoint')),
    adminSecret: secrets[0],
    secrets,
    metadataFile: version === 3 ? setting('metadata_file')?.value || undefined : undefined,
    metadataDirectory: directory(required('metadata_directory')),
    migrationsDirectory: directory(required('migrations_directory')),
    apiPaths: {
      query: apiPath(required('api_paths.query')),
      v2Query: apiPath(required('api_paths.v2_query')),
      v1Metadata: apiPath(required('api_paths.v1_metadata')),
      version: apiPath(required('api_paths.version')),
    },
    insecureSkipTlsVerify: parseBool(setting('insecure_skip_tls_verify')),
    certificateAuthority: certificateAuthority === '' ? undefined : certificateAuthority,
  }
}

/**
 * config.yaml as viper sees it: YAML 1.1 (the CLI's yaml.v2: `yes` is true, `0777` is octal), keys
 * case-insensitive, a repeated key keeps its last value, nested keys joined with '.', null = unset.
 */
function parseConfigYaml(text: string): Map<string, string> {
  const document = parseDocument(text, { version: '1.1', uniqueKeys: false, intAsBigInt: true })
  const [error] = document.errors
  if (error !== undefined) {
    const line = error.linePos?.[0].line
    const where = line === undefined ? '' : ` line ${line}`
    const reason = error.message.split('\n')[0] ?? ''
    throw new RollbackError(`${CONFIG_FILE}${where} is not valid YAML: ${reason}`, {
      file: CONFIG_FILE,
      line,
    })
  }
  const root: unknown = document.toJS()
  const values = new Map<string, string>()
  if (root === null || root === undefined) return values
  if (!isMapping(root))
    throw new RollbackError(`${CONFIG_FILE} must be a YAML mapping of keys`, { file: CONFIG_FILE })
  flatten(root, '', values)
  return values
}

function flatten(mapping: Record<string, unknown>, prefix: string, into: Map<string, string>): void {
  for (const [rawKey, value] of Object.entries(mapping)) {
    const key = prefix + rawKey.toLowerCase()
    if (value === null || value === undefined) into.delete(key)
    else if (isMapping(value)) flatten(value, `${key}.`, into)
    else if (Array.isArray(value)) into.delete(key)
    else into.set(key, String(value))
  }
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && !(value instanceof Date)
}

/**
 * The secret to send first, then every other one: `admin_secret`, else `admin_secrets` (a JSON list in a
 * string, the first sent), else the legacy `access_key`.
 */
function adminSecretsOf(setting: (key: string) => Setting | undefined): string[] {
  const single = setting('admin_secret')?.value
  const list = setting('admin_secrets')
  const many = list ? parseSecretList(list) : []
  const access = setting('access_key')?.value
  const first = single || many[0] || access
  return [...new Set([first, ...many].filter((s): s is string => Boolean(s)))]
}

function parseSecretList({ value, from }: Setting): string[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(value)
  } catch {
    parsed = undefined
  }
  if (!Array.isArray(parsed) || !parsed.every((s) => typeof s === 'string')) {
    // Never the value itself in the message: it holds secrets.
    throw new RollbackError(`admin_secrets (from ${from}) is not a JSON list of strings`, {
      file: fileOf(from),
    })
  }
  return parsed.filter((s) => s !== '')
}

function checkVersion({ value, from }: Setting, writtenInFile: boolean): 2 | 3 {
  const version = /^\s*\+?\d+\s*$/.test(value) ? Number(value) : Number.NaN
  if (version === 2 || version === 3) return version
  if (version === 1) {
    const why =
      writtenInFile || !from.startsWith('the default')
        ? `is config v1 (${from})`
        : 'has no version key (config v1)'
    throw new RollbackError(
      `${CONFIG_FILE} ${why}: hasura-rollback needs config v2 or v3; upgrade the project with 'hasura scripts update-project-v2'`,
      { file: CONFIG_FILE },
    )
  }
  throw new RollbackError(
    `${CONFIG_FILE}: version '${value}' (${from}) is not a config version; expected 2 or 3`,
    {
      file: CONFIG_FILE,
    },
  )
}

function parseEndpoint({ value, from }: Setting): string {
  let url: URL | undefined
  try {
    url = new URL(value)
  } catch {
    url = undefined
  }
  const problem =
    url === undefined || /\s/.test(value)
      ? 'is not a URL'
      : url.protocol !== 'http:' && url.protocol !== 'https:'
        ? 'is not an http(s) URL'
        : url.search !== '' || url.hash !== ''
          ? 'must not carry a query or fragment'
          : undefined
  if (problem !== undefined) {
    throw new RollbackError(
      `endpoint '${value}' (from ${from}) ${problem}, e.g. https://hasura.example.com`,
      {
        file: fileOf(from),
      },
    )
  }
  return value.replace(/\/+$/, '')
}

function directory({ value, from }: Setting): string {
  const trimmed = value.replace(/^(\.\/)+/, '').replace(/\/+$/, '')
  if (trimmed === '' || trimmed === '.') {
    throw new RollbackError(`${from} is empty: name a directory inside the project`, { file: fileOf(from) })
  }
  return trimmed
}

function apiPath({ value }: Setting): string {
  return value.replace(/^\/+|\/+$/g, '')
}

// Go's strconv.ParseBool, which the CLI applies to strings; YAML booleans arrive as 'true'/'false'.
const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True'])
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False'])

function parseBool(setting: Setting | undefined): boolean {
  if (setting === undefined || FALSE.has(setting.value)) return false
  if (TRUE.has(setting.value)) return true
  throw new RollbackError(
    `insecure_skip_tls_verify '${setting.value}' (from ${setting.from}) is not true or false`,
    {
      file: fileOf(setting.from),
    },
  )
}

/** The file to annotate for a setting's origin: config.yaml or .env; none for inputs and env. */
function fileOf(from: string): string | undefined {
  if (from.endsWith(` in ${CONFIG_FILE}`)) return CONFIG_FILE
  return from.endsWith(` in ${DOT_ENV_FILE}`) ? DOT_ENV_FILE : undefined
}
