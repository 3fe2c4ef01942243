// What one run needs from outside: the workspace's files, the environment, connections to the databases
// and to Hasura, git, GitHub, a log and a clock. main.ts provides them; tests provide their own.
import type { Git } from './git/git.js'
import type { Log } from './log.js'
import type { MetadataApi } from './metadata/apply.js'
import type { ProjectConfig } from './project/config.js'
import type { ProjectFiles } from './project/files.js'
import type { Transport } from './transport/transport.js'

export interface RollbackDeps {
  /** The project directory in the workspace. */
  readonly files: ProjectFiles
  readonly env: Readonly<Record<string, string | undefined>>
  /** A transport to the database; `database` names the Hasura source of a config v3 project. */
  readonly connect: (config: ProjectConfig, database?: string) => Promise<Transport>
  /** Hasura's run_sql on one of its sources (config v3), whatever `database-url` says. */
  readonly connectSource: (config: ProjectConfig, database: string) => Promise<Transport>
  readonly metadataApi: (config: ProjectConfig) => MetadataApi
  readonly git: () => Promise<Git>
  /** For `ref: last-successful-run`: the head SHA of the last successful run of the workflow meant. */
  readonly lastSuccessfulRun: () => Promise<{ readonly sha: string; readonly runUrl: string }>
  readonly log: Log
  /** Where the metadata backup is written. */
  readonly backupDir: string
  /** This workflow run and step, the same on every attempt; undefined outside Actions. */
  readonly run: { readonly key: string; readonly attempt: number } | undefined
  readonly now: () => Date
}
