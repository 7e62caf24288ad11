/**
 * The one place that reads `process.env`. Every process parses its configuration here at start-up and fails fast
 * with a message naming the bad variable, instead of failing on the first request that needs it.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const ROOT = path.resolve(__dirname, '..');

const booleanString = z
  .enum(['true', 'false', '1', '0', ''])
  .default('false')
  .transform((value) => value === 'true' || value === '1');

const ZEnv = z.object({
  DATA_DIR: z.string().default(path.join(ROOT, '.data')),
  DATABASE_URL: z.string().url().optional(),
  EMBEDDED_PG_PORT: z.coerce.number().int().positive().default(54329),
  TEMPORAL_ADDRESS: z.string().optional(),
  EMBEDDED_TEMPORAL_PORT: z.coerce.number().int().positive().default(7233),
  EMBEDDED_TEMPORAL_UI_PORT: z.coerce.number().int().positive().default(8233),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TLS: booleanString,
  TEMPORAL_API_KEY: z.string().optional(),
  TEMPORAL_TASK_QUEUE: z.string().default('commission-prep'),
  TEMPORAL_UI_URL: z.string().url().default('http://localhost:8233'),
  TEMPORAL_CLI_PATH: z.string().optional(),
  TEMPORAL_TEST_SERVER_PATH: z.string().optional(),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().positive().default(2525),
  SMTP_SECURE: booleanString,
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  MAIL_FROM: z.string().default('CCPCJ Secretariat <ccpcj-secretariat@example.org>'),
  MAIL_MESSAGE_ID_DOMAIN: z.string().default('commission-prep.example.org'),
  MAIL_RATE_PER_SECOND: z.coerce.number().positive().default(5),
  MAIL_ALERT_AFTER_MINUTES: z.coerce.number().int().positive().default(120),
  ESCALATION_CHIEF_EMAIL: z.string().email().default('chief.ccpcj@example.org'),
  CHIEF_ESCALATION: z.enum(['daily', 'digest']).default('daily'),
  REMIND_NOW_WINDOW_MINUTES: z.coerce.number().int().nonnegative().default(60),
  WEB_HOST: z.string().default('127.0.0.1'),
  WEB_PORT: z.coerce.number().int().nonnegative().default(3000),
  PUBLIC_BASE_URL: z.string().url().default('http://localhost:3000'),
  TRUST_PROXY: booleanString,
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
  /** A staff login ends after this many minutes without a request, and at its maximum lifetime whatever happens. */
  LOGIN_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  LOGIN_MAX_HOURS: z.coerce.number().int().positive().default(8),
  /** With it, /metrics asks for this bearer token (Prometheus's `authorization` in its scrape config). */
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
  /** The worker's own probes and metrics (/healthz, /readyz, /metrics) on this port; unset: not served. */
  WORKER_OPS_PORT: z.coerce.number().int().positive().optional(),
  /** Where the Temporal SDK's own Prometheus exporter listens (host:port); unset: not served. */
  TEMPORAL_METRICS_ADDRESS: z.string().optional(),
  /** The OTLP/HTTP endpoint traces are sent to (e.g. http://collector:4318); unset: no traces. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface AppConfig {
  rootDir: string;
  dataDir: string;
  /** What `npm start` runs itself because no external service was configured. */
  embedded: { postgres: boolean; temporal: boolean; smtp: boolean; temporalUiPort: number };
  /** Unset means: start the embedded PostgreSQL (npm start) and use it. */
  databaseUrl: string | undefined;
  embeddedPostgresPort: number;
  temporal: {
    address: string;
    namespace: string;
    tls: boolean;
    apiKey: string | undefined;
    taskQueue: string;
    uiUrl: string;
    cliPath: string | undefined;
    testServerPath: string | undefined;
  };
  smtp: { host: string; port: number; secure: boolean; user: string | undefined; password: string | undefined };
  mail: {
    from: string;
    messageIdDomain: string;
    ratePerSecond: number;
    /** A page of e-mails waiting this long for the mail server raises the alert on the dashboard. */
    alertAfterMinutes: number;
    chiefEmail: string;
    /** `daily`: the chief is on each session's chief-level escalations; `digest`: one e-mail a day for them all. */
    chiefEscalation: 'daily' | 'digest';
    /** A second "remind now" within this many minutes of the last sends nothing (0: no limit). */
    remindNowWindowMinutes: number;
  };
  /** trustProxy: take the client address from X-Forwarded-For (only behind a proxy that sets it). */
  web: {
    host: string;
    port: number;
    publicBaseUrl: string;
    sessionSecret: string;
    trustProxy: boolean;
    login: { idleMinutes: number; maxHours: number };
  };
  storageDir: string;
  operations: {
    metricsToken?: string;
    workerOpsPort?: number;
    temporalMetricsAddress?: string;
    otlpEndpoint?: string;
  };
  logLevel: string;
}

