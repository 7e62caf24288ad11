/**
 * Invitation and reminder pages on real PostgreSQL and a real SMTP server: a retried page resumes after its last
 * heartbeat and never sends twice, a bounce moves on to the alternate, reminders skip those who have answered.
 */
import { MockActivityEnvironment } from '@temporalio/testing';
import type { Client } from '@temporalio/client';
import type { InvitationPage } from '../../activities/fan-out';
import { launchPreparation } from '../../client/preparation';
import { createActivityFixture, remindEveryPage } from '../helpers/activity-fixture';
import type { ActivityFixture } from '../helpers/activity-fixture';
import { quietTemporalLogs } from '../helpers/temporal';

quietTemporalLogs();

describe('invitation and reminder pages (real PostgreSQL, real SMTP)', () => {
  let fixture: ActivityFixture;

  beforeAll(async () => {
    fixture = await createActivityFixture({
      number: 41,
      opening: '2030-05-13',
      closing: '2030-05-17',
      surveyCloses: '2030-01-30T00:00:00.000Z',
    });
  });

  afterAll(() => fixture.close());

  /** The last organisation in id order: its primary address bounces and an alternate stands by. */
  let bouncing: { organisationId: string; alternateId: string };

  beforeAll(async () => {
    const { db } = fixture.database;
    const last = await db.organisation.findFirstOrThrow({
      where: { type: { in: ['UN_ENTITY', 'SPECIALIZED_AGENCY', 'INSTITUTE'] } },
      orderBy: { id: 'desc' },
    });
    await db.contact.updateMany({
      where: { organisationId: last.id, role: 'PRIMARY' },
      data: { email: 'primary@bounce.example.org' },
    });
    // Organisation ids are random, so whichever organisation this is may already have alternates: they are removed,
    // leaving one known alternate next in line whatever the addresses sort as.
    await db.contact.deleteMany({ where: { organisationId: last.id, role: 'ALTERNATE' } });
    const alternate = await db.contact.create({
      data: { organisationId: last.id, name: 'Alternate', email: 'alternate@example.org', role: 'ALTERNATE' },
    });
    bouncing = { organisationId: last.id, alternateId: alternate.id };
  });

  const invitationsSent = async () =>
    fixture.database.db.emailMessage.count({ where: { kind: 'invitation', status: 'SENT' } });

  it('resumes a retried page after its last heartbeat, and a fresh attempt sends nothing twice', async () => {
    const { activities, cycleId, mail, database } = fixture;
    const surveyed = await database.db.organisation.count({
      where: { type: { in: ['UN_ENTITY', 'SPECIALIZED_AGENCY', 'INSTITUTE'] } },
    });
    // The first attempt gets through three organisations before its worker dies.
    const first = new MockActivityEnvironment();
    let lastHeartbeat: unknown;
    first.on('heartbeat', (details: unknown) => {
      lastHeartbeat = details;
    });
    await first.run(activities.inviteOrganisationsPage, { cycleId, limit: 3 });
    expect(await invitationsSent()).toBe(3);

    // The retry of the whole page starts from that heartbeat: only the rest of the page is sent.
    const retry = new MockActivityEnvironment({ heartbeatDetails: lastHeartbeat });
    const page = await retry.run(activities.inviteOrganisationsPage, { cycleId, limit: surveyed });
    expect(page).toMatchObject({ invited: surveyed, undeliverable: 0 });
    const afterRetry = mail.store.ids().length;

    // An attempt that lost its heartbeat walks the page again; the ledger stops every duplicate.
    await new MockActivityEnvironment().run(activities.inviteOrganisationsPage, { cycleId, limit: surveyed });
    expect(mail.store.ids().length).toBe(afterRetry);
    const keys = await database.db.emailMessage.findMany({
      where: { kind: 'invitation' },
      select: { toAddress: true },
    });
    expect(new Set(keys.map((k) => k.toAddress)).size).toBe(keys.length);
  });

  it('moves on to the alternate contact when the primary bounces', async () => {
    const { db } = fixture.database;
    const contacts = await db.contact.findMany({
      where: { organisationId: bouncing.organisationId },
      include: { invitations: true },
    });
    expect(contacts.find((c) => c.role === 'PRIMARY')?.bouncedAt).toBeInstanceOf(Date);
    expect(contacts.find((c) => c.id === bouncing.alternateId)?.invitations).toHaveLength(1);
    const ledger = await db.emailMessage.findMany({ where: { toAddress: { in: ['alternate@example.org'] } } });
    expect(ledger.map((m) => m.status)).toEqual(['SENT']);
  });

  it('reminds only the organisations that have not answered, once per round', async () => {
    const { database, cycleId, activities, mail } = fixture;
    const invited = await database.db.organisation.findMany({
      where: { invitations: { some: { cycleId, contact: { bouncedAt: null } } } },
      orderBy: { id: 'asc' },
    });
    const [answering, declining] = invited;
    await database.db.response.create({
      data: { cycleId, organisationId: answering!.id, status: 'SUBMITTED', answers: {}, submittedAt: new Date() },
    });
    await database.db.response.create({
      data: { cycleId, organisationId: declining!.id, status: 'DECLINED', answers: {}, declineReason: 'no mandate' },
    });
    expect(await new MockActivityEnvironment().run(activities.countUnanswered, { cycleId })).toBe(invited.length - 2);

    const before = mail.store.ids().length;
    const sent = await remindEveryPage(activities, { cycleId, sequence: 1, limit: 2 });
    expect(sent).toBe(invited.length - 2);
    expect(mail.store.ids().length - before).toBe(invited.length - 2);
    const reminders = await database.db.emailMessage.findMany({ where: { kind: 'reminder' } });
    expect(reminders.some((r) => r.businessKey.includes(answering!.id) || r.businessKey.includes(declining!.id))).toBe(
      false,
    );

    // The same round again (a retried workflow step): nothing new.
    await new MockActivityEnvironment().run(activities.remindOrganisationsPage, { cycleId, sequence: 1, limit: 100 });
    expect(mail.store.ids().length - before).toBe(invited.length - 2);
  });

  it('surveys only the roster selection a launch names, and refuses codes not in the roster', async () => {
    const { database, activities } = fixture;
    const commission = await database.db.commission.findUniqueOrThrow({ where: { code: 'CCPCJ' } });
    const session = await database.db.session.create({
      data: {
        commissionId: commission.id,
        number: 47,
        openingDate: new Date('2031-05-12'),
        closingDate: new Date('2031-05-16'),
        venue: 'Vienna',
      },
    });
    const { cycleId }: { cycleId: string } = await new MockActivityEnvironment().run(activities.openSurveyCycle, {
      sessionId: session.id,
      closesAt: '2031-01-30T00:00:00.000Z',
      workflowId: 'wf-47',
      organisationCodes: ['UNICRI', 'HEUNI', 'OAS'], // OAS is an IGO: the other survey's
    });
    const page: InvitationPage = await new MockActivityEnvironment().run(activities.inviteOrganisationsPage, {
      cycleId,
      limit: 100,
    });
    expect(page).toMatchObject({ invited: 2, undeliverable: 0 });
    const invited = await database.db.invitation.findMany({ where: { cycleId }, include: { organisation: true } });
    expect(new Set(invited.map((i) => i.organisation.code))).toEqual(new Set(['UNICRI', 'HEUNI']));

    const before = await database.db.auditEvent.count();
    await expect(
      launchPreparation(
        { db: database.db, temporal: {} as Client, taskQueue: 'unused' },
        41,
        'coordinator@example.org',
        new Date('2029-06-01'),
        { organisations: 'UNICRI, NOSUCH' },
      ),
    ).rejects.toThrow('no organisation NOSUCH');
    expect(await database.db.auditEvent.count()).toBe(before);
  });
});
