/**
 * The analysis behind the IV 10 (c) report, as pure functions of the replies: for each priority theme of VI 1, who
 * reported activities (UN system and IGOs/NGOs, by region), their budgets normalised to United States dollars, the
 * median, and the gaps. The .docx, its charts and the dashboard all read this one result.
 */
import { RATES_TABLE, isCurrencyCode, toUsd } from './currencies';
import { PRIORITY_THEMES } from './priority-themes';
import type { ThemeCode } from './priority-themes';
import { sanitiseText } from './questionnaire';
import type { Answers, TableRow } from './questionnaire';
import { countsAsReply } from './reply-states';
import type { ProgressState } from './reply-states';

export const REGIONS = ['AFRICA', 'AMERICAS', 'ASIA_PACIFIC', 'EUROPE', 'WESTERN_ASIA', 'GLOBAL'] as const;
export type RegionCode = (typeof REGIONS)[number];

export const REGION_LABELS: Record<RegionCode, string> = {
  AFRICA: 'Africa',
  AMERICAS: 'Americas',
  ASIA_PACIFIC: 'Asia and the Pacific',
  EUROPE: 'Europe',
  WESTERN_ASIA: 'Western Asia',
  GLOBAL: 'Global or interregional',
};

/** The two surveys of IV 10: the United Nations system (a), and intergovernmental and non-governmental bodies (b). */
export type RespondentCategory = 'un-system' | 'igo-ngo';

export function categoryOf(organisationType: string): RespondentCategory {
  return organisationType === 'IGO' || organisationType === 'NGO' ? 'igo-ngo' : 'un-system';
}

export interface ReportRespondent {
  name: string;
  type: string;
  region: string;
  /** Undefined: invited, no reply. */
  answers: Answers | undefined;
  /** The organisation answered that it had nothing to report. */
  nilReturn?: boolean;
  /** The organisation declined to take part. */
  declined?: boolean;
  /** Where its reply stands (domain/reply-states); derived from the fields above when not given. */
  state?: ProgressState;
}

/** The respondent's reply state: as given, else from its answers, nil return or decline. */
export function stateOfRespondent(r: ReportRespondent): ProgressState {
  if (r.state) return r.state;
  if (r.nilReturn) return 'nil return';
  if (r.declined) return 'declined';
  return r.answers === undefined ? 'invited' : 'submitted';
}

export interface ReportedActivity {
  organisation: string;
  category: RespondentCategory;
  region: RegionCode;
  description: string;
  /** As reported, e.g. "250,000 EUR"; undefined when no budget was given. */
  budgetReported?: string;
  budgetUsd?: number;
}

export interface ThemeFinding {
  code: ThemeCode;
  reference: string;
  title: string;
  shortTitle: string;
  activities: ReportedActivity[];
  /** Organisations reporting under the theme (an IGO or NGO may report several activities). */
  organisations: number;
  budgetTotalUsd: number;
  budgetMedianUsd: number | undefined;
  byCategory: Record<RespondentCategory, number>;
  byRegion: Record<RegionCode, number>;
}

export interface ReportAnalysis {
  themes: ThemeFinding[];
  invited: number;
  /** Replies that count for the response rate (submissions and nil returns; a decline does not count). */
  replied: number;
  nilReturns: number;
  declined: number;
  repliedByCategory: Record<RespondentCategory, { invited: number; replied: number }>;
  /** Themes with the fewest organisations reporting, and theme–region pairs with none. */
  gaps: { weakestThemes: ThemeCode[]; emptyRegions: { theme: ThemeCode; region: RegionCode }[] };
  rates: { asOf: string; description: string; currencies: string[] };
}

export function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function regionOf(value: string): RegionCode {
  return (REGIONS as readonly string[]).includes(value) ? (value as RegionCode) : 'GLOBAL';
}

const zeroRegions = () => Object.fromEntries(REGIONS.map((r) => [r, 0])) as Record<RegionCode, number>;

function budgetOf(amount: unknown, currencyAnswer: unknown): Pick<ReportedActivity, 'budgetReported' | 'budgetUsd'> {
  if (typeof amount !== 'number') return {};
  // Replies from before currencies were asked for are in US dollars.
  const currency = isCurrencyCode(currencyAnswer) ? currencyAnswer : 'USD';
  return { budgetReported: `${amount.toLocaleString('en-US')} ${currency}`, budgetUsd: toUsd(amount, currency) };
}

