/** A seeded database, a real SMTP server, the real activities and one session with an open survey cycle. */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MockActivityEnvironment } from '@temporalio/testing';
import { createActivities } from '../../activities';
import type { ReminderPage } from '../../activities/fan-out';
import type { LedgerMailer } from '../../activities/mail/ledger-mailer';
import type { Db } from '../../platform/database';
import { createSession } from '../../services/sessions';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';
import { startTestMail } from './mail';
import type { TestMail } from './mail';

export interface ActivityFixture {
  database: TestDatabase;
  mail: TestMail;
  activities: ReturnType<typeof createActivities>;
  sessionId: string;
  cycleId: string;
  close(): Promise<void>;
}

/** `mailer`: another SMTP path for the activities (a misbehaving server); the mail catcher still runs. */
export async function createActivityFixture(
  session: {
    number: number;
    opening: string;
    closing: string;
    surveyCloses: string;
  },
  mailer?: (db: Db) => LedgerMailer,
): Promise<ActivityFixture> {
  const database = await createTestDatabase({ seed: true });
  const mail = await startTestMail();
  const activities = createActivities({
    db: database.db,
    mailer: (mailer ?? mail.mailer)(database.db),
    storageDir: mkdtempSync(path.join(os.tmpdir(), 'cp-docs-')),
    publicBaseUrl: 'http://prep.test',
    chiefEmail: 'chief@example.org',
  });
  // Through the session's owner, as the console does: its plan and obligations are recorded with it.
  const row = await createSession(
    database.db,
    { number: session.number, openingDate: session.opening, closingDate: session.closing, venue: 'Vienna' },
    'fixture',
  );
  const { cycleId } = await activities.openSurveyCycle({
    sessionId: row.id,
    closesAt: session.surveyCloses,
    workflowId: `wf-${session.number}`,
  });
  return {
    database,
    mail,
    activities,
    sessionId: row.id,
    cycleId,
    async close() {
      await mail.catcher.close();
      await database.drop();
    },
  };
}

/** A whole reminder round, page after page as the cycle's workflow runs it; how many reminders the pages sent. */
export async function remindEveryPage(
  activities: ActivityFixture['activities'],
  round: { cycleId: string; sequence: number; limit: number },
): Promise<number> {
  let sent = 0;
  let after: string | undefined;
  do {
    const page: ReminderPage = await new MockActivityEnvironment().run(activities.remindOrganisationsPage, {
      ...round,
      after,
    });
    sent += page.sent;
    after = page.next;
  } while (after);
  return sent;
}
