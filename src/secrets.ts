/**
 * Every form in which a database URL's password could be printed: as written (percent-encoded) and
 * decoded. The runner masks each registered string in logs.
 */
export function secretsOfDatabaseUrl(databaseUrl: string): string[] {
  if (!databaseUrl) return []
  const secrets = new Set<string>()
  try {
    const url = new URL(databaseUrl)
    if (url.password) {
      secrets.add(url.password)
      secrets.add(decodeURIComponent(url.password))
    }
    for (const key of ['password', 'sslpassword']) {
      const value = url.searchParams.get(key)
      if (value) secrets.add(value)
    }
  } catch {
    // Not a URL (e.g. a libpq keyword string): mask it whole rather than risk printing a part.
    secrets.add(databaseUrl)
  }
  return [...secrets]
}