/** The system-wide survey (IV 10 (a)): one description and one budget per theme, in the organisation's region. */
function describedActivity(respondent: ReportRespondent, theme: ThemeCode): ReportedActivity[] {
  const description = respondent.answers?.[`theme_${theme}_description`];
  if (typeof description !== 'string' || description === '') return [];
  return [
    {
      organisation: respondent.name,
      category: categoryOf(respondent.type),
      region: regionOf(respondent.region),
      description: sanitiseText(description),
      ...budgetOf(
        respondent.answers?.[`theme_${theme}_budget`],
        respondent.answers?.[`theme_${theme}_budget_currency`],
      ),
    },
  ];
}

/** The IGO/NGO survey (IV 10 (b)): one row per activity, each with its own theme, region and budget. */
function tabledActivities(respondent: ReportRespondent, theme: ThemeCode): ReportedActivity[] {
  const rows = respondent.answers?.activities;
  if (!Array.isArray(rows)) return [];
  return (rows as TableRow[])
    .filter((row) => row.theme === theme && typeof row.title === 'string')
    .map((row) => ({
      organisation: respondent.name,
      category: categoryOf(respondent.type),
      region: regionOf(String(row.region ?? respondent.region)),
      description: sanitiseText(
        [row.title, typeof row.partners === 'string' ? `with ${row.partners}` : undefined].filter(Boolean).join(', '),
      ),
      ...budgetOf(row.budget, row.budget_currency),
    }));
}

const distinct = (activities: ReportedActivity[]) => new Set(activities.map((a) => a.organisation)).size;

export function analyseReplies(respondents: ReportRespondent[]): ReportAnalysis {
  const currencies = new Set<string>();
  const themes = PRIORITY_THEMES.map((theme): ThemeFinding => {
    const activities = respondents.flatMap((respondent): ReportedActivity[] => [
      ...describedActivity(respondent, theme.code),
      ...tabledActivities(respondent, theme.code),
    ]);
    activities.forEach((a) => {
      if (a.budgetUsd !== undefined) currencies.add(a.budgetReported!.split(' ').pop()!);
    });
    const budgets = activities.flatMap((a) => (a.budgetUsd === undefined ? [] : [a.budgetUsd]));
    const byRegion = zeroRegions();
    activities.forEach((a) => (byRegion[a.region] += 1));
    return {
      code: theme.code,
      reference: theme.reference,
      title: theme.title,
      shortTitle: theme.shortTitle,
      activities,
      budgetTotalUsd: budgets.reduce((sum, b) => sum + b, 0),
      budgetMedianUsd: median(budgets),
      organisations: distinct(activities),
      byCategory: {
        'un-system': distinct(activities.filter((a) => a.category === 'un-system')),
        'igo-ngo': distinct(activities.filter((a) => a.category === 'igo-ngo')),
      },
      byRegion,
    };
  });
  const fewest = Math.min(...themes.map((t) => t.organisations));
  const answered = (r: ReportRespondent) => countsAsReply(stateOfRespondent(r));
  const tally = (category: RespondentCategory) => {
    const inCategory = respondents.filter((r) => categoryOf(r.type) === category);
    return { invited: inCategory.length, replied: inCategory.filter(answered).length };
  };
  return {
    themes,
    invited: respondents.length,
    replied: respondents.filter(answered).length,
    nilReturns: respondents.filter((r) => stateOfRespondent(r) === 'nil return').length,
    declined: respondents.filter((r) => stateOfRespondent(r) === 'declined').length,
    repliedByCategory: { 'un-system': tally('un-system'), 'igo-ngo': tally('igo-ngo') },
    gaps: {
      weakestThemes: themes.filter((t) => t.organisations === fewest).map((t) => t.code),
      emptyRegions: themes.flatMap((t) =>
        REGIONS.filter((r) => r !== 'GLOBAL' && t.byRegion[r] === 0).map((region) => ({ theme: t.code, region })),
      ),
    },
    rates: { asOf: RATES_TABLE.asOf, description: RATES_TABLE.description, currencies: [...currencies].sort() },
  };
}

/** One formatter for every amount: `toLocaleString` builds a new one per call, which showed in the report's profile. */
const WHOLE_DOLLARS = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatUsd(amount: number): string {
  return `$${WHOLE_DOLLARS.format(amount)}`;
}
