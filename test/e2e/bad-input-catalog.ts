// What the action refuses, as data: the e2e test runs every entry against the bundled action and
// docs/bad-input.md publishes the same list (a test keeps the two equal).
import type { FileChanges } from '../support/git-fixture.js'

export type ServerFault = 'wrong-secret' | 'no-secret' | 'unreachable' | 'export-500' | 'database-unreachable'

export interface BadInput {
  /** Where the fault is: inputs, workspace project, metadata at the ref, server. */
  readonly area: 'input' | 'project' | 'ref metadata' | 'server'
  readonly what: string
  /** Inputs over the base case (count: 1, ref: v1, database-url, endpoint, admin secret). */
  readonly inputs?: Readonly<Record<string, string>>
  /** Changes to the workspace's project directory (uncommitted). */
  readonly workspace?: FileChanges
  /** Workspace files made this many bytes long, sparse: huge on paper, nothing written to disk. */
  readonly sparseWorkspace?: Readonly<Record<string, number>>
  /** Changes committed on branch `broken` (from v1) in origin; the run uses `ref: broken`. */
  readonly atRef?: FileChanges
  /** SQL run on the database before the action. */
  readonly sql?: string
  readonly server?: ServerFault
  /** The one-line refusal contains this. */
  readonly says: string
}

const m3 = '1700000000003_add_author_email'
const placeholder =
  '-- Could not auto-generate a down migration.\n-- Please write an appropriate down migration for the SQL below:\n-- ALTER TABLE author ADD COLUMN email text;\n'

