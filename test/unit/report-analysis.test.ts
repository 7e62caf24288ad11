import { toUsd } from '../../domain/currencies';
import { analyseReplies, median } from '../../domain/report-analysis';

describe('analysis of the replies (IV 10 (c))', () => {
  const analysis = analyseReplies([
    {
      name: 'A',
      type: 'INSTITUTE',
      region: 'EUROPE',
      answers: { theme_a_description: 'x', theme_a_budget: 10_000, theme_a_budget_currency: 'USD' },
    },
    {
      name: 'B',
      type: 'NGO',
      region: 'AFRICA',
      answers: {
        theme_a_description: 'y',
        theme_a_budget: 7_610,
        theme_a_budget_currency: 'GBP',
        theme_c_description: 'z',
      },
    },
    // Replies saved before currencies were asked for are in US dollars.
    { name: 'C', type: 'UN_ENTITY', region: 'GLOBAL', answers: { theme_a_description: 'w', theme_a_budget: 40_000 } },
    { name: 'D', type: 'IGO', region: 'AMERICAS', answers: undefined, nilReturn: true },
    { name: 'E', type: 'UN_ENTITY', region: 'GLOBAL', answers: undefined },
  ]);
  const theme = (code: string) => analysis.themes.find((t) => t.code === code)!;

  it('normalises budgets to US dollars and takes totals and medians over those who gave one', () => {
    expect(toUsd(7_610, 'GBP')).toBe(10_000);
    expect(theme('a')).toMatchObject({ budgetTotalUsd: 60_000, budgetMedianUsd: 10_000 });
    expect(theme('a').activities.map((a) => a.budgetReported)).toEqual(['10,000 USD', '7,610 GBP', '40,000 USD']);
    expect(theme('c')).toMatchObject({ budgetTotalUsd: 0, budgetMedianUsd: undefined });
    expect(analysis.rates.currencies).toEqual(['GBP', 'USD']);
  });

  it('breaks activities down by survey and by region, and finds the gaps', () => {
    expect(theme('a').byCategory).toEqual({ 'un-system': 2, 'igo-ngo': 1 });
    expect(theme('a').byRegion).toMatchObject({ EUROPE: 1, AFRICA: 1, GLOBAL: 1, AMERICAS: 0 });
    expect(analysis.gaps.weakestThemes).toEqual(['b']);
    expect(analysis.gaps.emptyRegions).toContainEqual({ theme: 'c', region: 'EUROPE' });
    expect(analysis.gaps.emptyRegions).not.toContainEqual({ theme: 'a', region: 'GLOBAL' });
  });

  it('counts replies and nil returns per survey', () => {
    expect(analysis).toMatchObject({ invited: 5, replied: 4, nilReturns: 1 });
    expect(analysis.repliedByCategory).toEqual({
      'un-system': { invited: 3, replied: 2 },
      'igo-ngo': { invited: 2, replied: 2 },
    });
  });

  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([])).toBeUndefined();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('counts the IGO/NGO survey one row per activity, each in its own theme and region', () => {
    const igo = analyseReplies([
      {
        name: 'Arab Network',
        type: 'NGO',
        region: 'WESTERN_ASIA',
        answers: {
          activitiesCarriedOut: 'yes',
          activities: [
            { title: 'Juvenile justice training', theme: 'b', region: 'AFRICA', budget: 8_620, budget_currency: 'EUR' },
            { title: 'Urban safety audits', theme: 'b', region: 'WESTERN_ASIA', partners: 'UN-Habitat' },
            { title: 'Court management', theme: 'c', region: 'WESTERN_ASIA', budget: 5_000, budget_currency: 'USD' },
          ],
        },
      },
    ]);
    const b = igo.themes.find((t) => t.code === 'b')!;
    expect(b).toMatchObject({ organisations: 1, budgetTotalUsd: 10_000, byCategory: { 'un-system': 0, 'igo-ngo': 1 } });
    expect(b.activities.map((a) => [a.description, a.region])).toEqual([
      ['Juvenile justice training', 'AFRICA'],
      ['Urban safety audits, with UN-Habitat', 'WESTERN_ASIA'],
    ]);
    expect(igo.rates.currencies).toEqual(['EUR', 'USD']);
  });
});
