/**
 * L4, the reminder race: 400 organisations have not answered when a reminder round starts; while its first message
 * is on its way to the mail server, fifty of the others submit. Whether an organisation has answered is read when
 * its own reminder is about to go, so none of the fifty is reminded, and every other organisation gets exactly one
 * reminder for the round, on real PostgreSQL and a real SMTP server.
 */
import nodemailer from 'nodemailer';
import { CONCURRENT_ORGANISATIONS } from '../../activities/fan-out';
import { LedgerMailer } from '../../activities/mail/ledger-mailer';
import { RateLimiter } from '../../activities/mail/rate-limiter';
import { addSyntheticOrganisations } from '../../harness/roster';
import { parseSurveyMailKey } from '../../services/mail-ledger/keys';
import { createActivityFixture, remindEveryPage } from '../helpers/activity-fixture';
import type { ActivityFixture } from '../helpers/activity-fixture';
import { startTestMail } from '../helpers/mail';
import type { TestMail } from '../helpers/mail';
import { quietTemporalLogs } from '../helpers/temporal';

quietTemporalLogs();

const NON_RESPONDENTS = 400;
const LATE_SUBMITTERS = 50;

describe('reminder round with replies arriving while it runs (L4)', () => {
  let fixture: ActivityFixture;
  let sink: TestMail;
  /** Called as each message is handed to the mail server (nodemailer's compile step). */
  let onCompose: () => Promise<void> = () => Promise.resolve();

  beforeAll(async () => {
    sink = await startTestMail();
    fixture = await createActivityFixture(
      { number: 44, opening: '2032-05-10', closing: '2032-05-14', surveyCloses: '2032-01-28T00:00:00.000Z' },
      (db) => {
        const transport = nodemailer.createTransport({ host: '127.0.0.1', port: sink.port, ignoreTLS: true });
        transport.use('compile', (_mail, done) => {
          onCompose().then(() => done(), done);
        });
        return new LedgerMailer({
          db,
          transport,
          from: 'ccpcj-secretariat@example.org',
          messageIdDomain: 'test.example.org',
          limiter: new RateLimiter(1000),
        });
      },
    );
    const { db } = fixture.database;
    // Invited as the fan-out would have left them: only the synthetic organisations, so the count is exact.
    await addSyntheticOrganisations(db, NON_RESPONDENTS);
    const organisations = await db.organisation.findMany({
      where: { code: { startsWith: 'BENCH-' } },
      select: { id: true, contacts: { select: { id: true } } },
    });
    await db.invitation.createMany({
      data: organisations.map((o) => ({
        cycleId: fixture.cycleId,
        organisationId: o.id,
        contactId: o.contacts[0]!.id,
        expiresAt: new Date('2032-01-28'),
      })),
    });
  });

  afterAll(async () => {
    await fixture?.close();
    await sink?.catcher.close();
  });

  it('reminds none of the fifty who submit during the round and everyone else exactly once', async () => {
    const { db } = fixture.database;
    const { cycleId, activities } = fixture;
    const waiting = await db.organisation.findMany({
      where: { invitations: { some: { cycleId } } },
      orderBy: { id: 'asc' },
      select: { id: true },
    });
    expect(waiting).toHaveLength(NON_RESPONDENTS);
    // Submitters spread over the page, all past the first slice (whose answers were read together before any
    // message left), so each one's reply is in before the round reaches them but after the round listed them.
    const lateSubmitters = waiting
      .slice(CONCURRENT_ORGANISATIONS)
      .filter((_, i) => i % 7 === 0)
      .slice(0, LATE_SUBMITTERS)
      .map((o) => o.id);
    expect(lateSubmitters).toHaveLength(LATE_SUBMITTERS);
    onCompose = async () => {
      onCompose = () => Promise.resolve();
      await db.response.createMany({
        data: lateSubmitters.map((organisationId) => ({
          cycleId,
          organisationId,
          status: 'SUBMITTED' as const,
          answers: {},
          submittedAt: new Date(),
        })),
      });
    };

    const round = () => remindEveryPage(activities, { cycleId, sequence: 1, limit: 200 });
    expect(await round()).toBe(NON_RESPONDENTS - LATE_SUBMITTERS);

    const reminders = await db.emailMessage.findMany({ where: { kind: 'reminder' }, select: { businessKey: true } });
    const remindedOrganisations = reminders.map((r) => parseSurveyMailKey(r.businessKey)!.subjectId);
    expect(new Set(remindedOrganisations).size).toBe(reminders.length);
    expect(remindedOrganisations.filter((id) => lateSubmitters.includes(id))).toEqual([]);
    expect(new Set(remindedOrganisations)).toEqual(
      new Set(waiting.map((o) => o.id).filter((id) => !lateSubmitters.includes(id))),
    );
    expect(sink.store.ids()).toHaveLength(NON_RESPONDENTS - LATE_SUBMITTERS);

    // The round retried (a workflow step run again): nothing new reaches the mail server.
    await round();
    expect(sink.store.ids()).toHaveLength(NON_RESPONDENTS - LATE_SUBMITTERS);
  });
});
