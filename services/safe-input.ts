/**
 * The services' side of domain/safe-text.ts: an input from outside made safe, or a 400 saying which field holds an
 * invalid character and where. Called before any validation, so a refused input writes nothing.
 */
import { UnsafeTextError, safeInput } from '../domain/safe-text';
import { InvalidInputError } from './errors';

export function safeInputOrThrow<T>(input: T): T {
  try {
    return safeInput(input);
  } catch (error) {
    if (!(error instanceof UnsafeTextError)) throw error;
    throw new InvalidInputError(error.message, [{ field: error.field, message: error.fieldMessage }]);
  }
}
