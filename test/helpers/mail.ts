/** A real SMTP server (the embedded mail catcher) on a free port, in a temporary folder. */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { LedgerMailer } from '../../activities/mail/ledger-mailer';
import { RateLimiter } from '../../activities/mail/rate-limiter';
import type { Db } from '../../platform/database';
import { MailStore, startMailCatcher } from '../../platform/mail-catcher';
import type { MailCatcher } from '../../platform/mail-catcher';

export interface TestMail {
  catcher: MailCatcher;
  store: MailStore;
  port: number;
  dir: string;
  mailer(db: Db): LedgerMailer;
}

export async function startTestMail(): Promise<TestMail> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cp-mail-'));
  const catcher = await startMailCatcher({ dir, port: 0, rejectRecipients: /@bounce\.example\.org$/ });
  return {
    catcher,
    store: new MailStore(dir),
    port: catcher.port,
    dir,
    mailer: (db) =>
      new LedgerMailer({
        db,
        transport: nodemailer.createTransport({
          host: '127.0.0.1',
          port: catcher.port,
          secure: false,
          ignoreTLS: true,
        }),
        from: 'CCPCJ Secretariat <ccpcj-secretariat@example.org>',
        messageIdDomain: 'test.example.org',
        limiter: new RateLimiter(1000),
      }),
  };
}
