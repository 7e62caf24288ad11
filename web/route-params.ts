/**
 * Path parameters checked once, before any route runs: a session number in a URL is a whole number, or the request
 * is answered 400 saying so (`/console/sessions/abc` and `/console/sessions/1e999` once reached the database and
 * answered 500). Each route then reads a number it can trust.
 */
import type { FastifyInstance } from 'fastify';
import { InvalidInputError } from '../services/errors';

/** Sessions of the Commission are numbered from 1; four digits leave room for centuries of them. */
const SESSION_NUMBER = /^[1-9]\d{0,3}$/;

export function registerRouteParamChecks(app: FastifyInstance): void {
  app.addHook('preValidation', (request, _reply, done) => {
    const { number } = (request.params ?? {}) as { number?: unknown };
    if (number === undefined || (typeof number === 'string' && SESSION_NUMBER.test(number))) return done();
    done(
      new InvalidInputError('The session number in the address must be a whole number, for example 60', [
        { field: 'number', message: 'a whole number from 1 to 9999' },
      ]),
    );
  });
}
