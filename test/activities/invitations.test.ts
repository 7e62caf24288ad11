import { MockActivityEnvironment } from '@temporalio/testing';
import { startMailCatcher } from '../../platform/mail-catcher';
import { hashAccessToken } from '../../services/tokens';
import { createActivityFixture } from '../helpers/activity-fixture';
import type { ActivityFixture } from '../helpers/activity-fixture';
import type { TestDatabase } from '../helpers/database';
import type { TestMail } from '../helpers/mail';
import { quietTemporalLogs } from '../helpers/temporal';

quietTemporalLogs();

describe('invitation e-mails (real PostgreSQL, real SMTP)', () => {
  let fixture: ActivityFixture;
  let database: TestDatabase;
  let mail: TestMail;
  let activities: ActivityFixture['activities'];
  let cycleId: string;

  beforeAll(async () => {
    fixture = await createActivityFixture({
      number: 40,
      opening: '2030-05-13',
      closing: '2030-05-17',
      surveyCloses: '2030-01-30T00:00:00.000Z',
    });
    ({ database, mail, activities, cycleId } = fixture);
  });

  afterAll(() => fixture.close());

  async function contactOf(code: string, role: 'PRIMARY' | 'ALTERNATE' = 'PRIMARY') {
    return database.db.contact.findFirstOrThrow({ where: { organisation: { code }, role } });
  }

  it('sends once when the activity is retried after it succeeded', async () => {
    const contact = await contactOf('UNICRI');
    const env = new MockActivityEnvironment();
    await expect(env.run(activities.sendInvitation, { cycleId, contactId: contact.id })).resolves.toBe('sent');
    await expect(env.run(activities.sendInvitation, { cycleId, contactId: contact.id })).resolves.toBe('already-sent');

    const received = (await mail.store.all()).filter(
      (m) => m.parsed.to && JSON.stringify(m.parsed.to).includes(contact.email),
    );
    expect(received).toHaveLength(1);
    const ledger = await database.db.emailMessage.findUniqueOrThrow({
      where: { businessKey: `invitation:${cycleId}:${contact.id}:1` },
    });
    expect(ledger).toMatchObject({ status: 'SENT', attempts: 1, messageId: received[0]!.parsed.messageId });
  });

  it('stores only the hash of the token the e-mail carries', async () => {
    const contact = await contactOf('UNICRI');
    const message = (await mail.store.all()).find((m) => JSON.stringify(m.parsed.to).includes(contact.email))!;
    const token = /\/r\/([A-Za-z0-9_-]{43})/.exec(message.parsed.text ?? '')![1]!;
    const stored = await database.db.accessToken.findMany();
    expect(stored.map((t) => t.tokenHash)).toContain(hashAccessToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it('does not resend when an earlier attempt died mid-send, and says so', async () => {
    const contact = await contactOf('UNDP');
    const businessKey = `invitation:${cycleId}:${contact.id}:1`;
    // What a worker killed between claiming and confirming leaves behind.
    await database.db.emailMessage.create({
      data: {
        businessKey,
        messageId: '<killed@test>',
        kind: 'invitation',
        toAddress: contact.email,
        subject: 's',
        status: 'SENDING',
        attempts: 1,
      },
    });
    const before = mail.store.ids().length;
    await expect(
      new MockActivityEnvironment().run(activities.sendInvitation, { cycleId, contactId: contact.id }),
    ).rejects.toMatchObject({
      type: 'DeliveryOutcomeUnknown',
    });
    expect(mail.store.ids()).toHaveLength(before);
    await expect(database.db.emailMessage.findUniqueOrThrow({ where: { businessKey } })).resolves.toMatchObject({
      status: 'UNCERTAIN',
    });
  });

  it('marks a contact bounced on SMTP 5xx and fails without retry', async () => {
    const organisation = await database.db.organisation.findUniqueOrThrow({ where: { code: 'WHO' } });
    const contact = await database.db.contact.create({
      data: { organisationId: organisation.id, name: 'Gone', email: 'gone@bounce.example.org', role: 'ALTERNATE' },
    });
    await expect(
      new MockActivityEnvironment().run(activities.sendInvitation, { cycleId, contactId: contact.id }),
    ).rejects.toMatchObject({
      type: 'PermanentDeliveryFailure',
      nonRetryable: true,
    });
    await expect(database.db.contact.findUniqueOrThrow({ where: { id: contact.id } })).resolves.toMatchObject({
      bouncedAt: expect.any(Date),
    });
    const audit = await database.db.auditEvent.findFirst({
      where: { action: 'contact.bounced', entityId: contact.id },
    });
    expect(audit).not.toBeNull();
  });

  it('retries a transient SMTP failure and then sends exactly once', async () => {
    const contact = await contactOf('UNESCO');
    const port = mail.port;
    await mail.catcher.close();
    await expect(
      new MockActivityEnvironment().run(activities.sendInvitation, { cycleId, contactId: contact.id }),
    ).rejects.toThrow(/Transient SMTP failure/);
    const businessKey = `invitation:${cycleId}:${contact.id}:1`;
    await expect(database.db.emailMessage.findUniqueOrThrow({ where: { businessKey } })).resolves.toMatchObject({
      status: 'RETRYING',
    });

    mail.catcher = await startMailCatcher({ dir: mail.dir, port });
    await expect(
      new MockActivityEnvironment().run(activities.sendInvitation, { cycleId, contactId: contact.id }),
    ).resolves.toBe('sent');
    const received = (await mail.store.all()).filter((m) => JSON.stringify(m.parsed.to).includes(contact.email));
    expect(received).toHaveLength(1);
    // The token of the failed attempt was replaced: only the delivered link works.
    const tokens = await database.db.accessToken.findMany({ where: { emailKey: businessKey } });
    expect(tokens).toHaveLength(1);
  });
});
