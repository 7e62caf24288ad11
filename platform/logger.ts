/**
 * Structured logging. Personal links carry a secret token in their path, so no line may hold one, whatever wrote it:
 * our own messages, the request serializer, and the framework's own messages (Fastify's "Route GET:/r/<token>/ not
 * found", its URL and body errors) alike. Every serialized line passes through `redactTokens` on its way to the
 * destination, so no route or message can bypass it; cookies and credentials are censored as well (tokens never
 * reach logs: see ARCHITECTURE.md, "Tokens").
 */
import pino from 'pino';
import type { Logger } from 'pino';

export type { Logger };

/** A personal-link path in any spelling a client may send: `/r/…`, `//r//…`, `/R/…`, `/r%2F…`. */
const TOKEN_IN_PATH = /\/+r(?:\/+|%2f)[^/?#\s"\\]+/gi;
/**
 * A bare token: 32 random bytes in base64url are exactly 43 characters. Nothing else the product logs has that shape
 * (UUIDs carry hyphens every few characters and are 36 long; SHA-256 digests are 64 hex digits).
 */
const BARE_TOKEN = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g;

/** An API token (services/api-tokens.ts): its prefix, then a bare token's 43 characters. */
const API_TOKEN = /cpt_[A-Za-z0-9_-]{43}/g;

export function redactUrl(url: string): string {
  return url.replace(TOKEN_IN_PATH, '/r/[redacted]');
}

/** Every personal-link token and API token in a text (a serialized log line, an error message) replaced by `[redacted]`. */
export function redactTokens(text: string): string {
  return redactUrl(text)
    .replace(API_TOKEN, 'cpt_[redacted]')
    .replace(BARE_TOKEN, (candidate) =>
      // A run of 43 letters only (a long word) is no token: a token has digits, '-' or '_' somewhere, or mixed case.
      /^[a-z]+$|^[A-Z]+$/.test(candidate) ? candidate : '[redacted]',
    );
}

/** Wraps a destination so that every line pino writes is redacted first. */
function redacting(destination: { write(chunk: string): unknown }): pino.DestinationStream {
  return { write: (line: string) => destination.write(redactTokens(line)) };
}

export function createLogger(level: string, name = 'commission-prep', destination?: NodeJS.WritableStream): Logger {
  const options: pino.LoggerOptions = {
    name,
    level,
    serializers: {
      req: (req: { method?: string; url?: string; ip?: string }) => ({
        method: req.method,
        url: redactUrl(req.url ?? ''),
        ip: req.ip,
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      err: pino.stdSerializers.err,
    },
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', '*.password', '*.token', '*.smtpPassword'],
      censor: '[redacted]',
    },
  };
  return pino(options, redacting(destination ?? pino.destination(1)));
}
