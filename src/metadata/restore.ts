// The shell command that puts a metadata backup (backupMetadata's file: export_metadata's answer as
// written) back on the server through the admin API. `hasura metadata apply` cannot: it reads a
// project directory, not an exported JSON file. The command needs bash and curl only (no jq, no CLI).
import type { ServerGeneration } from '../hasura/client.js'

/** `text` as one bash word: single-quoted, each `'` written as `'\''`. */
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`
}

/**
 * The body around the file, per server generation. v2.x: the envelope with
 * `allow_inconsistent_metadata: true`, so the backup is stored exactly as written even when objects
 * it names are gone (the downs that ran after the backup may have dropped them); the answer lists
 * them. v1.x takes only the bare object (the file is its version-2 export) and refuses inconsistent
 * metadata, keeping what it has.
 */
const envelopes: Record<ServerGeneration, { head: string; tail: string; apiPath: string }> = {
  v2: {
    head: '{"type":"replace_metadata","version":2,"args":{"allow_inconsistent_metadata":true,"metadata":',
    tail: '}}',
    apiPath: 'v1/metadata',
  },
  v1: { head: '{"type":"replace_metadata","args":', tail: '}', apiPath: 'v1/query' },
}

/**
 * A one-line bash command (GitHub-hosted runner or a developer's terminal) that replaces the server's
 * metadata with the backup at `backupPath`, sent to `$HASURA_GRAPHQL_ENDPOINT` (a path prefix is kept)
 * with the admin secret read from `$HASURA_GRAPHQL_ADMIN_SECRET` when it runs: the secret's value is in
 * neither the command nor any process's arguments (printf is a bash builtin; curl reads the header
 * from a pipe). An unset endpoint or an unreadable file stops it before anything is sent; a refusal
 * prints Hasura's answer and exits non-zero (curl 7.76 or later).
 */
export function restoreMetadataCommand(backupPath: string, generation: ServerGeneration): string {
  const file = shellQuote(backupPath)
  const { head, tail, apiPath } = envelopes[generation]
  const body = `{ printf '%s' ${shellQuote(head)}; cat -- ${file}; printf '%s' ${shellQuote(tail)}; }`
  const curl = [
    'curl -sS --fail-with-body -w',
    shellQuote('\\n'),
    `-H 'Content-Type: application/json'`,
    `-H @<(printf 'X-Hasura-Admin-Secret: %s\\n' "$HASURA_GRAPHQL_ADMIN_SECRET")`,
    '--data-binary @-',
    `"\${HASURA_GRAPHQL_ENDPOINT%/}/${apiPath}"`,
  ].join(' ')
  const checks = `: "\${HASURA_GRAPHQL_ENDPOINT:?set it to the Hasura endpoint}" && cat -- ${file} > /dev/null`
  return `${checks} && ${body} | ${curl}`
}
