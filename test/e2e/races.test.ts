// Two rollbacks started together, many times, on both transports: a version is never reverted twice,
// and the run that loses says what happened (lock held, version no longer applied, nothing left).
// Most rounds are real races (both processes start at once; each down sleeps a little so the two
// transactions overlap); a few rounds hold the rollback lock until both runs wait for it, forcing
// both to read the state before either commits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LOCK_KEY } from '../../src/transport/script.js'
import type { ActionRun } from '../support/action-runner.js'
import { runAction } from '../support/action-runner.js'
import { advisoryWaiters, waitFor } from '../support/blockers.js'
import type { HasuraStandIn } from '../support/hasura-stand-in.js'
import { startHasuraStandIn } from '../support/hasura-stand-in.js'
import { appliedVersions, applyUps, createTableMigrations, writeProject } from '../support/hasura-project.js'
import type { TestDatabase } from '../support/postgres.js'
import { createTestDatabase } from '../support/postgres.js'

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

const reverted = (r: ActionRun): string[] =>
  r.exitCode === 0 && r.outputs.status === 'rolled-back' ? JSON.parse(r.outputs['rolled-back-versions']!) : []

/** What a run that reverted nothing said: it must be one of these, nothing else. */
function loserVerdict(r: ActionRun): string {
  if (r.exitCode === 0 && r.outputs.status === 'nothing-to-roll-back') return 'nothing-to-roll-back'
  expect(r.exitCode, r.stdout).toBe(1)
  expect(r.outputs.status).toBe('failed')
  const errors = r.annotations.filter((a) => a.level === 'error').map((a) => a.message)
  const said = errors.join('\n')
  if (/Another hasura-rollback run holds the database lock/.test(said)) return 'lock held'
  if (
    /Version \d+ is no longer applied: another rollback reverted it after this run read the state/.test(said)
  )
    return 'no longer applied'
  if (/Version \d+ \(input 'version'\) is not applied/.test(said)) return 'not applied (at plan)'
  throw new Error(`the losing run said something unexpected: ${said}`)
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

    async function round(
      kind: InputKind,
      startBoth: (runs: () => Promise<ActionRun>[]) => Promise<ActionRun[]>,
    ) {
      const before = await appliedVersions(db)
      const top = before.at(-1)!
      const inputs: Record<string, string> = kind === 'count' ? { count: '1' } : { version: top }
      const results = await startBoth(() => [run(inputs), run(inputs)])
      const after = await appliedVersions(db)
      const gone = before.filter((v) => !after.includes(v))
      const [a, b] = results.map(reverted) as [string[], string[]]
      // Never a double revert: no version claimed by both runs; what is gone is what they claim.
      expect(a.filter((v) => b.includes(v))).toEqual([])
      expect([...a, ...b].sort()).toEqual(gone.sort())
      expect(gone).toContain(top)
      const tally = tallies[transport]
      tally.rounds++
      if (a.length > 0 && b.length > 0) {
        // Only possible with count: 1 when one run read the state after the other committed.
        expect(kind).toBe('count')
        expect(gone).toHaveLength(2)
        tally.sequential++
        return
      }
      expect(gone).toEqual([top])
      tally.overlapped++
      const loser = results[a.length > 0 ? 1 : 0]!
      const said = loserVerdict(loser)
      tally.loserSaid[said] = (tally.loserSaid[said] ?? 0) + 1
    }

    const together = (runs: () => Promise<ActionRun>[]) => Promise.all(runs())

    /** Holds the rollback lock until both runs wait for it: both have read the state by then. */
    async function lockForced(runs: () => Promise<ActionRun>[]): Promise<ActionRun[]> {
      const pg = (await import('pg')).default
      const holder = new pg.Client({ connectionString: db.url })
      await holder.connect()
      try {
        await holder.query(`SELECT pg_advisory_lock(${LOCK_KEY})`)
        const started = runs()
        await waitFor(async () => ((await advisoryWaiters(db)) === 2 ? true : undefined))
        await holder.query('SELECT pg_advisory_unlock_all()')
        return await Promise.all(started)
      } finally {
        await holder.end()
      }
    }

    for (const kind of ['count', 'version'] as const) {
      const inputs = kind === 'count' ? "count: '1'" : 'version: <top>'
      it(`${REAL_ROUNDS} real races with ${inputs}: never a double revert, the loser says why`, async () => {
        for (let i = 0; i < REAL_ROUNDS; i++) await round(kind, together)
      })
      it(`${FORCED_ROUNDS} lock-forced races with ${inputs}: exactly one reverts, the other: no longer applied`, async () => {
        const said = tallies[transport].loserSaid['no longer applied'] ?? 0
        for (let i = 0; i < FORCED_ROUNDS; i++) await round(kind, lockForced)
        expect(tallies[transport].loserSaid['no longer applied']).toBe(said + FORCED_ROUNDS)
      })
    }

    it('tally', () => {
      console.log(`races (${transport}): ${JSON.stringify(tallies[transport])}`)
      expect(tallies[transport].rounds).toBe(2 * (REAL_ROUNDS + FORCED_ROUNDS))
    })
  })
}