export const badInputs: readonly BadInput[] = [
  {
    area: 'input',
    what: 'count 0',
    inputs: { count: '0' },
    says: "Input 'count' must be a positive integer or 'all', got '0'",
  },
  {
    area: 'input',
    what: 'count -1',
    inputs: { count: '-1' },
    says: "Input 'count' must be a positive integer",
  },
  {
    area: 'input',
    what: 'count abc',
    inputs: { count: 'abc' },
    says: "Input 'count' must be a positive integer",
  },
  {
    area: 'input',
    what: 'count 2.5',
    inputs: { count: '2.5' },
    says: "Input 'count' must be a positive integer",
  },
  {
    area: 'input',
    what: 'version not digits',
    inputs: { count: '', version: 'v3' },
    says: "Input 'version' must be a migration version",
  },
  {
    area: 'input',
    what: 'version beyond 64 bits',
    inputs: { count: '', version: '99999999999999999999' },
    says: 'is larger than a 64-bit version',
  },
  {
    area: 'input',
    what: 'to-version not digits',
    inputs: { count: '', 'to-version': '1.5' },
    says: "Input 'to-version' must be a migration version",
  },
  {
    area: 'input',
    what: 'version and count together',
    inputs: { version: '1700000000003' },
    says: "Inputs 'version' and 'count' exclude each other",
  },
  {
    area: 'input',
    what: 'count and to-version together',
    inputs: { 'to-version': '1700000000001' },
    says: "Inputs 'count' and 'to-version' exclude each other",
  },
  {
    area: 'input',
    what: 'lock-timeout not a number',
    inputs: { 'lock-timeout': 'soon' },
    says: "Input 'lock-timeout' must be a number of seconds",
  },
  {
    area: 'input',
    what: 'dry-run not a boolean',
    inputs: { 'dry-run': 'yes' },
    says: "Input 'dry-run' must be true or false",
  },
  {
    area: 'input',
    what: 'allow-dirty not a boolean',
    inputs: { 'allow-dirty': 'maybe' },
    says: "Input 'allow-dirty' must be true or false",
  },
  {
    area: 'input',
    what: 'apply-metadata not a boolean',
    inputs: { 'apply-metadata': 'nope' },
    says: "Input 'apply-metadata' must be true or false",
  },
  {
    area: 'input',
    what: 'nothing selected',
    inputs: { count: '', ref: '', 'apply-metadata': 'false' },
    says: 'Nothing selected',
  },
  {
    area: 'input',
    what: 'apply-metadata without ref',
    inputs: { ref: '' },
    says: "'apply-metadata' is true but no 'ref'",
  },
  {
    area: 'input',
    what: 'ref that looks like an option',
    inputs: { ref: '--upload-pack=touch /tmp/pwned' },
    says: "input 'ref'",
  },
  { area: 'input', what: 'ref that is a range', inputs: { ref: 'main..v1' }, says: "input 'ref'" },
  { area: 'input', what: 'unknown ref', inputs: { ref: 'no-such-tag' }, says: 'no-such-tag' },
  {
    area: 'input',
    what: 'last-successful-run without a token',
    inputs: { ref: 'last-successful-run', 'github-token': '' },
    says: "needs input 'github-token'",
  },
  {
    area: 'input',
    what: 'workflow without ref: last-successful-run',
    inputs: { ref: 'v1', workflow: 'deploy.yml' },
    says: "Input 'workflow' is only used with 'ref: last-successful-run'",
  },
  {
    area: 'input',
    what: 'workflow given as a path',
    inputs: { ref: 'last-successful-run', 'github-token': 'ghs_x', workflow: '.github/workflows/deploy.yml' },
    says: "use 'deploy.yml'",
  },
  {
    area: 'input',
    what: 'project-dir outside the workspace',
    inputs: { 'project-dir': '../elsewhere' },
    says: "Input 'project-dir' ('../elsewhere') points outside the workspace",
  },
  {
    area: 'input',
    what: 'project-dir without config.yaml',
    inputs: { 'project-dir': 'hasura/migrations' },
    says: 'config.yaml not found',
  },
  {
    area: 'input',
    what: 'version not applied',
    inputs: { count: '', version: '1700000000009' },
    says: "Version 1700000000009 (input 'version') is not applied",
  },
  {
    area: 'input',
    what: 'count above what is applied',
    inputs: { count: '4' },
    says: "Input 'count' is 4 but only 3 version(s) are applied",
  },
  {
    area: 'input',
    what: 'to-version not applied',
    inputs: { count: '', 'to-version': '1700000000009' },
    says: "(input 'to-version') is not applied",
  },
  {
    area: 'project',
    what: 'config.yaml is not YAML',
    workspace: { 'hasura/config.yaml': 'version: [2\n' },
    says: 'config.yaml',
  },
  {
    area: 'input',
    what: 'database-name on a config v2 project',
    inputs: { 'database-name': 'analytics' },
    says: "Input 'database-name' is 'analytics', but config.yaml is config v2, which has one database",
  },
  {
    area: 'project',
    what: 'config v3 with a version folder outside any database folder',
    workspace: { 'hasura/config.yaml': 'version: 3\n' },
    says: 'is a migration directly under migrations/: config v3 keeps each database',
  },
  {
    area: 'ref metadata',
    what: 'config v3 metadata_file at the ref',
    atRef: { 'hasura/config.yaml': 'version: 3\nmetadata_file: metadata.yaml\n' },
    says: "sets metadata_file 'metadata.yaml' (single-file metadata), which hasura-rollback does not read",
  },
  {
    area: 'project',
    what: 'config without version (v1)',
    workspace: { 'hasura/config.yaml': 'endpoint: http://localhost:8080\n' },
    says: 'config.yaml',
  },
  {
    area: 'project',
    what: '.env line that is not KEY=VALUE',
    workspace: { 'hasura/.env': 'HASURA_GRAPHQL_ADMIN_SECRET hunter2\n' },
    says: '.env line 1 is not KEY=VALUE',
  },
  {
    area: 'project',
    what: 'two migrations with one version',
    workspace: { [`hasura/migrations/1700000000003_again/down.sql`]: 'SELECT 1;' },
    says: '1700000000003',
  },
  {
    area: 'project',
    what: 'down.sql missing',
    workspace: { [`hasura/migrations/${m3}/down.sql`]: null },
    says: `Migration ${m3} has no down.sql`,
  },
  {
    area: 'project',
    what: 'down.sql empty',
    workspace: { [`hasura/migrations/${m3}/down.sql`]: '' },
    says: `Migration ${m3} has an empty down.sql`,
  },
  {
    area: 'project',
    what: 'Console placeholder down.sql',
    workspace: { [`hasura/migrations/${m3}/down.sql`]: placeholder },
    says: 'holding only comments',
  },
  {
    area: 'project',
    what: 'down marked no-transaction',
    workspace: {
      [`hasura/migrations/${m3}/down.sql`]: '-- hasura:no-transaction\nDROP INDEX CONCURRENTLY x;\n',
    },
    says: 'no-transaction',
  },
  {
    area: 'project',
    what: 'applied version missing from the workspace',
    workspace: { [`hasura/migrations/${m3}/down.sql`]: null, [`hasura/migrations/${m3}/up.sql`]: null },
    says: 'Version 1700000000003 is applied but has no migration',
  },
  {
    area: 'project',
    what: 'migration symlinked from outside',
    workspace: { [`hasura/migrations/${m3}/down.sql`]: { symlink: '/etc/hostname' } },
    says: `Migration ${m3} has no down.sql`,
  },
  {
    area: 'project',
    what: 'down.sql of 1 GiB',
    sparseWorkspace: { [`hasura/migrations/${m3}/down.sql`]: 1024 ** 3 },
    says: `migrations/${m3}/down.sql (workspace) is 1024 MiB (1073741824 bytes), over the 64 MiB limit for SQL files`,
  },
  {
    area: 'project',
    what: 'dirty version',
    sql: 'UPDATE hdb_catalog.schema_migrations SET dirty = true WHERE version = 1700000000003',
    says: 'is marked dirty',
  },
  {
    area: 'project',
    what: 'migration_mode off',
    sql: "CREATE TABLE hdb_catalog.migration_settings (setting text primary key, value text); INSERT INTO hdb_catalog.migration_settings VALUES ('migration_mode', 'false')",
    says: "migration_mode is 'false'",
  },
  {
    area: 'project',
    what: 'a down that fails',
    workspace: { [`hasura/migrations/${m3}/down.sql`]: 'ALTER TABLE author DROP COLUMN nope;' },
    says: `Down migration ${m3} failed`,
  },
  {
    area: 'ref metadata',
    what: 'tables.yaml is not YAML',
    atRef: { 'hasura/metadata/tables.yaml': '- table: [oops\n' },
    says: 'metadata/tables.yaml',
  },
  {
    area: 'ref metadata',
    what: 'tables.yaml is not a list',
    atRef: { 'hasura/metadata/tables.yaml': 'table: author\n' },
    says: 'metadata/tables.yaml',
  },
  {
    area: 'ref metadata',
    what: 'action missing from actions.graphql',
    atRef: {
      'hasura/metadata/actions.yaml': 'actions:\n- name: login\n  definition: {handler: http://x}\n',
      'hasura/metadata/actions.graphql': 'type Query { ping: String }\n',
    },
    says: 'action login is not present in actions.graphql',
  },
  {
    area: 'ref metadata',
    what: 'actions.graphql is not GraphQL',
    atRef: {
      'hasura/metadata/actions.yaml': 'actions: []\n',
      'hasura/metadata/actions.graphql': 'type Query {\n',
    },
    says: 'actions.graphql',
  },
  {
    area: 'ref metadata',
    what: 'metadata tracks what the downs drop (guard)',
    atRef: {
      'hasura/metadata/tables.yaml':
        '- table: {schema: public, name: author}\n  select_permissions:\n  - role: user\n    permission: {columns: [id, email], filter: {}}\n',
    },
    says: 'column public.author.email',
  },
  { area: 'server', what: 'wrong admin secret', server: 'wrong-secret', says: 'admin secret' },
  { area: 'server', what: 'no admin secret', server: 'no-secret', says: 'admin secret' },
  { area: 'server', what: 'Hasura unreachable', server: 'unreachable', says: '127.0.0.1:9' },
  { area: 'server', what: 'Hasura answers 500 to the export', server: 'export-500', says: '500' },
  {
    area: 'server',
    what: 'database unreachable',
    server: 'database-unreachable',
    says: "Cannot connect to the database given in 'database-url'",
  },
]
