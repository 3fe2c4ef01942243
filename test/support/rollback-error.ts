// The one-line refusal a test expects: what the user reads when the action stops on bad input.
import { expect } from 'vitest'
import { RollbackError } from '../../src/errors.js'

/** The RollbackError `promise` rejects with; the test fails when it resolves or rejects with another error. */
export async function rollbackError(promise: Promise<unknown>): Promise<RollbackError> {
  const error: unknown = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  )
  expect(error).toBeInstanceOf(RollbackError)
  return error as RollbackError
}
