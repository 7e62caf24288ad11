import { SYSTEM_WIDE_QUESTIONNAIRE, sanitiseText, validateAnswers } from '../../domain/questionnaire';

describe('system-wide questionnaire validation', () => {
  it('accepts a complete submission and stores codes and numbers', () => {
    const result = validateAnswers(
      SYSTEM_WIDE_QUESTIONNAIRE,
      {
        activitiesCarriedOut: 'yes',
        theme_a_description: 'Training of prosecutors',
        theme_a_budget: '1,250,000',
        theme_a_budget_currency: 'EUR',
        theme_b_budget: '',
        theme_b_budget_currency: 'USD',
      },
      'submit',
    );
    expect(result).toEqual({
      ok: true,
      answers: {
        activitiesCarriedOut: 'yes',
        theme_a_description: 'Training of prosecutors',
        theme_a_budget: 1250000,
        theme_a_budget_currency: 'EUR',
      },
    });
  });

  it('needs the currency of an amount, from the list', () => {
    const base = { activitiesCarriedOut: 'yes', theme_a_description: 'Training', theme_a_budget: '100' };
    expect(validateAnswers(SYSTEM_WIDE_QUESTIONNAIRE, base, 'submit')).toEqual({
      ok: false,
      errors: [{ field: 'theme_a_budget_currency', message: 'choose the currency of the amount' }],
    });
    expect(validateAnswers(SYSTEM_WIDE_QUESTIONNAIRE, { ...base, theme_a_budget_currency: 'XYZ' }, 'submit')).toEqual({
      ok: false,
      errors: [{ field: 'theme_a_budget_currency', message: 'choose the currency from the list' }],
    });
  });

  it('says which field is wrong and why', () => {
    const result = validateAnswers(
      SYSTEM_WIDE_QUESTIONNAIRE,
      { activitiesCarriedOut: 'maybe', theme_b_budget: '-5' },
      'submit',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { field: 'activitiesCarriedOut', message: 'choose one of: Yes, No' },
        { field: 'theme_b_budget', message: 'the amount cannot be negative' },
      ]),
    );
  });

  it('requires an activity when the organization reports activities', () => {
    const result = validateAnswers(SYSTEM_WIDE_QUESTIONNAIRE, { activitiesCarriedOut: 'yes' }, 'submit');
    expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ field: 'theme_a_description' })] });
  });

  it('lets a draft be incomplete but not malformed', () => {
    expect(validateAnswers(SYSTEM_WIDE_QUESTIONNAIRE, {}, 'draft').ok).toBe(true);
    expect(validateAnswers(SYSTEM_WIDE_QUESTIONNAIRE, { theme_c_budget: 'lots' }, 'draft').ok).toBe(false);
  });

  it('removes control characters that break Word documents', () => {
    expect(sanitiseText('a\u0000b\u0007c\td\n')).toBe('abc\td');
  });
});
