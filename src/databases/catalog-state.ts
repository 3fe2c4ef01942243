// The Hasura CLI's migration state of a config v3 project: one JSON document per Hasura instance, the
// `cli_state` of its catalog state (hasura-contract-v3.md §3), shaped
// {"migrations": {"<database>": {"<version>": <dirty>}}, "settings": {...}, "isStateCopyCompleted": true}.
// Pure: read from get_catalog_state's answer, changed for one database only, everything else kept as it
// was, numbers digit for digit.
import { RollbackError } from '../errors.js'
import { isRecord } from '../json.js'
import type { LosslessJson } from '../lossless-json.js'
import { JsonNumber } from '../lossless-json.js'
import type { AppliedVersion } from '../plan.js'

type JsonObject = { [key: string]: LosslessJson }

export interface CatalogState {
  /** The hasura_uuid of the instance (hdb_catalog.hdb_version), as get_catalog_state returns it. */
  readonly id: string
  /** The CLI's document, as read. */
  readonly cliState: JsonObject
}

/** get_catalog_state's answer (parsed losslessly) → the catalog state; `where` names the server in errors. */
export function parseCatalogState(answer: unknown, where: string): CatalogState {
  const record = isPlainObject(answer) ? answer : undefined
  const id = record?.id
  const cliState = record?.cli_state ?? {}
  if (typeof id !== 'string' || !isPlainObject(cliState)) {
    throw new RollbackError(`${where} answered get_catalog_state without an id and a cli_state object`)
  }
  return { id, cliState }
}

/** The versions applied in `database`, any order. */
export function appliedIn(state: CatalogState, database: string): AppliedVersion[] {
  const byVersion = migrationsOf(state.cliState)[database]
  if (!isPlainObject(byVersion)) return []
  return Object.entries(byVersion).map(([version, dirty]) => ({ version, dirty: dirty === true }))
}

/** settings.migration_mode; undefined when not set (the CLI then takes "true"). */
export function migrationModeOf(state: CatalogState): string | undefined {
  const settings = state.cliState.settings
  const mode = isPlainObject(settings) ? settings.migration_mode : undefined
  return typeof mode === 'string' && mode !== '' ? mode : undefined
}

/** False until the CLI copied the config v2 state (hdb_catalog.schema_migrations) into this document. */
export function isStateCopyCompleted(state: CatalogState): boolean {
  return state.cliState.isStateCopyCompleted === true
}

/**
 * The document with `versions` removed from `database` only: every other key (other databases,
 * settings, keys unknown to us) stays exactly as read. Removing the last version leaves `{}`, as the CLI.
 */
export function withoutVersions(
  state: CatalogState,
  database: string,
  versions: readonly string[],
): JsonObject {
  const migrations = migrationsOf(state.cliState)
  const current = migrations[database]
  // Nothing of it is recorded: nothing to remove, and no entry is added.
  if (!isPlainObject(current)) return state.cliState
  const gone = new Set(versions)
  const kept = Object.fromEntries(Object.entries(current).filter(([version]) => !gone.has(version)))
  return { ...state.cliState, migrations: { ...migrations, [database]: kept } }
}

function migrationsOf(cliState: JsonObject): JsonObject {
  return isPlainObject(cliState.migrations) ? cliState.migrations : {}
}

/** A JSON object of the lossless document; a JsonNumber is an object to JavaScript, not to JSON. */
function isPlainObject(value: unknown): value is JsonObject {
  return isRecord(value) && !(value instanceof JsonNumber)
}
