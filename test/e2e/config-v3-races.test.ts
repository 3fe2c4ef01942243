// Two config v3 rollbacks started together through Hasura, many times: a version is never reverted
// twice, with the catalog state in the database rolled back (its hdb_version row locked and re-checked)
// or elsewhere (the journal re-checked after the lock; the state written after COMMIT). Most rounds
// are real races (each down sleeps so the transactions overlap); the others hold the rollback lock
// until both runs wait for it, so both read the state before either commits.
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LOCK_KEY } from '../../src/transport/script.js'
import type { ActionRun } from '../support/action-runner.js'
import { advisoryWaiters, waitFor } from '../support/blockers.js'
import type { V3Setup } from '../support/config-v3-setup.js'
import { catalogVersions, errorsOf, setUpV3 } from '../support/config-v3-setup.js'
import { createTableMigrations } from '../support/hasura-project.js'
import { schemaSnapshot } from '../support/postgres.js'

const REAL_ROUNDS = 6
const FORCED_ROUNDS = 2
/** Enough versions for every round, even when two runs one after the other each revert one. */
const migrations = createTableMigrations(2 * (REAL_ROUNDS + 2 * FORCED_ROUNDS) + 2, {
  firstVersion: 1780000000001n,
  downSleepSeconds: 0.2,
})
const tableOf = new Map(migrations.map((m) => [m.version, m.up.split(' ')[2]!]))

const reverted = (r: ActionRun): string[] =>
  r.exitCode === 0 && r.outputs.status === 'rolled-back' ? JSON.parse(r.outputs['rolled-back-versions']!) : []

/** What a run that reverted nothing said: one of these, nothing else. */
function loserVerdict(r: ActionRun): string {
  if (r.exitCode === 0 && r.outputs.status === 'nothing-to-roll-back') return 'nothing to roll back'
  expect(r.exitCode, r.stdout).toBe(1)
  const said = errorsOf(r).join('\n')
  if (
    /Version \d+ is no longer applied: another rollback reverted it after this run read the state/.test(said)
  )
    return 'no longer applied'
  if (/Version \d+ \(input 'version'\) is not applied/.test(said)) return 'not applied (at plan)'
  throw new Error(`the losing run said something unexpected: ${said}`)
}

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

    async function round(
      kind: 'count' | 'version',
      startBoth: (runs: () => Promise<ActionRun>[]) => Promise<ActionRun[]>,
    ) {
      const before = await catalogVersions(s.metadataDb, 'default')
      const top = before.at(-1)!
      const inputs: Record<string, string> = kind === 'count' ? { count: '1' } : { version: top }
      const run = () => (via === 'hasura' ? s.run(inputs) : s.runOn('default', inputs))
      const results = await startBoth(() => [run(), run()])
      const after = await catalogVersions(s.metadataDb, 'default')
      const gone = before.filter((v) => !after.includes(v))
      const [a, b] = results.map(reverted) as [string[], string[]]
      // Never a double revert: no version claimed by both runs; what is gone is what they claim.
      expect(a.filter((v) => b.includes(v))).toEqual([])
      expect([...a, ...b].sort()).toEqual(gone.sort())
      expect(gone).toContain(top)
      // The catalog state says what the schema is: one table per applied version.
      const tables = Object.keys(await schemaSnapshot(s.dbs.default!)).sort()
      expect(tables).toEqual(after.map((v) => tableOf.get(v)).sort())
      if (a.length > 0 && b.length > 0) return 'one after the other'
      const verdict = loserVerdict(results[a.length > 0 ? 1 : 0]!)
      said[verdict] = (said[verdict] ?? 0) + 1
      return verdict
    }

    const together = (runs: () => Promise<ActionRun>[]) => Promise.all(runs())

    /** Holds the rollback lock until both runs wait for it: both have read the state by then. */
    async function lockForced(runs: () => Promise<ActionRun>[]): Promise<ActionRun[]> {
      const holder = new pg.Client({ connectionString: s.dbs.default!.url })
      await holder.connect()
      try {
        await holder.query(`SELECT pg_advisory_lock(${LOCK_KEY})`)
        const started = runs()
        await waitFor(async () => ((await advisoryWaiters(s.dbs.default!)) === 2 ? true : undefined))
        await holder.query('SELECT pg_advisory_unlock_all()')
        return await Promise.all(started)
      } finally {
        await holder.end()
      }
    }

    it(`${REAL_ROUNDS} real races with count 1: never a double revert, the loser says why`, async () => {
      for (let i = 0; i < REAL_ROUNDS; i++) await round('count', together)
    })

    it.each(['count', 'version'] as const)(
      `${FORCED_ROUNDS} lock-forced races with %s: exactly one reverts, the other: no longer applied`,
      async (kind) => {
        for (let i = 0; i < FORCED_ROUNDS; i++)
          expect(await round(kind, lockForced)).toBe('no longer applied')
      },
    )
  },
)
