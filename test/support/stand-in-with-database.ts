// The Hasura stand-in over a fresh test database, for tests of the admin API client.
import { cleanUp } from './cleanup.js'
import { startHasuraStandIn, type HasuraStandIn, type StandInOptions } from './hasura-stand-in.js'
import { createTestDatabase, type TestDatabase } from './postgres.js'

/** A stand-in serving a fresh test database as its `default` source; both go when the running test ends. */
export async function startStandInWithDatabase(
  options: Omit<StandInOptions, 'databaseUrl'>,
): Promise<{ db: TestDatabase; hasura: HasuraStandIn }> {
  const db = await createTestDatabase()
  cleanUp(db.drop)
  const hasura = await startHasuraStandIn({ ...options, databaseUrl: db.url })
  cleanUp(hasura.close)
  return { db, hasura }
}
