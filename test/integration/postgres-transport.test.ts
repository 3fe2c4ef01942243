// The Postgres transport (database-url) against the shared transport suite.
import { connectPostgres } from '../../src/transport/postgres.js'
import { transportSuite } from '../support/transport-suite.js'

transportSuite('postgres', async (db) => ({ transport: await connectPostgres({ databaseUrl: db.url }) }))
