// Two rollbacks started together, many times, on both transports: a version is never reverted twice,
// and the run that loses says what happened (lock held, version no longer applied, nothing left).
// Most rounds are real races (both processes start at once; each down sleeps a little so the two
// transactions overlap); a few rounds hold the rollback lock until both runs wait for it, forcing
// both to read the state before either commits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runAction } from '../support/action-runner.js'
import type { HasuraStandIn } from '../support/hasura-stand-in.js'
import { startHasuraStandIn } from '../support/hasura-stand-in.js'
import { appliedVersions, applyUps, createTableMigrations, writeProject } from '../support/hasura-project.js'
import type { TestDatabase } from '../support/postgres.js'
import { createTestDatabase } from '../support/postgres.js'
import type { StartBoth } from '../support/races.js'
import { ONE_AFTER_THE_OTHER, lockForced, raceRound, together } from '../support/races.js'

const REAL_ROUNDS = 12
const FORCED_ROUNDS = 2
const SECRET = 'race-admin-secret'
/** Enough versions for every round, even when two sequential runs each revert one. */
const migrations = createTableMigrations(2 * 2 * (REAL_ROUNDS + FORCED_ROUNDS) + 4, { downSleepSeconds: 0.2 })

type TransportKind = 'postgres' | 'hasura'
type InputKind = 'count' | 'version'

interface Tally {
  rounds: number
  /** Rounds in which one run reverted and the other did not (a real overlap). */
  overlapped: number
  /** Rounds in which the runs happened one after the other (each reverted its own top version). */
  sequential: number
  loserSaid: Record<string, number>
}
/** Outcomes by transport, printed at the end so a reader sees how many races were real overlaps. */
const tallies: Record<TransportKind, Tally> = {
  postgres: { rounds: 0, overlapped: 0, sequential: 0, loserSaid: {} },
  hasura: { rounds: 0, overlapped: 0, sequential: 0, loserSaid: {} },
}

for (const transport of ['postgres', 'hasura'] as const) {
  describe(`two rollbacks started together (transport ${transport})`, () => {
    let db: TestDatabase
    let workspace: string
    let hasura: HasuraStandIn | undefined
    beforeAll(async () => {
      db = await createTestDatabase()
      await applyUps(db, migrations)
      workspace = await writeProject(migrations)
      if (transport === 'hasura')
        hasura = await startHasuraStandIn({ databaseUrl: db.url, generation: 'v2', adminSecret: SECRET })
    })
    afterAll(async () => {
      await hasura?.close()
      await db.drop()
    })

    const run = (inputs: Record<string, string>) =>
      runAction({
        workspace,
        inputs: {
          'apply-metadata': 'false',
          ...(transport === 'postgres'
            ? { 'database-url': db.url }
            : { endpoint: hasura!.url, 'admin-secret': SECRET }),
          ...inputs,
        },
      })

    async function round(kind: InputKind, startBoth: StartBoth) {
      const { verdict } = await raceRound({ applied: () => appliedVersions(db), run, kind, startBoth })
      const tally = tallies[transport]
      tally.rounds++
      if (verdict === ONE_AFTER_THE_OTHER) {
        tally.sequential++
        return
      }
      tally.overlapped++
      tally.loserSaid[verdict] = (tally.loserSaid[verdict] ?? 0) + 1
    }

    const forced: StartBoth = (runs) => lockForced(db, runs)

    for (const kind of ['count', 'version'] as const) {
      const inputs = kind === 'count' ? "count: '1'" : 'version: <top>'
      it(`${REAL_ROUNDS} real races with ${inputs}: never a double revert, the loser says why`, async () => {
        for (let i = 0; i < REAL_ROUNDS; i++) await round(kind, together)
      })
      it(`${FORCED_ROUNDS} lock-forced races with ${inputs}: exactly one reverts, the other: no longer applied`, async () => {
        const said = tallies[transport].loserSaid['no longer applied'] ?? 0
        for (let i = 0; i < FORCED_ROUNDS; i++) await round(kind, forced)
        expect(tallies[transport].loserSaid['no longer applied']).toBe(said + FORCED_ROUNDS)
      })
    }

    it('tally', () => {
      console.log(`races (${transport}): ${JSON.stringify(tallies[transport])}`)
      expect(tallies[transport].rounds).toBe(2 * (REAL_ROUNDS + FORCED_ROUNDS))
    })
  })
}