/** Thrown when the environment is invalid; the message lists every bad variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    rootDir: ROOT,
    dataDir,
    embedded: {
      postgres: e.DATABASE_URL === undefined,
      temporal: e.TEMPORAL_ADDRESS === undefined,
      smtp: e.SMTP_HOST === undefined,
      temporalUiPort: e.EMBEDDED_TEMPORAL_UI_PORT,
    },
    databaseUrl: e.DATABASE_URL,
    embeddedPostgresPort: e.EMBEDDED_PG_PORT,
    temporal: {
      address: e.TEMPORAL_ADDRESS ?? `127.0.0.1:${e.EMBEDDED_TEMPORAL_PORT}`,
      namespace: e.TEMPORAL_NAMESPACE,
      tls: e.TEMPORAL_TLS,
      apiKey: e.TEMPORAL_API_KEY,
      taskQueue: e.TEMPORAL_TASK_QUEUE,
      uiUrl: e.TEMPORAL_UI_URL,
      cliPath: e.TEMPORAL_CLI_PATH,
      testServerPath: e.TEMPORAL_TEST_SERVER_PATH,
    },
    smtp: {
      host: e.SMTP_HOST ?? '127.0.0.1',
      port: e.SMTP_PORT,
      secure: e.SMTP_SECURE,
      user: e.SMTP_USER,
      password: e.SMTP_PASSWORD,
    },
    mail: {
      from: e.MAIL_FROM,
      messageIdDomain: e.MAIL_MESSAGE_ID_DOMAIN,
      ratePerSecond: e.MAIL_RATE_PER_SECOND,
      alertAfterMinutes: e.MAIL_ALERT_AFTER_MINUTES,
      chiefEmail: e.ESCALATION_CHIEF_EMAIL,
      chiefEscalation: e.CHIEF_ESCALATION,
      remindNowWindowMinutes: e.REMIND_NOW_WINDOW_MINUTES,
    },
    web: {
      host: e.WEB_HOST,
      port: e.WEB_PORT,
      publicBaseUrl: e.PUBLIC_BASE_URL.replace(/\/$/, ''),
      sessionSecret: e.SESSION_SECRET ?? localSessionSecret(dataDir),
      trustProxy: e.TRUST_PROXY,
      login: { idleMinutes: e.LOGIN_IDLE_MINUTES, maxHours: e.LOGIN_MAX_HOURS },
    },
    storageDir: path.join(dataDir, 'documents'),
    operations: {
      metricsToken: e.METRICS_TOKEN,
      workerOpsPort: e.WORKER_OPS_PORT,
      temporalMetricsAddress: e.TEMPORAL_METRICS_ADDRESS,
      otlpEndpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT,
    },
    logLevel: e.LOG_LEVEL,
  };
}

/** The database the process should use: DATABASE_URL, or the embedded PostgreSQL that `npm start` runs. */
export function databaseUrlOf(config: AppConfig): string {
  return config.databaseUrl ?? embeddedDatabaseUrl(config.embeddedPostgresPort);
}

export function embeddedDatabaseUrl(port: number): string {
  return `postgresql://postgres:postgres@127.0.0.1:${port}/commission_prep`;
}

/**
 * Without SESSION_SECRET (the one-machine default) a random secret is kept in the data folder, so logins survive a
 * restart. Production sets SESSION_SECRET so that every web server signs cookies alike.
 */
function localSessionSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
