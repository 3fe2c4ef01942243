// The catalog state (get_catalog_state / set_catalog_state): one row of hdb_catalog.hdb_version in
// the metadata database, created on start as a v2.x server creates it, and read and written with
// the server's own SQL on every request, so SQL run by anyone else (a test, a run_sql on a source
// that is the metadata database) and the API always see the same document. Without a metadata
// database the state lives in memory, each document kept as the text set_catalog_state sent.
import { randomUUID } from 'node:crypto'
import { isJsonObject, parseFailed, type Json } from './errors.js'
import { RawJson } from './raw-json.js'
import { withConnection } from './sql.js'

export type CatalogStateType = 'cli' | 'console'

/** The row's values, the two documents as JSON text. */
export interface CatalogStateRow {
  id: string
  cli: string
  console: string
}

export interface CatalogStateStore {
  read(): Promise<CatalogStateRow>
  /** Replaces one document with the JSON text `state`. */
  write(type: CatalogStateType, state: string): Promise<void>
}

export function memoryCatalogState(): CatalogStateStore {
  const row: CatalogStateRow = { id: randomUUID(), cli: '{}', console: '{}' }
  return {
    read: async () => ({ ...row }),
    write: async (type, state) => {
      row[type] = state
    },
  }
}

// The table as a v2.x server's initialise.sql and catalog migrations (up to 47_to_48) leave it. The
// row is added only when there is none: a server restarted on the same database keeps its state.
const initialiseSql = `
  SELECT pg_advisory_xact_lock(hashtext('hasura stand-in: hdb_version'));
  CREATE SCHEMA IF NOT EXISTS hdb_catalog;
  CREATE OR REPLACE FUNCTION hdb_catalog.gen_hasura_uuid() RETURNS uuid AS
    'select gen_random_uuid()' LANGUAGE SQL;
  CREATE TABLE IF NOT EXISTS hdb_catalog.hdb_version (
    hasura_uuid UUID PRIMARY KEY DEFAULT hdb_catalog.gen_hasura_uuid(),
    version TEXT NOT NULL,
    upgraded_on TIMESTAMPTZ NOT NULL,
    cli_state JSONB NOT NULL DEFAULT '{}'::jsonb,
    console_state JSONB NOT NULL DEFAULT '{}'::jsonb,
    ee_client_id TEXT,
    ee_client_secret TEXT
  );
  CREATE UNIQUE INDEX IF NOT EXISTS hdb_version_one_row ON hdb_catalog.hdb_version((version IS NOT NULL));
  INSERT INTO hdb_catalog.hdb_version (version, upgraded_on)
    SELECT '48', now() WHERE NOT EXISTS (SELECT 1 FROM hdb_catalog.hdb_version);`

const column = (type: CatalogStateType) => (type === 'cli' ? 'cli_state' : 'console_state')

/** Creates hdb_catalog.hdb_version on the metadata database if missing; state lives in its row. */
export async function sqlCatalogState(databaseUrl: string): Promise<CatalogStateStore> {
  await withConnection(databaseUrl, (client) => client.query(initialiseSql))
  return {
    read: () =>
      withConnection(databaseUrl, async (client) => {
        const { rows } = await client.query<CatalogStateRow>(
          'SELECT hasura_uuid::text AS id, cli_state::json::text AS cli, console_state::json::text AS console FROM hdb_catalog.hdb_version',
        )
        if (!rows[0]) throw new Error('hdb_catalog.hdb_version has no row')
        return rows[0]
      }),
    write: (type, state) =>
      withConnection(databaseUrl, async (client) => {
        await client.query(`UPDATE hdb_catalog.hdb_version SET ${column(type)} = $1::jsonb`, [state])
      }),
  }
}

/** get_catalog_state's answer, the documents as stored. */
export async function getCatalogState(store: CatalogStateStore): Promise<RawJson> {
  const row = await store.read()
  return new RawJson(`{"id":${JSON.stringify(row.id)},"cli_state":${row.cli},"console_state":${row.console}}`)
}

// aeson's names for the types in its parse errors.
function jsonTypeName(value: Json): string {
  if (value === null) return 'Null'
  if (Array.isArray(value)) return 'Array'
  if (typeof value === 'object') return 'Object'
  return typeof value === 'boolean' ? 'Boolean' : typeof value === 'number' ? 'Number' : 'String'
}

const typesModule = 'Hasura.RQL.Types.Metadata.Common'

/** The type a set_catalog_state names, with the errors aeson's generic parser gives. */
function parseStateType(args: Json, argsPath: string): CatalogStateType {
  const record = `parsing ${typesModule}.SetCatalogState(SetCatalogState) failed, `
  if (!isJsonObject(args)) {
    throw parseFailed(argsPath, `${record}expected Object, but encountered ${jsonTypeName(args)}`)
  }
  for (const key of ['type', 'state']) {
    if (args[key] === undefined) throw parseFailed(argsPath, `${record}key "${key}" not found`)
  }
  const type = args.type as Json
  const tag = `parsing ${typesModule}.CatalogStateType failed, `
  if (typeof type !== 'string') {
    throw parseFailed(`${argsPath}.type`, `${tag}expected String, but encountered ${jsonTypeName(type)}`)
  }
  if (type !== 'cli' && type !== 'console') {
    throw parseFailed(
      `${argsPath}.type`,
      `${tag}expected one of the tags ["cli","console"], but found tag ${JSON.stringify(type)}`,
    )
  }
  return type
}

/**
 * set_catalog_state: replaces the whole document of that type. `rawState` is the request's own
 * text of `args.state`, written as sent (jsonb then normalises it, as for the server).
 */
export async function setCatalogState(
  store: CatalogStateStore,
  args: Json,
  rawState: string | undefined,
  argsPath: string,
): Promise<Json> {
  const type = parseStateType(args, argsPath)
  const state = rawState ?? JSON.stringify((args as { state: Json }).state)
  await store.write(type, state)
  return { message: 'success' }
}
