import { diffAnswers } from '../../domain/answer-diff';
import { translateMessage } from '../../domain/i18n/messages';
import { translator } from '../../domain/i18n';
import { IGO_NGO_QUESTIONNAIRE } from '../../domain/igo-ngo-questionnaire';
import { SYSTEM_WIDE_QUESTIONNAIRE, answerFieldsOf, validateAnswers } from '../../domain/questionnaire';
import { LARGE_AMOUNT, softWarnings } from '../../domain/soft-warnings';

const valid = (input: Record<string, unknown>, questionnaire = SYSTEM_WIDE_QUESTIONNAIRE) => {
  const result = validateAnswers(questionnaire, input, 'submit');
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.answers;
};

describe('soft warnings', () => {
  it('flags an unusually large amount, a very short description and activities without a budget', () => {
    const answers = valid({
      activitiesCarriedOut: 'yes',
      theme_a_description: 'Training',
      theme_b_description: 'Urban crime prevention pilots in three cities',
      theme_b_budget: String(LARGE_AMOUNT),
      theme_b_budget_currency: 'USD',
    });
    expect(softWarnings(SYSTEM_WIDE_QUESTIONNAIRE, answers)).toEqual([
      { field: 'theme_a_description', message: 'this description is very short: please say what, where and with whom' },
      { field: 'theme_b_budget', message: 'this amount is unusually large: please check it' },
      { field: 'theme_a_budget', message: 'no budget is given for these activities: confirm that there is none' },
    ]);
  });

  it('has nothing to say about ordinary answers, and checks every row of a table', () => {
    const ordinary = valid({
      activitiesCarriedOut: 'yes',
      theme_b_description: 'Urban crime prevention pilots in three cities',
      theme_b_budget: '75000',
      theme_b_budget_currency: 'EUR',
    });
    expect(softWarnings(SYSTEM_WIDE_QUESTIONNAIRE, ordinary)).toEqual([]);
    const rows = valid(
      {
        activitiesCarriedOut: 'yes',
        'activities.0.title': 'Judicial training',
        'activities.0.theme': 'b',
        'activities.0.region': 'EUROPE',
        'activities.1.title': 'Prison reform',
        'activities.1.theme': 'c',
        'activities.1.region': 'AFRICA',
        'activities.1.budget': '60000000',
        'activities.1.budget_currency': 'USD',
      },
      IGO_NGO_QUESTIONNAIRE,
    );
    expect(softWarnings(IGO_NGO_QUESTIONNAIRE, rows).map((w) => w.field)).toEqual(['activities.1.budget']);
  });

  it('speaks the page language through the same catalogue as every other message', () => {
    const t = translator('fr');
    expect(translateMessage(t, 'this amount is unusually large: please check it')).toBe(
      'ce montant est inhabituellement élevé : veuillez le vérifier',
    );
  });
});

describe('sections', () => {
  it.each([SYSTEM_WIDE_QUESTIONNAIRE, IGO_NGO_QUESTIONNAIRE])(
    'put every question of $id in exactly one section',
    (q) => {
      const placed = q.sections.flatMap((section) => section.questionIds);
      expect([...placed].sort()).toEqual(q.questions.map((question) => question.id).sort());
    },
  );

  it('give a colleague the fields of their sections only, a currency with its amount', () => {
    expect([...answerFieldsOf(SYSTEM_WIDE_QUESTIONNAIRE, ['theme_b'])]).toEqual([
      'theme_b_description',
      'theme_b_budget',
      'theme_b_budget_currency',
    ]);
  });
});

describe('differences between versions of a reply', () => {
  it('lists only the questions whose answer changed, as people read them', () => {
    const before = valid({
      activitiesCarriedOut: 'yes',
      theme_a_description: 'Training of prosecutors in Helsinki',
      theme_a_budget: '120000',
      theme_a_budget_currency: 'EUR',
    });
    const after = valid({
      activitiesCarriedOut: 'yes',
      theme_a_description: 'Training of prosecutors in Helsinki',
      theme_a_budget: '131000',
      theme_a_budget_currency: 'USD',
      partners: 'UNODC',
    });
    expect(diffAnswers(SYSTEM_WIDE_QUESTIONNAIRE, before, after)).toEqual([
      expect.objectContaining({ questionId: 'theme_a_budget', before: '120,000 EUR', after: '131,000 USD' }),
      expect.objectContaining({ questionId: 'partners', before: '', after: 'UNODC' }),
    ]);
  });
});
