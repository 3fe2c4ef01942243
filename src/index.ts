import * as core from '@actions/core'
import { errorMessage } from './errors.js'
import { run } from './main.js'

// run() reports every failure it foresees; this is the last resort for one it does not: still one
// line, and the step fails.
run().catch((error: unknown) => core.setFailed(`Unexpected error: ${errorMessage(error)}`))
