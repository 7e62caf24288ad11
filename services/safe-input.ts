/**
 * The services' side of domain/safe-text.ts: an input from outside made safe, or a 400 saying which field holds an
 * invalid character and where. Called before any validation, so a refused input writes nothing.
 */
import type { z } from 'zod';
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

/** Every service input from outside (web forms, the CLI) passes here: made safe (domain/safe-text.ts), then checked. */
export function parseOrThrow<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(safeInputOrThrow(input));
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message }));
  throw new InvalidInputError(fields.map((f) => `${f.field}: ${f.message}`).join('; '), fields);
}
