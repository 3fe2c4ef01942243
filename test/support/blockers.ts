// Makes a rollback wait at a chosen point, so a fault (a terminated session) strikes exactly there:
// the test holds an advisory lock the rollback's SQL asks for, waits until pg_locks shows that backend
// waiting, and can then terminate it.
import pg from 'pg'
import type { TestDatabase } from './postgres.js'

export interface Blocker {
  /** Backend pid waiting for the key (the rollback's session, or the stand-in's). */
  waiter(): Promise<number>
  /** pg_terminate_backend on that pid, from the blocker's own session. */
  terminate(pid: number): Promise<void>
  release(): Promise<void>
}

/** Holds advisory lock `key` (a bigint, as a number or its digits) in a session of its own. */
export async function holdAdvisoryLock(db: TestDatabase, key: number | string): Promise<Blocker> {
  const holder = new pg.Client({ connectionString: db.url })
  await holder.connect()
  await holder.query('SELECT pg_advisory_lock($1::bigint)', [key])
  let released = false
  return {
    async waiter() {
      // pg_locks shows a bigint key as its high half in classid, its low half in objid, objsubid 1.
      const bits = BigInt.asUintN(64, BigInt(key))
      const halves = [String(bits >> 32n), String(bits & 0xffffffffn)]
      const sql = `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid = $1
        AND objid = $2 AND objsubid = 1
        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`
      return waitFor(async () => (await holder.query<{ pid: number }>(sql, halves)).rows[0]?.pid)
    },
    async terminate(pid) {
      const { rows } = await holder.query<{ ok: boolean }>('SELECT pg_terminate_backend($1) AS ok', [pid])
      if (!rows[0]?.ok) throw new Error(`could not terminate backend ${pid}`)
    },
    async release() {
      if (released) return
      released = true
      await holder.end()
    },
  }
}

export async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 25))
  }
}

/** The application_name of a backend, to check the fault hit the session we meant. */
export async function applicationName(db: TestDatabase, pid: number): Promise<string | undefined> {
  const rows = await db.query<{ name: string }>(
    'SELECT application_name AS name FROM pg_stat_activity WHERE pid = $1',
    [pid],
  )
  return rows[0]?.name
}

/**
 * Sessions of this test database waiting for an advisory lock. pg_locks covers the whole cluster, and
 * test files running alongside hold and wait for advisory locks in their own databases.
 */
export async function advisoryWaiters(db: TestDatabase): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
       AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
  )
  return rows[0]!.n
}
