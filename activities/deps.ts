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
  /** `daily` (default): the chief is on each session's chief-level escalations; `digest`: one e-mail a day instead. */
  chiefEscalation?: 'daily' | 'digest';
}
