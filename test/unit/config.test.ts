import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { RollbackError } from '../../src/errors.js'
import { loadProjectConfig, type ConfigOverrides, type ProjectConfig } from '../../src/project/config.js'
import { parseDotEnv } from '../../src/project/dotenv.js'
import { workspaceFiles } from '../../src/project/files.js'
import { makeTestTree, type FileTree } from '../support/fs-tree.js'
import { rollbackError } from '../support/rollback-error.js'
import { hasTestdata, testdataPath } from '../support/testdata.js'

async function load(
  tree: FileTree,
  env: Record<string, string | undefined> = {},
  overrides: ConfigOverrides = {},
): Promise<ProjectConfig> {
  return loadProjectConfig(workspaceFiles(await makeTestTree(tree)), env, overrides)
}

const loadError = (tree: FileTree, env: Record<string, string> = {}): Promise<RollbackError> =>
  rollbackError(load(tree, env))

const V2 = 'version: 2\n'

describe('loadProjectConfig defaults', () => {
  it('fills every setting the CLI defaults when config.yaml only says version 2', async () => {
    expect(await load({ 'config.yaml': V2 })).toEqual({
      configFile: 'config.yaml',
      version: 2,
      endpoint: 'http://localhost:8080',
      adminSecret: undefined,
      secrets: [],
      metadataFile: undefined,
      metadataDirectory: 'metadata',
      migrationsDirectory: 'migrations',
      apiPaths: { query: 'v1/query', v2Query: 'v2/query', v1Metadata: 'v1/metadata', version: 'v1/version' },
      insecureSkipTlsVerify: false,
      certificateAuthority: undefined,
    })
  })

  it('reads every key from config.yaml', async () => {
    const config = await load({
      'config.yaml': [
        'version: 2',
        'endpoint: https://hasura.example.com/prefix/',
        'admin_secret: s3cret',
        'metadata_directory: ./meta/',
        'migrations_directory: db/migrations',
        'api_paths:',
        '  query: /custom/query',
        '  v2_query: custom/v2',
        '  v1_metadata: custom/metadata',
        '  version: custom/version',
        'insecure_skip_tls_verify: true',
        'certificate_authority: certs/ca.pem',
      ].join('\n'),
    })
    expect(config).toEqual({
      configFile: 'config.yaml',
      version: 2,
      endpoint: 'https://hasura.example.com/prefix',
      adminSecret: 's3cret',
      secrets: ['s3cret'],
      metadataFile: undefined,
      metadataDirectory: 'meta',
      migrationsDirectory: 'db/migrations',
      apiPaths: {
        query: 'custom/query',
        v2Query: 'custom/v2',
        v1Metadata: 'custom/metadata',
        version: 'custom/version',
      },
      insecureSkipTlsVerify: true,
      certificateAuthority: 'certs/ca.pem',
    })
  })
})

