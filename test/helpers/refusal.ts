// The EstimateError a call refuses with; fails the test when the call answers or throws anything else.
import { EstimateError } from '../../src/core/errors.ts';

export function refusalOf(call: () => unknown): EstimateError {
  try {
    call();
  } catch (e) {
    if (e instanceof EstimateError) return e;
    throw e;
  }
  throw new Error('expected an EstimateError');
}
