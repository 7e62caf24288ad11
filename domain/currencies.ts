/**
 * Currencies respondents may report budgets in, and the rates the analysis report normalises them with. The report
 * states the table it used. The rates are the Secretariat's working table for the month shown: replace them with
 * the United Nations operational rates of exchange of the month of compilation (https://treasury.un.org) before a
 * real report is issued.
 */
export const CURRENCY_CODES = ['USD', 'EUR', 'CHF', 'GBP', 'JPY', 'CNY', 'RUB', 'SAR', 'CAD', 'AUD'] as const;
export type CurrencyCode = (typeof CURRENCY_CODES)[number];

export const RATES_TABLE = {
  asOf: '2026-11',
  description: 'working table of the Secretariat, November 2026',
  /** Units of the currency per United States dollar. */
  perUsd: {
    USD: 1,
    EUR: 0.862,
    CHF: 0.805,
    GBP: 0.761,
    JPY: 154.2,
    CNY: 7.11,
    RUB: 80.9,
    SAR: 3.75,
    CAD: 1.405,
    AUD: 1.538,
  } satisfies Record<CurrencyCode, number>,
} as const;

export function isCurrencyCode(value: unknown): value is CurrencyCode {
  return typeof value === 'string' && (CURRENCY_CODES as readonly string[]).includes(value);
}

/** The amount in United States dollars, rounded to the cent. */
export function toUsd(amount: number, currency: CurrencyCode): number {
  return Math.round((amount / RATES_TABLE.perUsd[currency]) * 100) / 100;
}
