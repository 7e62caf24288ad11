/**
 * The escalation activity decides at send time, from the database, whether the IV 11 deadline is still at risk and
 * why (a survey closed since the workflow looked is not "still open"; a session dispatched meanwhile sends nothing and
 * the audit trail says so); and the chief's digest (CHIEF_ESCALATION=digest) replaces the chief's daily e-mails.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MockActivityEnvironment } from '@temporalio/testing';
import { createActivities } from '../../activities';
import { planDeadlines } from '../../domain/deadlines';
import { createSession } from '../../services/sessions';
import { createActivityFixture } from '../helpers/activity-fixture';
import type { ActivityFixture } from '../helpers/activity-fixture';
import { quietTemporalLogs } from '../helpers/temporal';

quietTemporalLogs();

const DAY = 24 * 3600 * 1000;
const CHIEF = 'chief@example.org';

/** The activity environment of an attempt the server scheduled at `at`. */
const attemptAt = (at: number) => new MockActivityEnvironment({ currentAttemptScheduledTimestampMs: at });

describe('escalation at send time', () => {
  let fixture: ActivityFixture;
  const db = () => fixture.database.db;
  const plan = planDeadlines('2031-05-12');
  const due = (key: keyof typeof plan, days = 0) => Date.parse(plan[key].dueAt) + days * DAY;

  const mailsTo = async (address: string, subject: RegExp) =>
    (await fixture.mail.store.all()).filter(
      (m) => subject.test(m.parsed.subject ?? '') && JSON.stringify(m.parsed.to).includes(address),
    );

  beforeAll(async () => {
    fixture = await createActivityFixture({
      number: 44,
      opening: '2031-05-12',
      closing: '2031-05-16',
      surveyCloses: plan['survey-close'].dueAt,
    });
  });

  afterAll(() => fixture.close());

  it('gives the reason that holds when it sends, and sends nothing once the risk has gone', async () => {
    const atRisk = /^At risk: report to Governments for session 44/;
    // The survey still open after its close: that is the reason.
    const first = await attemptAt(due('dispatch-deadline', -14)).run(fixture.activities.escalate, {
      sessionId: fixture.sessionId,
      checkpoint: 'T-14',
      level: 'manager' as const,
      workflowSaw: 'the survey has not closed although it was due on 2031-01-30',
    });
    expect(first).toMatchObject({
      escalated: true,
      reason: 'the survey has not closed although it was due on 2031-01-30',
    });

    // The survey closed since; the workflow still believes it open. The e-mail says what holds now.
    await fixture.activities.closeSurveyCycle({ cycleId: fixture.cycleId, closedBy: 'deadline' });
    const second = await attemptAt(due('dispatch-deadline', -7)).run(fixture.activities.escalate, {
      sessionId: fixture.sessionId,
      checkpoint: 'T-7',
      level: 'chief' as const,
      workflowSaw: 'the survey has not closed although it was due on 2031-01-30',
    });
    expect(second).toMatchObject({ escalated: true, reason: 'the analysis report has not been compiled' });
    const [chiefMail, ...more] = await mailsTo(CHIEF, atRisk);
    expect(more).toHaveLength(0);
    expect(chiefMail!.parsed.text).toContain('Reason: the analysis report has not been compiled.');
    expect(chiefMail!.parsed.text).not.toContain('has not closed');

    // Approved and dispatched since: nothing is sent, and the audit trail records why.
    const report = await db().document.create({
      data: {
        sessionId: fixture.sessionId,
        kind: 'analysis-report',
        symbol: 'E/CN.15/2031/2',
        version: 1,
        title: 'Analysis report',
        filePath: '/dev/null',
        sha256: '0',
        approvedAt: new Date(due('report-approval')),
        approvedBy: 'manager@example.org',
      },
    });
    await db().document.create({
      data: {
        sessionId: fixture.sessionId,
        kind: 'dispatch-proof',
        symbol: `PROOF/${report.symbol}`,
        version: 1,
        title: 'Proof of dispatch',
        filePath: '/dev/null',
        sha256: '0',
      },
    });
    const before = (await fixture.mail.store.all()).length;
    const third = await attemptAt(due('dispatch-deadline', -6)).run(fixture.activities.escalate, {
      sessionId: fixture.sessionId,
      checkpoint: 'T-6',
      level: 'chief' as const,
      workflowSaw: 'the survey has not closed although it was due on 2031-01-30',
    });
    expect(third).toEqual({ escalated: false });
    expect((await fixture.mail.store.all()).length).toBe(before);
    const withdrawn = await db().auditEvent.findFirstOrThrow({
      where: { action: 'deadline.escalation-withdrawn', entityId: fixture.sessionId },
    });
    expect(withdrawn.details).toMatchObject({ checkpoint: 'T-6', stage: 'done' });
  });

  it('in digest mode, sends the chief one e-mail a day listing every session at risk, and no per-session mail', async () => {
    const digest = createActivities({
      db: db(),
      mailer: fixture.mail.mailer(db()),
      storageDir: mkdtempSync(path.join(os.tmpdir(), 'cp-docs-')),
      publicBaseUrl: 'http://prep.test',
      chiefEmail: CHIEF,
      chiefEscalation: 'digest',
    });
    // Two sessions in the chief's part of the ladder, a third far from it; none has launched its surveys.
    const s46 = await createSession(
      db(),
      { number: 46, openingDate: '2032-05-10', closingDate: '2032-05-14', venue: 'Vienna' },
      'test',
    );
    await createSession(
      db(),
      { number: 47, openingDate: '2032-05-12', closingDate: '2032-05-14', venue: 'Vienna' },
      't',
    );
    await createSession(
      db(),
      { number: 48, openingDate: '2032-09-01', closingDate: '2032-09-04', venue: 'Vienna' },
      't',
    );
    const deadline46 = Date.parse(planDeadlines('2032-05-10')['dispatch-deadline'].dueAt);
    const at = new Date(deadline46 - 3 * DAY + 6 * 3600 * 1000).toISOString();

    const sent = await new MockActivityEnvironment().run(digest.sendChiefDigest, { at });
    expect(sent).toEqual({ mode: 'digest', sessions: 2, delivered: 1 });
    // The schedule running twice the same day (a retry, an operator's trigger): still one e-mail.
    await new MockActivityEnvironment().run(digest.sendChiefDigest, { at });
    const digests = await mailsTo(CHIEF, /^At risk today/);
    expect(digests).toHaveLength(1);
    const text = digests[0]!.parsed.text!.replace(/\s+/g, ' ');
    expect(text).toContain('Session 46: due 11 March 2032 (checkpoint T-3); the survey has not closed');
    expect(text).toContain('Session 47: due 13 March 2032 (checkpoint T-5)');
    expect(text).not.toContain('Session 48');
    expect(text).not.toContain('Session 44'); // dispatched

    // The chief-level escalation of session 46 goes to the managers only: the chief has the digest.
    const atRisk46 = /^At risk: report to Governments for session 46/;
    const outcome = await attemptAt(Date.parse(at)).run(digest.escalate, {
      sessionId: s46.id,
      checkpoint: 'T-3',
      level: 'chief' as const,
    });
    expect(outcome).toMatchObject({ escalated: true, delivered: 1 });
    expect(await mailsTo(CHIEF, atRisk46)).toHaveLength(0);
    expect(await mailsTo('manager@example.org', atRisk46)).toHaveLength(1);

    // In daily mode there is no digest: the chief is on each escalation.
    await expect(new MockActivityEnvironment().run(fixture.activities.sendChiefDigest, { at })).resolves.toEqual({
      mode: 'daily',
      sessions: 0,
      delivered: 0,
    });
  });

  it('on the forecast, speaks to the coordinators only when the forecast sees a risk, with its reason, once', async () => {
    const s49 = await createSession(
      db(),
      { number: 49, openingDate: '2033-05-09', closingDate: '2033-05-13', venue: 'Vienna' },
      'test',
    );
    const plan49 = planDeadlines('2033-05-09');
    const forecastRisk = /^Forecast at risk: report to Governments for session 49/;
    const onForecast = { sessionId: s49.id, checkpoint: 'forecast', level: 'owner' as const };

    // Months ahead, nothing is late and nothing is expected to be: silence, and no audit line either.
    const early = Date.parse(plan49['survey-close'].dueAt) - 60 * DAY;
    await expect(attemptAt(early).run(fixture.activities.escalate, onForecast)).resolves.toEqual({ escalated: false });
    expect(await mailsTo('coordinator@example.org', forecastRisk)).toHaveLength(0);

    // Its approval date has passed with no report: the forecast says the approval is overdue.
    const late = Date.parse(plan49['report-approval'].dueAt) + DAY;
    const outcome = await attemptAt(late).run(fixture.activities.escalate, onForecast);
    expect(outcome).toMatchObject({
      escalated: true,
      reason: expect.stringMatching(/^forecast: .*approv.* is overdue/) as unknown,
    });
    const [mail, ...more] = await mailsTo('coordinator@example.org', forecastRisk);
    expect(more).toHaveLength(0);
    const text = mail!.parsed.text!.replace(/\s+/g, ' ');
    expect(text).toContain('The live forecast puts the dispatch deadline of the');
    expect(text).toContain(`Reason: ${(outcome as { reason: string }).reason}.`);
    // The managers are not on the owner's rung; a retry of the same rung sends nothing again.
    expect(await mailsTo('manager@example.org', forecastRisk)).toHaveLength(0);
    await attemptAt(late).run(fixture.activities.escalate, onForecast);
    expect(await mailsTo('coordinator@example.org', forecastRisk)).toHaveLength(1);
  });
});
