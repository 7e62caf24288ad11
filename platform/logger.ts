/**
 * Structured logging. Personal links carry a secret token in their path, so every logged URL goes through
 * `redactUrl`, and cookies and credentials are censored (DESIGN.md §5: tokens never reach logs).
 */
import pino from 'pino';
import type { Logger } from 'pino';

export type { Logger };

const TOKEN_IN_PATH = /\/r\/[^/?#]+/g;

export function redactUrl(url: string): string {
  return url.replace(TOKEN_IN_PATH, '/r/[redacted]');
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
  return destination ? pino(options, destination) : pino(options);
}
