/**
 * The errors of the application services. Each carries the HTTP status the web layer answers with and a message that
 * is safe to show to the user; web/errors.ts is the one place that maps and logs them.
 */
export abstract class AppError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
}

/** The input is malformed or breaks a rule; `fields` says which field and why. Nothing was written. */
export class InvalidInputError extends AppError {
  readonly status = 400;
  readonly code = 'invalid_input';
  constructor(
    message: string,
    readonly fields: { field: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'InvalidInputError';
  }
}

/**
 * The answers are allowed but some look mistaken (soft warnings): the respondent corrects them or confirms them and
 * submits again. Nothing was written.
 */
export class ConfirmationNeededError extends AppError {
  readonly status = 422;
  readonly code = 'confirmation_needed';
  constructor(
    message: string,
    readonly warnings: { field: string; message: string }[],
  ) {
    super(message);
    this.name = 'ConfirmationNeededError';
  }
}

export class NotFoundError extends AppError {
  readonly status = 404;
  readonly code = 'not_found';
  override name = 'NotFoundError';
}

/** The action conflicts with the current state (already exists, already submitted, stale version). */
export class ConflictError extends AppError {
  readonly status = 409;
  readonly code = 'conflict';
  override name = 'ConflictError';
}

export class ForbiddenError extends AppError {
  readonly status = 403;
  readonly code = 'forbidden';
  override name = 'ForbiddenError';
}

/** Too many attempts from one address or on one account within a window; `retryAfterSeconds` says when to retry. */
export class TooManyAttemptsError extends AppError {
  readonly status = 429;
  readonly code = 'too_many_attempts';
  override name = 'TooManyAttemptsError';
  constructor(readonly retryAfterSeconds: number) {
    super('Too many attempts from your network. Please wait a few minutes and try again.');
  }
}
