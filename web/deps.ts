/**
 * What the web server and every route are built from. Its own module, below server.ts and the routes, so routes take
 * their dependencies without importing the server that registers them.
 */
import type { Client } from '@temporalio/client';
import type { FastifyBaseLogger } from 'fastify';
import type { AppConfig } from '../platform/config';
import type { Db } from '../platform/database';
import type { MailStore } from '../platform/mail-catcher';

export interface WebDeps {
  config: AppConfig;
  db: Db;
  temporal: Client;
  /** A pino logger from platform/logger.ts (its serializers redact personal-link tokens). */
  logger: FastifyBaseLogger;
  /** Present when the embedded SMTP server runs (npm start, tests). */
  mailStore?: MailStore;
}

/** The preparation-client dependencies every staff route uses. */
export function preparationDeps(deps: WebDeps) {
  return {
    db: deps.db,
    temporal: deps.temporal,
    taskQueue: deps.config.temporal.taskQueue,
    mailAlertAfterMinutes: deps.config.mail.alertAfterMinutes,
    remindNowWindowMinutes: deps.config.mail.remindNowWindowMinutes,
  };
}

/** Link to a workflow in the Temporal Web UI. */
export function workflowUrl(deps: WebDeps, workflowId: string): string {
  return `${deps.config.temporal.uiUrl}/namespaces/${deps.config.temporal.namespace}/workflows/${workflowId}`;
}
