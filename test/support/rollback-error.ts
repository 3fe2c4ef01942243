// The one-line refusal a test expects: what the user reads when the action stops on bad input or a
// failing server.
import { expect } from 'vitest'
import { RollbackError } from '../../src/errors.js'
import { HasuraApiError } from '../../src/hasura/errors.js'

/** The error `promise` rejects with; the test fails when it resolves or rejects with anything but a `kind`. */
async function rejectionOf<E>(
  promise: Promise<unknown>,
  kind: abstract new (...args: never[]) => E,
): Promise<E> {
  const error: unknown = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  )
  expect(error).toBeInstanceOf(kind)
  return error as E
}

/** The RollbackError `promise` rejects with; the test fails when it resolves or rejects with another error. */
export function rollbackError(promise: Promise<unknown>): Promise<RollbackError> {
  return rejectionOf(promise, RollbackError)
}

/** The HasuraApiError `promise` rejects with, checked to be one line holding none of `secrets`. */
export async function hasuraApiError(
  promise: Promise<unknown>,
  secrets: readonly string[],
): Promise<HasuraApiError> {
  const error = await rejectionOf(promise, HasuraApiError)
  expect(error.message).not.toContain('\n')
  for (const secret of secrets) expect(error.message).not.toContain(secret)
  return error
}
