/** What every client operation is given: the database, Temporal, and the worker's task queue. */
import type { Client } from '@temporalio/client';
import type { Db } from '../platform/database';

export interface PreparationClientDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
  /** How long a page of e-mails may wait for the mail server before the alert (the workflow's default: 2 hours). */
  mailAlertAfterMinutes?: number;
  /** A second "remind now" of a survey within this many minutes sends nothing (REMIND_NOW_WINDOW_MINUTES; 60). */
  remindNowWindowMinutes?: number;
}
