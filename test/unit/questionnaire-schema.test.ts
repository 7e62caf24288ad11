import { IGO_NGO_QUESTIONNAIRE } from '../../domain/igo-ngo-questionnaire';
import { SYSTEM_WIDE_QUESTIONNAIRE, validateAnswers } from '../../domain/questionnaire';
import { parseQuestionnaire } from '../../domain/questionnaire-schema';

describe('questionnaire definitions as data', () => {
  it.each([SYSTEM_WIDE_QUESTIONNAIRE, IGO_NGO_QUESTIONNAIRE])('accepts the shipped $id as it is', (q) => {
    const parsed = parseQuestionnaire(JSON.parse(JSON.stringify(q)));
    expect(parsed.ok).toBe(true);
  });

  it('reports every problem of a broken definition with its path', () => {
    const broken = JSON.parse(JSON.stringify(SYSTEM_WIDE_QUESTIONNAIRE)) as Record<string, unknown> & {
      questions: Record<string, unknown>[];
      sections: { questionIds: string[] }[];
    };
    broken.id = 'System Wide';
    broken.questions.push({ ...broken.questions[0], label: 'Again' }); // same id twice
    broken.questions.push({ id: 'staff', type: 'slider', label: 'Staff' }); // no such type
    broken.sections[0]!.questionIds.push('nowhere');
    const parsed = parseQuestionnaire(broken);
    expect(parsed.ok).toBe(false);
    const problems = parsed.ok ? [] : parsed.problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'id' }),
        expect.objectContaining({ path: `questions.${broken.questions.length - 1}.type` }),
      ]),
    );
  });

  it('refuses a question outside every section, or in two', () => {
    const q = JSON.parse(JSON.stringify(SYSTEM_WIDE_QUESTIONNAIRE)) as { sections: { questionIds: string[] }[] };
    q.sections[0]!.questionIds = ['activitiesCarriedOut', 'partners', 'theme_a_budget'];
    const parsed = parseQuestionnaire(q);
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.message)).toEqual(
      expect.arrayContaining(['question theme_a_budget must be in exactly one section']),
    );
  });

  it('validates a number question: digits, whole, within bounds', () => {
    const parsed = parseQuestionnaire({
      ...JSON.parse(JSON.stringify(SYSTEM_WIDE_QUESTIONNAIRE)),
      id: 'system-wide-v2',
      questions: [
        ...SYSTEM_WIDE_QUESTIONNAIRE.questions,
        { id: 'staff', type: 'number', label: 'Staff working on these activities', min: 0, max: 100000 },
      ],
      sections: [...SYSTEM_WIDE_QUESTIONNAIRE.sections, { id: 'staffing', title: 'Staffing', questionIds: ['staff'] }],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const check = (staff: string) => validateAnswers(parsed.questionnaire, { staff }, 'draft');
    expect(check('1,200')).toEqual({ ok: true, answers: { staff: 1200 } });
    expect(check('12.5')).toMatchObject({ ok: false, errors: [{ field: 'staff', message: 'enter a whole number' }] });
    expect(check('-3')).toMatchObject({ ok: false, errors: [{ message: 'enter a number from 0 to 100000' }] });
    expect(check('a dozen')).toMatchObject({ ok: false, errors: [{ message: 'enter a number in digits only' }] });
  });
});
