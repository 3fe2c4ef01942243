// Two rollbacks started together, for the race tests: started at once, or held at the rollback lock
// until both wait for it; and what every round must show: no version reverted twice, and the run that
// lost saying why.
import { expect } from 'vitest'
import { LOCK_KEY } from '../../src/transport/script.js'
import type { ActionRun } from './action-runner.js'
import { advisoryWaiters, holdAdvisoryLock, waitFor } from './blockers.js'
import { errorsOf } from './config-v3-setup.js'
import type { TestDatabase } from './postgres.js'

/** Starts the two runs `runs` makes and waits for both to end. */
export type StartBoth = (runs: () => Promise<ActionRun>[]) => Promise<ActionRun[]>

/** Both runs at once: a real race. */
export const together: StartBoth = (runs) => Promise.all(runs())

/** Holds the rollback lock in `db` until both runs wait for it: both have read the state by then. */
export async function lockForced(db: TestDatabase, runs: () => Promise<ActionRun>[]): Promise<ActionRun[]> {
  const lock = await holdAdvisoryLock(db, LOCK_KEY)
  try {
    const started = runs()
    await waitFor(async () => ((await advisoryWaiters(db)) === 2 ? true : undefined))
    await lock.release()
    return await Promise.all(started)
  } finally {
    await lock.release()
  }
}

/** The versions a run reverted, per its outputs. */
const reverted = (r: ActionRun): string[] =>
  r.exitCode === 0 && r.outputs.status === 'rolled-back' ? JSON.parse(r.outputs['rolled-back-versions']!) : []

/** What a run that reverted nothing said: it must be one of these, nothing else. */
function loserVerdict(r: ActionRun): string {
  if (r.exitCode === 0 && r.outputs.status === 'nothing-to-roll-back') return 'nothing to roll back'
  expect(r.exitCode, r.stdout).toBe(1)
  expect(r.outputs.status).toBe('failed')
  const said = errorsOf(r).join('\n')
  if (/Another hasura-rollback run holds the database lock/.test(said)) return 'lock held'
  if (
    /Version \d+ is no longer applied: another rollback reverted it after this run read the state/.test(said)
  )
    return 'no longer applied'
  if (/Version \d+ \(input 'version'\) is not applied/.test(said)) return 'not applied (at plan)'
  throw new Error(`the losing run said something unexpected: ${said}`)
}

/** The verdict of a round in which both runs reverted a version, the second after the first committed. */
export const ONE_AFTER_THE_OTHER = 'one after the other'

export interface RaceRound {
  /** The applied versions, ascending, as the test reads them (migration table or catalog state). */
  applied(): Promise<string[]>
  /** One run of the action with these inputs. */
  run(inputs: Record<string, string>): Promise<ActionRun>
  /** `count: '1'`, or `version` naming the top applied version. */
  kind: 'count' | 'version'
  startBoth: StartBoth
}

/**
 * Two runs started together against the top applied version. Returns the versions applied after
 * them and the verdict: ONE_AFTER_THE_OTHER, or what the run that reverted nothing said.
 */
export async function raceRound(round: RaceRound): Promise<{ after: string[]; verdict: string }> {
  const before = await round.applied()
  const top = before.at(-1)!
  const inputs: Record<string, string> = round.kind === 'count' ? { count: '1' } : { version: top }
  const results = await round.startBoth(() => [round.run(inputs), round.run(inputs)])
  const after = await round.applied()
  const gone = before.filter((v) => !after.includes(v))
  const [a, b] = results.map(reverted) as [string[], string[]]
  // Never a double revert: no version claimed by both runs; what is gone is what they claim.
  expect(a.filter((v) => b.includes(v))).toEqual([])
  expect([...a, ...b].sort()).toEqual(gone.sort())
  expect(gone).toContain(top)
  if (a.length > 0 && b.length > 0) {
    // Only possible with count: 1 when one run read the state after the other committed.
    expect(round.kind).toBe('count')
    expect(gone).toHaveLength(2)
    return { after, verdict: ONE_AFTER_THE_OTHER }
  }
  expect(gone).toEqual([top])
  return { after, verdict: loserVerdict(results[a.length > 0 ? 1 : 0]!) }
}
