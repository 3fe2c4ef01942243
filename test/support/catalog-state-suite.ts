// The config v3 state SQL (transport/catalog-state-sql.ts) on a real database, through a transport —
// Postgres directly or Hasura's run_sql: the catalog store (the database holds hdb_catalog.hdb_version,
// changed in the rollback's transaction) and the journal store (the catalog state is elsewhere).
import { describe, expect, it } from 'vitest'
import { downFile } from '../../src/project/migrations.js'
import {
  catalogStateChange,
  journalStateChange,
  markStateWrittenSql,
  parseSourceState,
  readSourceSql,
} from '../../src/transport/catalog-state-sql.js'
import { writeJournalSql } from '../../src/transport/journal-sql.js'
import type { Transport } from '../../src/transport/transport.js'
import { waitFor } from './blockers.js'
import {
  CREATE_STATE_TABLE,
  appliedVersions,
  threeMigrations,
  threeTables,
  threeVersions,
} from './hasura-project.js'
import { sqlCatalogState } from './hasura-stand-in/catalog-state.js'
import type { TestDatabase } from './postgres.js'
import { otherSession, schemaSnapshot } from './postgres.js'
import type { TransportFactory } from './transport-suite.js'
import { execute, stepsOf, transportOn } from './transport-suite.js'

const [m1, m2, m3] = threeVersions

/** Keys the rollback does not own, with values JSON.parse would change (digits, __proto__). */
const OTHERS = `"pg2": {"${m1}": false, "${m3}": true}`
const REST = `"settings": {"migration_mode": "true", "x": [1.50, 2e10]}, "isStateCopyCompleted": true,
  "unknown": {"n": 123456789012345678901234567890, "__proto__": {"y": 1}}`

/** The cli_state with `versions` applied in `default` (and everything else as above). */
function cliState(versions: readonly string[]): string {
  const applied = versions.map((v) => `"${v}": false`).join(', ')
  return `{"migrations": {"default": {${applied}}, ${OTHERS}}, ${REST}}`
}