describe('precedence: input → environment → .env → config.yaml → default', () => {
  const level = {
    config: { 'config.yaml': `${V2}endpoint: http://from-config:8080\n` },
    dotEnv: { '.env': 'HASURA_GRAPHQL_ENDPOINT=http://from-dotenv:8080\n' },
    env: { HASURA_GRAPHQL_ENDPOINT: 'http://from-env:8080' },
    input: { endpoint: 'http://from-input:8080' },
  }
  it.each([
    ['default', { 'config.yaml': V2 }, {}, {}, 'http://localhost:8080'],
    ['config.yaml over default', level.config, {}, {}, 'http://from-config:8080'],
    ['.env over config.yaml', { ...level.config, ...level.dotEnv }, {}, {}, 'http://from-dotenv:8080'],
    ['environment over .env', { ...level.config, ...level.dotEnv }, level.env, {}, 'http://from-env:8080'],
    [
      'input over everything',
      { ...level.config, ...level.dotEnv },
      level.env,
      level.input,
      'http://from-input:8080',
    ],
    ['empty input is not given', level.config, level.env, { endpoint: '' }, 'http://from-env:8080'],
    [
      'empty env var is unset',
      { ...level.config, ...level.dotEnv },
      { HASURA_GRAPHQL_ENDPOINT: '' },
      {},
      'http://from-dotenv:8080',
    ],
    [
      'empty .env value is unset',
      { ...level.config, '.env': 'HASURA_GRAPHQL_ENDPOINT=\n' },
      {},
      {},
      'http://from-config:8080',
    ],
  ])('endpoint: %s', async (_name, tree, env, overrides, expected) => {
    expect((await load(tree, env, overrides)).endpoint).toBe(expected)
  })

  it.each([
    ['admin_secret in config.yaml', `${V2}admin_secret: from-config\n`, '', {}, {}, 'from-config'],
    ['legacy access_key in config.yaml', `${V2}access_key: legacy\n`, '', {}, {}, 'legacy'],
    ['admin_secret beats access_key', `${V2}access_key: legacy\nadmin_secret: new\n`, '', {}, {}, 'new'],
    ['.env admin secret', `${V2}admin_secret: c\n`, 'HASURA_GRAPHQL_ADMIN_SECRET=d\n', {}, {}, 'd'],
    [
      'env admin secret',
      `${V2}admin_secret: c\n`,
      'HASURA_GRAPHQL_ADMIN_SECRET=d\n',
      { HASURA_GRAPHQL_ADMIN_SECRET: 'e' },
      {},
      'e',
    ],
    ['input admin secret', V2, '', { HASURA_GRAPHQL_ADMIN_SECRET: 'e' }, { adminSecret: 'i' }, 'i'],
    ['env access key when no admin secret anywhere', V2, '', { HASURA_GRAPHQL_ACCESS_KEY: 'k' }, {}, 'k'],
    // viper resolves admin_secret through every level before it looks at access_key
    [
      'config admin_secret beats env access key',
      `${V2}admin_secret: c\n`,
      '',
      { HASURA_GRAPHQL_ACCESS_KEY: 'k' },
      {},
      'c',
    ],
    [
      'empty admin_secret falls back to access_key',
      `${V2}admin_secret: ""\naccess_key: legacy\n`,
      '',
      {},
      {},
      'legacy',
    ],
    ['none at all', V2, '', {}, {}, undefined],
  ])('admin secret: %s', async (_name, configYaml, dotEnv, env, overrides, expected) => {
    const tree: FileTree =
      dotEnv === '' ? { 'config.yaml': configYaml } : { 'config.yaml': configYaml, '.env': dotEnv }
    expect((await load(tree, env, overrides)).adminSecret).toBe(expected)
  })

  it('never lets .env override a variable already set in the environment', async () => {
    const config = await load(
      {
        'config.yaml': V2,
        '.env': 'HASURA_GRAPHQL_ADMIN_SECRET=dotenv\nHASURA_GRAPHQL_METADATA_DIRECTORY=m2\n',
      },
      { HASURA_GRAPHQL_ADMIN_SECRET: 'env' },
    )
    expect([config.adminSecret, config.metadataDirectory]).toEqual(['env', 'm2'])
  })

  it('takes every other key from HASURA_GRAPHQL_<KEY> (dots become _)', async () => {
    const config = await load(
      { 'config.yaml': `${V2}metadata_directory: x\napi_paths:\n  query: x\n` },
      {
        HASURA_GRAPHQL_METADATA_DIRECTORY: 'env-metadata',
        HASURA_GRAPHQL_MIGRATIONS_DIRECTORY: 'env-migrations',
        HASURA_GRAPHQL_API_PATHS_QUERY: 'q',
        HASURA_GRAPHQL_API_PATHS_V2_QUERY: 'q2',
        HASURA_GRAPHQL_API_PATHS_V1_METADATA: 'md',
        HASURA_GRAPHQL_API_PATHS_VERSION: 'ver',
        HASURA_GRAPHQL_INSECURE_SKIP_TLS_VERIFY: 'true',
        HASURA_GRAPHQL_CERTIFICATE_AUTHORITY: '/etc/ca.pem',
      },
    )
    expect(config).toMatchObject({
      metadataDirectory: 'env-metadata',
      migrationsDirectory: 'env-migrations',
      apiPaths: { query: 'q', v2Query: 'q2', v1Metadata: 'md', version: 'ver' },
      insecureSkipTlsVerify: true,
      certificateAuthority: '/etc/ca.pem',
    })
  })

  it('reads the config version from HASURA_GRAPHQL_VERSION too, as viper does', async () => {
    expect((await load({ 'config.yaml': V2 }, { HASURA_GRAPHQL_VERSION: '3' })).version).toBe(3)
    const error = await loadError({ 'config.yaml': V2 }, { HASURA_GRAPHQL_VERSION: '1' })
    expect(error.message).toContain('config v1')
  })
})

