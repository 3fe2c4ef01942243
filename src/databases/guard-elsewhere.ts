// A run that rolls back some of a config v3 project's databases (input `database-name`) still applies
// the stable metadata of all of them. What that metadata needs in each other database of the server is
// checked there too, in a transaction rolled back at once and before any rollback commits: metadata a
// database cannot serve stops the run while nothing is changed.
import type { RollbackDeps } from '../deps.js'
import type { RollbackRequest } from '../inputs.js'
import type { ProjectConfig } from '../project/config.js'
import type { StableRef } from '../project/stable-ref.js'
import type { Progress } from '../result.js'
import type { ExecutionFailure } from '../transport/transport.js'
import { NO_STATE_CHANGE } from '../transport/transport.js'
import { guardOf } from './run.js'
import type { Source } from './select.js'

export async function checkDatabasesNotRolledBack(
  request: RollbackRequest,
  deps: RollbackDeps,
  run: {
    config: ProjectConfig
    stable: StableRef
    sources: readonly Source[]
    rolledBack: readonly string[]
  },
  progress: Progress,
): Promise<ExecutionFailure | undefined> {
  for (const source of run.sources) {
    // No guard: nothing required there, or a kind the guard cannot read (listed as unchecked).
    const guard = run.rolledBack.includes(source.name) ? undefined : guardOf(run.stable, source.name)
    if (!guard) continue
    const transport = await deps.connectSource(run.config, source.name)
    progress.transports.push(transport)
    const checked = await deps.log.group(`Check the stable metadata against database ${source.name}`, () =>
      transport.execute([], {
        dryRun: true,
        lockTimeoutSeconds: request.lockTimeoutSeconds,
        state: NO_STATE_CHANGE,
        afterDowns: guard,
      }),
    )
    if (checked.failure) {
      const message = `Database ${source.name} (not rolled back by this run): ${checked.failure.message}`
      return { ...checked.failure, message }
    }
  }
  return undefined
}
