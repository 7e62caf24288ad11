import type { Db } from '../platform/database';
import type { LedgerMailer } from './mail/ledger-mailer';

/** What the worker hands to the activities (house style: dependencies through a factory). */
export interface ActivityDeps {
  db: Db;
  mailer: LedgerMailer;
  storageDir: string;
  publicBaseUrl: string;
  /** Top of the escalation ladder (the chief of the secretariat), beyond the managers. */
  chiefEmail: string;
}