describe('config v3', () => {
  it('reads version 3 with its metadata_file and every admin secret, sending admin_secret first', async () => {
    const config = await load({
      'config.yaml': 'version: 3\nadmin_secrets: \'["one", "two"]\'\nmetadata_file: metadata.yaml\n',
    })
    expect(config).toMatchObject({
      version: 3,
      adminSecret: 'one',
      secrets: ['one', 'two'],
      metadataFile: 'metadata.yaml',
    })
    const both = await load({ 'config.yaml': 'version: 3\nadmin_secret: zero\nadmin_secrets: \'["one"]\'\n' })
    expect(both).toMatchObject({ adminSecret: 'zero', secrets: ['zero', 'one'] })
    const fromEnv = await load(
      { 'config.yaml': 'version: 3\n' },
      { HASURA_GRAPHQL_ADMIN_SECRETS: '["e1","e2"]' },
    )
    expect(fromEnv).toMatchObject({ adminSecret: 'e1', secrets: ['e1', 'e2'] })
  })
})

describe('config.yaml as the CLI reads it', () => {
  it('loads a file with a repeated key (last wins) and no final newline', async () => {
    const config = await load({ 'config.yaml': 'version: 3\nendpoint: https://a.example\nversion: 2' })
    expect(config.endpoint).toBe('https://a.example')
  })

  it('accepts and ignores the legacy api_paths keys (graphql, config, pg_dump) and actions', async () => {
    const config = await load({
      'config.yaml': `${V2}api_paths:\n  query: v1/query\n  graphql: v1/graphql\n  config: v1alpha1/config\n  pg_dump: v1alpha1/pg_dump\nactions:\n  kind: synchronous\n`,
    })
    expect(config.apiPaths).toEqual({
      query: 'v1/query',
      v2Query: 'v2/query',
      v1Metadata: 'v1/metadata',
      version: 'v1/version',
    })
  })

  it('reads YAML 1.1 scalars like the CLI (yes is true, numbers become text) and keys in any case', async () => {
    const config = await load({
      'config.yaml': `${V2}Endpoint: http://upper:1\ninsecure_skip_tls_verify: yes\nadmin_secret: 12345\n`,
    })
    expect(config).toMatchObject({
      endpoint: 'http://upper:1',
      insecureSkipTlsVerify: true,
      adminSecret: '12345',
    })
  })

  it('treats an empty config.yaml as config v1', async () => {
    expect((await loadError({ 'config.yaml': '' })).message).toContain('has no version key (config v1)')
  })

  it.each([
    [
      'missing version (the CLI reads it as v1)',
      'endpoint: http://x\n',
      /config\.yaml has no version key \(config v1\).*config v2/,
    ],
    ['version 1', 'version: 1\n', /config\.yaml is config v1 .*update-project-v2/],
    ['version 4', 'version: 4\n', /config\.yaml: version '4' .*not a config version; expected 2 or 3/],
    [
      'admin_secrets that is not a JSON list',
      'version: 3\nadmin_secrets: "[secret-one"\n',
      /^admin_secrets \(from admin_secrets in config\.yaml\) is not a JSON list of strings$/,
    ],
    ['version "two"', 'version: two\n', /config\.yaml: version 'two' .*not a config version/],
    ['a list instead of a mapping', '- version\n', /config\.yaml must be a YAML mapping/],
    [
      'an endpoint that is not a URL',
      `${V2}endpoint: localhost:8080\n`,
      /endpoint 'localhost:8080' \(from endpoint in config\.yaml\) is not an http\(s\) URL/,
    ],
    ['an endpoint with a query', `${V2}endpoint: http://x/?a=1\n`, /must not carry a query/],
    [
      'an empty migrations_directory',
      `${V2}migrations_directory: ''\n`,
      /migrations_directory in config\.yaml is empty/,
    ],
    [
      'a non-boolean insecure_skip_tls_verify',
      `${V2}insecure_skip_tls_verify: maybe\n`,
      /insecure_skip_tls_verify 'maybe'/,
    ],
  ])('refuses %s, naming config.yaml', async (_name, configYaml, message) => {
    const error = await loadError({ 'config.yaml': configYaml })
    expect(error.message).toMatch(message)
    expect(error.file).toBe('config.yaml')
  })

  it('names the environment variable when the bad value came from it', async () => {
    const error = await loadError({ 'config.yaml': V2 }, { HASURA_GRAPHQL_ENDPOINT: 'ftp://x' })
    expect(error.message).toBe(
      "endpoint 'ftp://x' (from HASURA_GRAPHQL_ENDPOINT) is not an http(s) URL, e.g. https://hasura.example.com",
    )
    expect(error.file).toBeUndefined()
  })

  it('names config.yaml and its origin when the file is missing', async () => {
    const error = await loadError({ 'metadata/version.yaml': 'version: 2\n' })
    expect(error.message).toMatch(/^config\.yaml not found in workspace/)
    expect(error.file).toBe('config.yaml')
  })

  it('names config.yaml and the line of a YAML syntax error', async () => {
    const error = await loadError({ 'config.yaml': 'version: 2\nendpoint: [http://x\nadmin_secret: y\n' })
    expect(error.message).toMatch(/^config\.yaml line \d+ is not valid YAML: /)
    expect(error.message).not.toContain('\n')
    expect(error).toMatchObject({ file: 'config.yaml', line: expect.any(Number) })
  })

  it('names .env and the line of a malformed .env', async () => {
    const error = await loadError({ 'config.yaml': V2, '.env': '# ok\nFOO=1\nthis is not an assignment\n' })
    expect(error).toMatchObject({ file: '.env', line: 3 })
    expect(error.message).toContain('.env line 3')
  })
})

