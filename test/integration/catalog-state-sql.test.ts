// The config v3 state SQL on a real database through both transports: Postgres over database-url, and
// Hasura's run_sql on a source of the stand-in whose metadata database it is.
import { createHasuraClient } from '../../src/hasura/client.js'
import { connectHasura } from '../../src/transport/hasura.js'
import { connectPostgres } from '../../src/transport/postgres.js'
import { catalogStateSuite } from '../support/catalog-state-suite.js'
import { hasuraConfig } from '../support/hasura-config.js'
import { startHasuraStandIn } from '../support/hasura-stand-in.js'

const SECRET = 'catalog-state-s3cret'

catalogStateSuite('postgres', async (db) => ({ transport: await connectPostgres({ databaseUrl: db.url }) }))

catalogStateSuite('hasura', async (db) => {
  const hasura = await startHasuraStandIn({
    generation: 'v2',
    adminSecret: SECRET,
    sources: [{ name: 'default', databaseUrl: db.url }],
    metadataDatabaseUrl: db.url,
  })
  const client = createHasuraClient(hasuraConfig(hasura.url, SECRET))
  return { transport: await connectHasura({ client, source: 'default' }), cleanup: hasura.close }
})
