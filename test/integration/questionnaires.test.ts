/**
 * Questionnaire versions as data on PostgreSQL: an invalid definition stores nothing and says what is wrong; a new
 * version is refused for launch until its new texts exist in every language a contact reads; cycles launched after
 * it ask it, cycles launched before keep theirs; answers are checked against the cycle's own version.
 */
import { MockActivityEnvironment } from '@temporalio/testing';
import { languagesNotReady } from '../../client/preparation';
import { SYSTEM_WIDE_QUESTIONNAIRE } from '../../domain/questionnaire';
import { InvalidInputError } from '../../services/errors';
import { importQuestionnaire, listQuestionnaires } from '../../services/questionnaires';
import { resolveAccess, saveAnswers, startResponse } from '../../services/responses';
import { createActivityFixture } from '../helpers/activity-fixture';
import type { ActivityFixture } from '../helpers/activity-fixture';
import { quietTemporalLogs } from '../helpers/temporal';

quietTemporalLogs();

const STAFF_LABEL = 'Staff working on crime prevention and criminal justice';

function versionWithStaffQuestion(id: string, translations?: Record<string, Record<string, string>>) {
  const base = JSON.parse(JSON.stringify(SYSTEM_WIDE_QUESTIONNAIRE)) as typeof SYSTEM_WIDE_QUESTIONNAIRE;
  return {
    ...base,
    id,
    questions: [...base.questions, { id: 'staff', type: 'number', label: STAFF_LABEL, min: 0, max: 100_000 }],
    sections: base.sections.map((s) => (s.id === 'general' ? { ...s, questionIds: [...s.questionIds, 'staff'] } : s)),
    ...(translations ? { translations } : {}),
  };
}

describe('questionnaire versions (real PostgreSQL)', () => {
  let fixture: ActivityFixture;
  const db = () => fixture.database.db;
  const snapshot = async () => ({
    versions: await db().questionnaireVersion.count(),
    audit: await db().auditEvent.count(),
  });

  beforeAll(async () => {
    fixture = await createActivityFixture({
      number: 45,
      opening: '2030-05-13',
      closing: '2030-05-17',
      surveyCloses: '2030-01-30T00:00:00.000Z',
    });
  });

  afterAll(() => fixture.close());

  it('ships its versions of each survey as data, and the running cycle asks the latest', async () => {
    const rows = await listQuestionnaires(db());
    expect(rows.map((r) => [r.id, r.version])).toEqual([
      ['system-wide-v1', 1],
      ['system-wide-v2', 2],
      ['igo-ngo-v1', 1],
    ]);
    const cycle = await db().surveyCycle.findUniqueOrThrow({ where: { id: fixture.cycleId } });
    expect(cycle.questionnaireId).toBe('system-wide-v2');
  });

  it('stores nothing from an invalid definition, and says what is wrong where', async () => {
    const before = await snapshot();
    const broken = { ...versionWithStaffQuestion('system-wide-v3'), sections: [] };
    const error = await importQuestionnaire(db(), 'SYSTEM_WIDE', broken, 'coordinator@example.org').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'sections' })]),
    );
    await expect(
      importQuestionnaire(db(), 'SYSTEM_WIDE', versionWithStaffQuestion('system-wide-v7'), 'coordinator@example.org'),
    ).rejects.toThrow('its id must end in "-v3"');
    expect(await snapshot()).toEqual(before);
  });

  it('holds a launch while a new text is untranslated, and new cycles ask the new version', async () => {
    await importQuestionnaire(
      db(),
      'SYSTEM_WIDE',
      versionWithStaffQuestion('system-wide-v3'),
      'coordinator@example.org',
    );
    // The seeded contacts read Arabic, Spanish and French among others: the new label exists only in English.
    expect(await languagesNotReady(db())).toMatch(
      /questionnaire system-wide-v3 has 1 text\(s\) not yet translated into ar/,
    );
    const translations = Object.fromEntries(
      ['ar', 'zh', 'fr', 'ru', 'es'].map((lang) => [lang, { [STAFF_LABEL]: `[${lang}] ${STAFF_LABEL}` }]),
    );
    await importQuestionnaire(
      db(),
      'SYSTEM_WIDE',
      versionWithStaffQuestion('system-wide-v4', translations),
      'coordinator@example.org',
    );
    expect(await languagesNotReady(db())).toBeUndefined();
    expect(
      (await db().auditEvent.findMany({ where: { action: 'questionnaire.import' } })).map((a) => a.entityId),
    ).toEqual(['system-wide-v3', 'system-wide-v4']);

    // A new session's cycle asks version 4; the cycle launched before keeps version 2.
    const commission = await db().commission.findUniqueOrThrow({ where: { code: 'CCPCJ' } });
    const session = await db().session.create({
      data: {
        commissionId: commission.id,
        number: 46,
        openingDate: new Date('2031-05-12'),
        closingDate: new Date('2031-05-16'),
        venue: 'Vienna',
      },
    });
    const { cycleId }: { cycleId: string } = await new MockActivityEnvironment().run(
      fixture.activities.openSurveyCycle,
      {
        sessionId: session.id,
        closesAt: '2031-01-30T00:00:00.000Z',
        workflowId: 'wf-46',
      },
    );
    expect((await db().surveyCycle.findUniqueOrThrow({ where: { id: cycleId } })).questionnaireId).toBe(
      'system-wide-v4',
    );
    expect((await db().surveyCycle.findUniqueOrThrow({ where: { id: fixture.cycleId } })).questionnaireId).toBe(
      'system-wide-v2',
    );

    // A respondent of the new cycle answers the new question, checked by version 4's rules.
    const unicri = await db().contact.findFirstOrThrow({ where: { email: 'focal.point@unicri.example.org' } });
    await new MockActivityEnvironment().run(fixture.activities.sendInvitation, { cycleId, contactId: unicri.id });
    const message = (await fixture.mail.store.all()).find(
      (m) => JSON.stringify(m.parsed.to).includes(unicri.email) && (m.parsed.text ?? '').includes('2031'),
    )!;
    const token = /\/r\/([A-Za-z0-9_-]{43})/.exec(message.parsed.text ?? '')![1]!;
    const access = (await resolveAccess(db(), token, new Date('2030-12-01')))!;
    expect(access.questionnaire.id).toBe('system-wide-v4');
    await startResponse(db(), access);
    const opened = (await resolveAccess(db(), token, new Date('2030-12-01')))!;
    await expect(saveAnswers(db(), opened, { staff: 'twelve' }, 1, 'draft')).rejects.toMatchObject({
      fields: [{ field: 'staff', message: 'enter a number in digits only' }],
    });
    await expect(saveAnswers(db(), opened, { staff: '12' }, 1, 'draft')).resolves.toMatchObject({ version: 2 });
  });
});