describe('parseDotEnv', () => {
  it.each<[string, string, Record<string, string>]>([
    ['plain', 'A=1\nB=two words', { A: '1', B: 'two words' }],
    ['export prefix and spaces around =', 'export A = x\n  export\tB=y', { A: 'x', B: 'y' }],
    ['comments and blank lines', '# comment\n\n   # indented\nA=1 # trailing\nB=x#y', { A: '1', B: 'x' }],
    ['single quotes are literal', "A='a # b $HOME \\n'", { A: 'a # b $HOME \\n' }],
    [
      'double quotes with escapes',
      'A="line1\\nline2" # c\nB="say \\"hi\\""',
      { A: 'line1\nline2', B: 'say "hi"' },
    ],
    ['empty values', 'A=\nB=""\nC=\'\'', { A: '', B: '', C: '' }],
    ['CRLF line ends and a BOM', '\uFEFFA=1\r\nB="2"\r\n', { A: '1', B: '2' }],
    ['later lines win', 'A=1\nA=2', { A: '2' }],
    ['YAML-style colon', 'A: 1', { A: '1' }],
    ['keys with dots', 'a.b=1', { 'a.b': '1' }],
    [
      'expansion from earlier lines and env',
      'A=x\nB=${A}-$FROM_ENV-\\$A\nC="$A"',
      { A: 'x', B: 'x-env-$A', C: 'x' },
    ],
    ['unknown variables expand to empty', 'A=[$NOPE]', { A: '[]' }],
  ])('%s', (_name, text, expected) => {
    expect(parseDotEnv(text, { FROM_ENV: 'env' })).toEqual(expected)
  })

  it.each([
    ['a line without =', 'A=1\nnot an assignment', 2],
    ['an unterminated double quote', 'A="open', 1],
    ['text after a closing quote', "A='x' y", 1],
  ])('refuses %s, naming the line', (_name, text, line) => {
    expect(() => parseDotEnv(text)).toThrow(expect.objectContaining({ file: '.env', line }))
  })
})

const projectsDir = testdataPath('hasura-projects')

describe.skipIf(!hasTestdata)('real projects (../shared/testdata/hasura-projects)', () => {
  it.each([
    ['MetaFam__TheGame__hasura', 'http://localhost:8080', 'redacted-local-dev-secret', 'v1/query'],
    [
      'OriginalYellow__hasura-guessing-game__hasura',
      'http://localhost:8080',
      'redacted-local-dev-secret',
      'v1/query',
    ],
    ['Zenika__skillZ__hasura', 'http://localhost:8080', 'redacted-local-dev-secret', 'v1/query'],
    // duplicated `version: 2` key, no final newline
    ['anticoronavirus__volunteer-backend__hasura', 'https://dev.memedic.ru', undefined, 'v1/query'],
    ['beaussan__courso__hasura', 'http://localhost:8080', undefined, 'v1/query'],
  ])('%s loads', async (project, endpoint, adminSecret, query) => {
    const config = await loadProjectConfig(workspaceFiles(join(projectsDir, project)), {}, {})
    expect(config).toMatchObject({
      endpoint,
      adminSecret,
      metadataDirectory: 'metadata',
      migrationsDirectory: 'migrations',
    })
    expect(config.apiPaths.query).toBe(query)
  })

  it('lets the environment override a real project like the CLI', async () => {
    const files = workspaceFiles(join(projectsDir, 'MetaFam__TheGame__hasura'))
    const config = await loadProjectConfig(
      files,
      { HASURA_GRAPHQL_ENDPOINT: 'https://prod.example/' },
      { adminSecret: 'x' },
    )
    expect([config.endpoint, config.adminSecret]).toEqual(['https://prod.example', 'x'])
  })
})
