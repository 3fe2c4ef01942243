// Two config v3 rollbacks started together through Hasura, many times: a version is never reverted
// twice, with the catalog state in the database rolled back (its hdb_version row locked and re-checked)
// or elsewhere (the journal re-checked after the lock; the state written after COMMIT). Most rounds
// are real races (each down sleeps so the transactions overlap); the others hold the rollback lock
// until both runs wait for it, so both read the state before either commits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { V3Setup } from '../support/config-v3-setup.js'
import { catalogVersions, setUpV3 } from '../support/config-v3-setup.js'
import { createTableMigrations } from '../support/hasura-project.js'
import { schemaSnapshot } from '../support/postgres.js'
import type { StartBoth } from '../support/races.js'
import { ONE_AFTER_THE_OTHER, lockForced, raceRound, together } from '../support/races.js'

const REAL_ROUNDS = 6
const FORCED_ROUNDS = 2
/** Enough versions for every round, even when two runs one after the other each revert one. */
const migrations = createTableMigrations(2 * (REAL_ROUNDS + 2 * FORCED_ROUNDS) + 2, {
  firstVersion: 1780000000001n,
  downSleepSeconds: 0.2,
})
const tableOf = new Map(migrations.map((m) => [m.version, m.up.split(' ')[2]!]))

describe.each([
  ['held by the database rolled back', 'default', 'hasura'],
  ['held elsewhere (journal)', undefined, 'hasura'],
  ['held by the database rolled back', 'default', 'postgres'],
  ['held elsewhere (journal)', undefined, 'postgres'],
] as const)(
  'two config v3 rollbacks started together, the catalog state %s (transport %s)',
  (_, metadataIn, via) => {
    let s: V3Setup
    const undo: (() => Promise<unknown>)[] = []
    const said: Record<string, number> = {}
    beforeAll(async () => {
      s = await setUpV3([{ name: 'default', migrations }], { metadataIn, cleanup: (u) => undo.push(u) })
    })
    afterAll(async () => {
      const where = metadataIn ? 'in the database' : 'elsewhere'
      console.log(`config v3 races (catalog state ${where}, transport ${via}): ${JSON.stringify(said)}`)
      for (const u of undo.reverse()) await u()
    })

    async function round(kind: 'count' | 'version', startBoth: StartBoth) {
      const { after, verdict } = await raceRound({
        applied: () => catalogVersions(s.metadataDb, 'default'),
        run: (inputs) => (via === 'hasura' ? s.run(inputs) : s.runOn('default', inputs)),
        kind,
        startBoth,
      })
      // The catalog state says what the schema is: one table per applied version.
      const tables = Object.keys(await schemaSnapshot(s.dbs.default!)).sort()
      expect(tables).toEqual(after.map((v) => tableOf.get(v)).sort())
      if (verdict === ONE_AFTER_THE_OTHER) return verdict
      // A round ends well within lock-timeout (60 s): the loser never gives up on the lock.
      expect(verdict).not.toBe('lock held')
      said[verdict] = (said[verdict] ?? 0) + 1
      return verdict
    }

    const forced: StartBoth = (runs) => lockForced(s.dbs.default!, runs)

    it(`${REAL_ROUNDS} real races with count 1: never a double revert, the loser says why`, async () => {
      for (let i = 0; i < REAL_ROUNDS; i++) await round('count', together)
    })

    it.each(['count', 'version'] as const)(
      `${FORCED_ROUNDS} lock-forced races with %s: exactly one reverts, the other: no longer applied`,
      async (kind) => {
        for (let i = 0; i < FORCED_ROUNDS; i++) expect(await round(kind, forced)).toBe('no longer applied')
      },
    )
  },
)
