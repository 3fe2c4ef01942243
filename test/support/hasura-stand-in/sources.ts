// The databases behind the server's sources. The stand-in's options say which databases exist and
// under which source name the server can reach each one (the role of the server's environment
// variables); the metadata says which sources the server has. A source in the metadata whose name
// has no database here cannot be resolved and is reported inconsistent, as the server reports a
// source whose connection fails.
import { hasuraError, isJsonObject, type Json, type JsonObject } from './errors.js'
import type { InconsistentObject } from './consistency.js'
import type { StoredMetadata, StoredSource } from './metadata-store.js'

/** Kinds that speak the Postgres protocol, so a real Postgres can stand in for them. */
export type SourceKind = 'postgres' | 'citus' | 'cockroach'

export interface StandInSource {
  name: string
  /** Default 'postgres'. */
  kind?: SourceKind
  databaseUrl: string
}

/** The databases the server can reach, by source name. */
export type SourceDatabases = ReadonlyMap<string, { kind: SourceKind; databaseUrl: string }>

export function sourceDatabases(sources: readonly StandInSource[]): SourceDatabases {
  return new Map(sources.map((s) => [s.name, { kind: s.kind ?? 'postgres', databaseUrl: s.databaseUrl }]))
}

/** The environment variable a configured source's connection string is read from. */
export function databaseUrlVariable(name: string): string {
  if (name === 'default') return 'HASURA_GRAPHQL_DATABASE_URL'
  return `${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_DATABASE_URL`
}

/** The configuration a v2.x server reports for a Postgres source added from an environment variable. */
export function sourceConfiguration(name: string): JsonObject {
  return {
    connection_info: {
      database_url: { from_env: databaseUrlVariable(name) },
      isolation_level: 'read-committed',
      pool_settings: { connection_lifetime: 600, idle_timeout: 180, max_connections: 50, retries: 1 },
      use_prepared_statements: true,
    },
  }
}

/** The database of a metadata source, or undefined when the server could not connect to it. */
export function databaseOf(databases: SourceDatabases, source: StoredSource): string | undefined {
  const database = databases.get(source.name)
  return database && database.kind === source.kind ? database.databaseUrl : undefined
}

/** How the server reports a source it cannot connect to (the definition is the source's name). */
export function unresolvedSource(source: StoredSource): InconsistentObject {
  const configuration = isJsonObject(source.rest.configuration) ? source.rest.configuration : {}
  const connection = isJsonObject(configuration.connection_info) ? configuration.connection_info : {}
  const url: Json | undefined = connection.database_url
  const variable = isJsonObject(url) && typeof url.from_env === 'string' ? url.from_env : undefined
  const reason = variable === undefined ? 'connection error' : `environment variable '${variable}' not set`
  return {
    type: 'source',
    name: `source ${source.name}`,
    definition: source.name,
    reason: `Inconsistent object: ${reason}`,
  }
}

/** The backend kind each SQL query type of /v2/query runs on. */
export const runSqlKinds: Readonly<Record<string, string>> = {
  run_sql: 'postgres',
  citus_run_sql: 'citus',
  cockroach_run_sql: 'cockroach',
  mssql_run_sql: 'mssql',
  bigquery_run_sql: 'bigquery',
}

export interface SqlTarget {
  source: StoredSource
  databaseUrl: string
}

/** The source a run_sql names (default `default`), with the server's errors when it cannot run there. */
export function sqlTarget(
  databases: SourceDatabases,
  metadata: StoredMetadata,
  queryType: string,
  sourceName: string,
  errorPath: string,
): SqlTarget {
  const source = metadata.sources.find((s) => s.name === sourceName)
  if (!source) {
    throw hasuraError(400, errorPath, 'not-exists', `source with name "${sourceName}" does not exist`)
  }
  const expected = runSqlKinds[queryType] ?? 'postgres'
  if (source.kind !== expected) {
    throw hasuraError(
      400,
      errorPath,
      'not-exists',
      `source with name "${sourceName}" has backend type "${source.kind}" which does not match the expected type ${expected}`,
    )
  }
  const databaseUrl = databaseOf(databases, source)
  if (databaseUrl === undefined) {
    throw hasuraError(400, errorPath, 'unexpected', `source with name "${sourceName}" is inconsistent`)
  }
  return { source, databaseUrl }
}
