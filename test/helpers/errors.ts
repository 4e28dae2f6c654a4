import { AppError } from '../../src/errors.ts';

/** The AppError a service call was refused with; fails the test when it was accepted or failed otherwise. */
export async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('it was accepted');
}
