/** Composition root of the worker: config → Prisma, SMTP transport, ledger mailer → activities → Worker. */
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import nodemailer from 'nodemailer';
import { createActivities } from '../activities';
import { LedgerMailer } from '../activities/mail/ledger-mailer';
import { RateLimiter } from '../activities/mail/rate-limiter';
import type { AppConfig } from '../platform/config';
import type { Db } from '../platform/database';
import type { Logger } from '../platform/logger';
import { readDatabaseIdentity } from '../platform/database-identity';
import { databaseIdentityCheck } from './database-identity';
import type { Context } from '@temporalio/activity';
import {
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  makeWorkflowExporter,
} from '@temporalio/interceptors-opentelemetry';
import { startTracing } from '../platform/tracing';

const levelOf = (level: string) =>
  (({ TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' }) as const)[
    level as 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR'
  ] ?? 'info';

/**
 * The SDK logs every bundling step at INFO; operators need its warnings, not webpack's statistics. With
 * `temporalMetricsAddress` the SDK's own Prometheus exporter serves its runtime metrics there (task slots, poll and
 * task latencies, workflow task failures as `temporal_workflow_task_execution_failed`).
 */
export function installWorkerRuntime(temporalMetricsAddress?: string, logger?: Logger): void {
  try {
    Runtime.install({
      // Into the process's structured log when given: each line keeps the SDK's context (workflowId, runId,
      // activityType, taskQueue), so an operator finds every line of one workflow.
      logger: logger
        ? new DefaultLogger('WARN', ({ level, message, meta }) =>
            logger[levelOf(level)]({ ...meta, source: 'temporal-sdk' }, message),
          )
        : new DefaultLogger('WARN'),
      telemetryOptions: temporalMetricsAddress
        ? { metrics: { prometheus: { bindAddress: temporalMetricsAddress } } }
        : undefined,
    });
  } catch {
    // Already installed in this process (the runtime is a process-wide singleton).
  }
}

export function createMailer(config: AppConfig, db: Db): LedgerMailer {
  const transport = nodemailer.createTransport({
    host: config.smtp.host,
    port: config.smtp.port,
    secure: config.smtp.secure,
    auth: config.smtp.user ? { user: config.smtp.user, pass: config.smtp.password } : undefined,
    // The embedded server offers no TLS; a relay in production does, and nodemailer upgrades when offered.
    ignoreTLS: !config.smtp.secure && config.smtp.host === '127.0.0.1',
    // One SMTP conversation carries many messages: opening a connection per message made invitations 40 times
    // slower than the server allows (npm run bench, fan-out).
    pool: true,
  });
  return new LedgerMailer({
    db,
    transport,
    from: config.mail.from,
    messageIdDomain: config.mail.messageIdDomain,
    limiter: new RateLimiter(config.mail.ratePerSecond),
  });
}

/**
 * `connection` is for tests that already hold one to their test server. The worker serves the database `db` and acts
 * only for workflows started for it (ARCHITECTURE.md, "Workflow identity").
 */
export async function createWorker(config: AppConfig, db: Db, connection?: NativeConnection): Promise<Worker> {
  const databaseId = await readDatabaseIdentity(db);
  connection ??= await NativeConnection.connect({
    address: config.temporal.address,
    tls: config.temporal.tls || config.temporal.apiKey ? {} : undefined,
    apiKey: config.temporal.apiKey,
  });
  const tracing = startTracing(config.operations.otlpEndpoint);
  return Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    workflowsPath: require.resolve('../workflows'),
    interceptors: {
      // Every workflow hands its database identity on; every activity checks it before it acts.
      workflowModules: [
        require.resolve('../workflows/database-identity'),
        ...(tracing ? [require.resolve('../workflows/tracing')] : []),
      ],
      activity: [
        databaseIdentityCheck(databaseId),
        ...(tracing
          ? [
              (ctx: Context) => ({
                inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
                outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
              }),
            ]
          : []),
      ],
    },
    // The workflows' spans leave the sandbox through this sink, to the process's exporter.
    sinks: tracing ? { exporter: makeWorkflowExporter(tracing.processor, tracing.resource) } : undefined,
    // On a deploy (SIGTERM) running activities get this long to finish (a page of invitations heartbeats and resumes
    // where it stopped if they do not) before the worker stops.
    shutdownGraceTime: '20 seconds',
    activities: createActivities({
      db,
      mailer: createMailer(config, db),
      storageDir: config.storageDir,
      publicBaseUrl: config.web.publicBaseUrl,
      chiefEmail: config.mail.chiefEmail,
      chiefEscalation: config.mail.chiefEscalation,
    }),
  });
}