export function catalogStateSuite(name: string, connect: TransportFactory): void {
  describe(`config v3 state SQL through the ${name} transport`, () => {
    /** A database with the three tables, holding the catalog state (all three applied). */
    async function setUp(versions = [m1, m2, m3]) {
      const { db, transport } = await transportOn(connect, async (db) => {
        for (const m of threeMigrations) await db.query(m.up)
        await sqlCatalogState(db.url)
        await db.query('UPDATE hdb_catalog.hdb_version SET cli_state = $1::jsonb', [cliState(versions)])
      })
      const [{ id }] = (await db.query<{ id: string }>(
        'SELECT hasura_uuid::text AS id FROM hdb_catalog.hdb_version',
      )) as [{ id: string }]
      return { db, transport, id }
    }

    /** The catalog state as jsonb prints it: what must stay byte for byte, and the default database's versions. */
    async function stateOf(db: TestDatabase) {
      const [row] = await db.query<{ rest: string; others: string; versions: string[] }>(
        `SELECT (cli_state - 'migrations')::text AS rest, ((cli_state->'migrations') - 'default')::text AS others,
           ARRAY(SELECT jsonb_object_keys(cli_state #> '{migrations,default}') ORDER BY 1) AS versions
         FROM hdb_catalog.hdb_version`,
      )
      return row!
    }

    async function readSource(transport: Transport, runKey?: string) {
      return parseSourceState(await transport.readState(readSourceSql(runKey)), 'default')
    }

    it('reads that this database holds the catalog state, and no journal or config v2 rows yet', async () => {
      const { transport, id } = await setUp()
      expect(await readSource(transport, 'o/r/1/job#default')).toEqual({
        metadataDbId: id,
        journal: undefined,
        journalRows: [],
        legacyApplied: undefined,
      })
    })

    it("removes only this database's versions, each batch in the transaction, keeping every other key as jsonb prints it", async () => {
      const { db, transport, id } = await setUp()
      const before = await stateOf(db)
      expect(before.rest).toContain('123456789012345678901234567890')
      expect(before.rest).toContain('"__proto__": {"y": 1}')
      const execution = await execute(transport, stepsOf(threeMigrations).slice(0, 2), {
        state: catalogStateChange(id, 'default', [m3, m2]),
      })
      expect(execution).toMatchObject({ committed: true, failure: undefined })
      expect(await stateOf(db)).toEqual({ ...before, versions: [m1] })
      expect(await schemaSnapshot(db)).toEqual({ author: ['id', 'name'] })
    })

    it('leaves {} when the last version goes, and changes nothing in a dry run', async () => {
      const { db, transport, id } = await setUp()
      const before = await stateOf(db)
      const change = catalogStateChange(id, 'default', [m3, m2, m1])
      expect(
        (await execute(transport, stepsOf(threeMigrations), { state: change, dryRun: true })).failure,
      ).toBeUndefined()
      expect(await stateOf(db)).toEqual(before)
      expect(await schemaSnapshot(db)).toEqual(threeTables)
      expect((await execute(transport, stepsOf(threeMigrations), { state: change })).committed).toBe(true)
      expect(await stateOf(db)).toEqual({ ...before, versions: [] })
      const [{ d }] = (await db.query<{ d: string }>(
        `SELECT (cli_state #> '{migrations,default}')::text AS d FROM hdb_catalog.hdb_version`,
      )) as [{ d: string }]
      expect(d).toBe('{}')
    })

    it('removes versions beyond 2^53 exactly, across batches of downs, and no neighbour', async () => {
      const big = Array.from({ length: 1500 }, (_, i) => String(9007199254740000n + BigInt(i)))
      const { db, transport, id } = await setUp([...big, '9007199254741500'])
      const steps = big.map((version) => ({
        version,
        name: 'noop',
        down: downFile(`migrations/default/${version}_noop/down.sql`, 'SELECT 1;\n'),
      }))
      steps.reverse()
      const before = await stateOf(db)
      const execution = await execute(transport, steps, {
        state: catalogStateChange(
          id,
          'default',
          steps.map((s) => s.version),
        ),
      })
      expect(execution).toMatchObject({ committed: true, failure: undefined })
      expect(await stateOf(db)).toEqual({ ...before, versions: ['9007199254741500'] })
    })

    it('refuses planned versions no longer applied (another rollback got there first), changing nothing', async () => {
      const { db, transport, id } = await setUp([m1, m2])
      const before = await stateOf(db)
      const execution = await execute(transport, stepsOf(threeMigrations), {
        state: catalogStateChange(id, 'default', [m3, m2, m1]),
      })
      expect(execution.committed).toBe(false)
      expect(execution.failure?.message).toBe(
        `Version ${m3} is no longer applied: another rollback reverted it after this run read the state. Nothing was changed`,
      )
      expect(await stateOf(db)).toEqual(before)
      expect(await schemaSnapshot(db)).toEqual(threeTables)
    })

    it('locks the hdb_version row before it checks: a version removed while it waited is refused', async () => {
      const { db, transport, id } = await setUp()
      const other = await otherSession(db)
      await other.query('BEGIN')
      await other.query('SELECT cli_state FROM hdb_catalog.hdb_version FOR UPDATE')
      const running = execute(transport, stepsOf(threeMigrations).slice(0, 1), {
        state: catalogStateChange(id, 'default', [m3]),
      })
      // The rollback's session waits for the row lock: another writer of the catalog state holds it.
      await waitFor(async () => ((await lockWaiters(db)) > 0 ? true : undefined))
      await other.query(
        `UPDATE hdb_catalog.hdb_version SET cli_state = cli_state #- '{migrations,default,${m3}}'`,
      )
      await other.query('COMMIT')
      const execution = await running
      expect(execution.failure?.message).toMatch(new RegExp(`^Version ${m3} is no longer applied`))
      expect(await schemaSnapshot(db)).toEqual(threeTables)
    })

    it('with legacyRows, also removes the reverted versions from hdb_catalog.schema_migrations', async () => {
      const { db, transport, id } = await setUp()
      await db.query(
        `${CREATE_STATE_TABLE}; INSERT INTO hdb_catalog.schema_migrations VALUES (${m1}, false), (${m2}, false), (${m3}, false)`,
      )
      expect((await readSource(transport)).legacyApplied).toHaveLength(3)
      await execute(transport, stepsOf(threeMigrations).slice(0, 1), {
        state: catalogStateChange(id, 'default', [m3]),
      })
      expect(await appliedVersions(db)).toEqual([m1, m2, m3])
      await execute(transport, stepsOf(threeMigrations).slice(1, 2), {
        state: catalogStateChange(id, 'default', [m2], true),
      })
      expect(await appliedVersions(db)).toEqual([m1, m3])
      expect((await stateOf(db)).versions).toEqual([m1])
    })

    describe('journal store (the catalog state is elsewhere)', () => {
      const journalRow = (runKey: string, versions: string[], database = 'default', statePending = true) =>
        writeJournalSql({ runKey, attempt: 1, versions, metadataSha: undefined, database, statePending })

      it('changes no catalog state and runs the downs when no journal row exists', async () => {
        const { db, transport } = await setUp()
        const before = await stateOf(db)
        const execution = await execute(transport, stepsOf(threeMigrations).slice(0, 1), {
          state: journalStateChange('default', [m3], []),
        })
        expect(execution.committed).toBe(true)
        expect(await stateOf(db)).toEqual(before)
        expect(await schemaSnapshot(db)).toEqual({
          author: ['id', 'name'],
          article: ['id', 'author_id', 'title'],
        })
      })

      it('refuses a planned version that a journal row this run did not see reverted; rows it saw are allowed', async () => {
        const { db, transport } = await setUp()
        await db.query(journalRow('local/seen#default', [m3]))
        await db.query(journalRow('local/other-db#pg2', [m2, m3], 'pg2'))
        const seen = (await readSource(transport)).journalRows.map((r) => r.id)
        expect(seen).toHaveLength(1)
        await db.query(journalRow('local/unseen#default', [m2], 'default', false))
        const refused = await execute(transport, stepsOf(threeMigrations).slice(0, 2), {
          state: journalStateChange('default', [m3, m2], seen),
        })
        expect(refused.failure?.message).toBe(
          `Version ${m2} is no longer applied: another rollback reverted it after this run read the state. Nothing was changed`,
        )
        expect(await schemaSnapshot(db)).toEqual(threeTables)
        const allowed = await execute(transport, stepsOf(threeMigrations).slice(0, 1), {
          state: journalStateChange('default', [m3], seen),
        })
        expect(allowed).toMatchObject({ committed: true, failure: undefined })
      })

      it('refuses a version that a row it saw records again, rewritten by a re-run attempt since', async () => {
        const { db, transport } = await setUp()
        const entry = {
          runKey: 'o/r/1/job#default',
          versions: [m3],
          metadataSha: undefined,
          database: 'default',
        }
        await db.query(writeJournalSql({ ...entry, attempt: 1, statePending: false }))
        const seen = (await readSource(transport)).journalRows.map((r) => r.id)
        // The re-run's deploy applied m3 again, and its rollback reverted it again.
        await db.query(writeJournalSql({ ...entry, attempt: 2, statePending: true }))
        const refused = await execute(transport, stepsOf(threeMigrations).slice(0, 1), {
          state: journalStateChange('default', [m3], seen),
        })
        expect(refused.failure?.message).toMatch(new RegExp(`^Version ${m3} is no longer applied`))
        expect(await schemaSnapshot(db)).toEqual(threeTables)
      })

      it('marks the state writes of the given runs done, and only theirs', async () => {
        const { db, transport } = await setUp()
        await db.query(journalRow('local/a#default', [m3]))
        await db.query(journalRow("local/b'quote#default", [m2]))
        const pending = async () =>
          (await readSource(transport)).journalRows.filter((r) => r.statePending).map((r) => r.runKey)
        expect(await pending()).toEqual(['local/a#default', "local/b'quote#default"])
        const marked = await execute(transport, [], {
          state: { recheck: '', locks: '', removeVersions: () => '' },
          afterDowns: markStateWrittenSql(["local/b'quote#default"]),
        })
        expect(marked).toMatchObject({ committed: true, failure: undefined })
        expect(await pending()).toEqual(['local/a#default'])
      })

      it('with legacyRows, removes the reverted versions from hdb_catalog.schema_migrations in the transaction', async () => {
        const { db, transport } = await setUp()
        await db.query(
          `${CREATE_STATE_TABLE}; INSERT INTO hdb_catalog.schema_migrations VALUES (${m1}, false), (${m2}, false), (${m3}, false)`,
        )
        await execute(transport, stepsOf(threeMigrations).slice(0, 2), {
          state: journalStateChange('default', [m3, m2], [], true),
        })
        expect(await appliedVersions(db)).toEqual([m1])
      })
    })
  })
}

/** Sessions of this database waiting for a lock (pg_stat_activity is cluster-wide). */
async function lockWaiters(db: TestDatabase): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
  )
  return row!.n
}
