/**
 * The roster: organisations (by type and region, each with a primary contact, alternates and a preferred language)
 * and Governments' focal points, imported from and exported to CSV or XLSX. An import is checked whole first: a
 * file with any error writes nothing and gets a report of every problem (row, column, what is wrong). A valid file is
 * written in one transaction. Rows update what they name and leave the rest of the roster as it is, so the roster is
 * reused across cycles.
 */
import { OrganisationType } from '@prisma/client';
import { z } from 'zod';
import { LANGUAGES } from '../../domain/i18n';
import { REGIONS } from '../../domain/report-analysis';
import type { Db } from '../../platform/database';
import { recordAudit } from '../audit';
import { InvalidInputError } from '../errors';
import { readTable } from './table-files';
import type { Table, TableFormat } from './table-files';
import { UnsafeTextError, safeText } from '../../domain/safe-text';

// One list each, shared with the rest of the product: the database's enum, the report's regions, the six languages.
const ORGANISATION_TYPES = Object.values(OrganisationType) as [OrganisationType, ...OrganisationType[]];
export const MAX_ROSTER_ROWS = 20_000;

export type RosterKind = 'organisations' | 'governments';

export const ROSTER_COLUMNS: Record<RosterKind, readonly string[]> = {
  organisations: [
    'organisation_code',
    'organisation_name',
    'organisation_type',
    'region',
    'contact_name',
    'contact_email',
    'contact_role',
    'language',
  ],
  governments: ['iso3', 'name', 'language', 'focal_point_name', 'focal_point_email', 'alternate_email'],
};

export interface RosterIssue {
  /** Spreadsheet row number (the header is row 1). */
  row: number;
  column: string;
  message: string;
}

/** Nothing was imported; `issues` lists every problem found. */
export class RosterInvalidError extends InvalidInputError {
  constructor(readonly issues: RosterIssue[]) {
    super(
      `The file was not imported: ${issues.length} problem(s). ` +
        issues
          .slice(0, 5)
          .map((i) => `row ${i.row}, ${i.column}: ${i.message}`)
          .join('; ') +
        (issues.length > 5 ? '; …' : ''),
      issues.map((i) => ({ field: `row ${i.row}, ${i.column}`, message: i.message })),
    );
    this.name = 'RosterInvalidError';
  }
}

const text = (column: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${column} is empty`)
    .max(max, `${column} is longer than ${max} characters`)
    // eslint-disable-next-line no-control-regex
    .refine((v) => !/[\u0000-\u001F\u007F]/.test(v), `${column} contains control characters`);
const email = z.string().trim().toLowerCase().pipe(z.email('not an e-mail address'));
const language = z.enum(LANGUAGES, { error: `one of ${LANGUAGES.join(', ')}` });

const ZOrganisationRow = z.object({
  organisation_code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9_-]{1,31}$/, '2–32 letters, digits, - or _'),
  organisation_name: text('the name', 200),
  organisation_type: z
    .string()
    .trim()
    .toUpperCase()
    .pipe(z.enum(ORGANISATION_TYPES, { error: `one of ${ORGANISATION_TYPES.join(', ')}` })),
  region: z
    .string()
    .trim()
    .toUpperCase()
    .pipe(z.enum(REGIONS, { error: `one of ${REGIONS.join(', ')}` })),
  contact_name: text('the name', 200),
  contact_email: email,
  contact_role: z
    .string()
    .trim()
    .toUpperCase()
    .pipe(z.enum(['PRIMARY', 'ALTERNATE'], { error: 'primary or alternate' })),
  language: z.string().trim().toLowerCase().pipe(language),
});

const ZGovernmentRow = z.object({
  iso3: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, 'three letters (ISO 3166-1 alpha-3)'),
  name: text('the name', 200),
  language: z.string().trim().toLowerCase().pipe(language),
  focal_point_name: text('the name', 200),
  focal_point_email: email,
  alternate_email: z
    .string()
    .trim()
    .toLowerCase()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(z.email('not an e-mail address').optional()),
});

type OrganisationRow = z.infer<typeof ZOrganisationRow>;
type GovernmentRow = z.infer<typeof ZGovernmentRow>;

export interface ImportSummary {
  kind: RosterKind;
  rows: number;
  created: number;
  updated: number;
}

function parseRows<T>(
  header: string[],
  rows: string[][],
  columns: readonly string[],
  schema: z.ZodType<T>,
  issues: RosterIssue[],
): { row: number; value: T }[] {
  for (const column of columns) {
    if (!header.includes(column)) issues.push({ row: 1, column, message: 'missing column' });
  }
  header.forEach((column) => {
    if (column && !columns.includes(column))
      issues.push({ row: 1, column, message: `unknown column (expected: ${columns.join(', ')})` });
  });
  if (issues.length > 0) return [];
  if (rows.length === 0) issues.push({ row: 2, column: columns[0]!, message: 'the file has no data rows' });
  if (rows.length > MAX_ROSTER_ROWS)
    issues.push({ row: MAX_ROSTER_ROWS + 2, column: columns[0]!, message: `more than ${MAX_ROSTER_ROWS} rows` });
  const parsed: { row: number; value: T }[] = [];
  rows.forEach((cells, index) => {
    const row = index + 2;
    const record = Object.fromEntries(header.map((column, i) => [column, cells[i] ?? '']));
    const result = schema.safeParse(record);
    if (result.success) parsed.push({ row, value: result.data });
    else
      for (const issue of result.error.issues)
        issues.push({ row, column: String(issue.path[0] ?? columns[0]), message: issue.message });
  });
  return parsed;
}

/** Duplicates and contradictions inside the file: the same contact twice, two primaries, one code with two names. */
function checkOrganisations(rows: { row: number; value: OrganisationRow }[], issues: RosterIssue[]): void {
  const byCode = new Map<string, { row: number; value: OrganisationRow }[]>();
  const emails = new Map<string, { row: number; code: string }>();
  for (const entry of rows) {
    const { organisation_code: code, contact_email: address } = entry.value;
    byCode.set(code, [...(byCode.get(code) ?? []), entry]);
    const seen = emails.get(address);
    if (seen)
      issues.push({
        row: entry.row,
        column: 'contact_email',
        message:
          seen.code === code
            ? `duplicate of row ${seen.row}`
            : `already the contact of ${seen.code} on row ${seen.row}; one address answers for one organisation`,
      });
    else emails.set(address, { row: entry.row, code });
  }
  for (const [code, entries] of byCode) {
    const first = entries[0]!;
    for (const entry of entries.slice(1)) {
      for (const column of ['organisation_name', 'organisation_type', 'region'] as const) {
        if (entry.value[column] !== first.value[column])
          issues.push({
            row: entry.row,
            column,
            message: `differs from row ${first.row} for ${code} ("${first.value[column]}")`,
          });
      }
    }
    const primaries = entries.filter((e) => e.value.contact_role === 'PRIMARY');
    if (primaries.length === 0)
      issues.push({ row: first.row, column: 'contact_role', message: `${code} has no primary contact` });
    primaries.slice(1).forEach((p) =>
      issues.push({
        row: p.row,
        column: 'contact_role',
        message: `second primary contact for ${code} (row ${primaries[0]!.row})`,
      }),
    );
  }
}

function checkGovernments(rows: { row: number; value: GovernmentRow }[], issues: RosterIssue[]): void {
  const seen = new Map<string, number>();
  for (const entry of rows) {
    const earlier = seen.get(entry.value.iso3);
    if (earlier) issues.push({ row: entry.row, column: 'iso3', message: `duplicate of row ${earlier}` });
    else seen.set(entry.value.iso3, entry.row);
  }
}

/**
 * Every cell of the file, the header included, made safe as text from outside (domain/safe-text.ts): characters a
 * Word document or an e-mail cannot hold are removed, bidirectional overrides neutralised; a lone surrogate is an
 * issue of its row and column.
 */
function safeCells(table: Table, issues: RosterIssue[]): Table {
  const safe = (cell: string, row: number, column: string) => {
    try {
      return safeText(cell).trim();
    } catch (error) {
      if (!(error instanceof UnsafeTextError)) throw error;
      issues.push({ row, column, message: error.fieldMessage });
      return '';
    }
  };
  const header = table.header.map((cell, i) => safe(cell, 1, cell || `column ${i + 1}`));
  const rows = table.rows.map((cells, r) => cells.map((cell, i) => safe(cell, r + 2, header[i] || `column ${i + 1}`)));
  return { header, rows };
}

export async function importRoster(
  db: Db,
  file: { buffer: Buffer; format: TableFormat },
  kind: RosterKind,
  actor: string,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<ImportSummary> {
  const issues: RosterIssue[] = [];
  const table = safeCells(await readTable(file.buffer, file.format), issues);
  if (issues.length > 0) throw new RosterInvalidError(issues);
  if (kind === 'organisations') {
    const rows = parseRows(table.header, table.rows, ROSTER_COLUMNS.organisations, ZOrganisationRow, issues);
    checkOrganisations(rows, issues);
    if (issues.length > 0) throw new RosterInvalidError(issues);
    return writeOrganisations(db, rows, actor, onProgress);
  }
  const rows = parseRows(table.header, table.rows, ROSTER_COLUMNS.governments, ZGovernmentRow, issues);
  checkGovernments(rows, issues);
  if (issues.length > 0) throw new RosterInvalidError(issues);
  return writeGovernments(db, rows, actor, onProgress);
}

async function writeOrganisations(
  db: Db,
  rows: { row: number; value: OrganisationRow }[],
  actor: string,
  onProgress: (done: number, total: number) => void,
): Promise<ImportSummary> {
  return db.$transaction(
    async (tx) => {
      let created = 0;
      let updated = 0;
      const ids = new Map<string, string>();
      for (const [index, { value }] of rows.entries()) {
        let organisationId = ids.get(value.organisation_code);
        if (!organisationId) {
          const data = { name: value.organisation_name, type: value.organisation_type, region: value.region };
          const existing = await tx.organisation.findUnique({ where: { code: value.organisation_code } });
          const organisation = existing
            ? await tx.organisation.update({ where: { id: existing.id }, data })
            : await tx.organisation.create({ data: { code: value.organisation_code, ...data } });
          organisationId = organisation.id;
          ids.set(value.organisation_code, organisationId);
          // A new primary demotes the old one, so an organisation never has two.
          await tx.contact.updateMany({
            where: { organisationId, role: 'PRIMARY', email: { not: primaryOf(rows, value.organisation_code) } },
            data: { role: 'ALTERNATE' },
          });
        }
        const contact = { name: value.contact_name, role: value.contact_role, language: value.language };
        const existing = await tx.contact.findUnique({
          where: { organisationId_email: { organisationId, email: value.contact_email } },
        });
        if (existing) {
          await tx.contact.update({ where: { id: existing.id }, data: contact });
          updated += 1;
        } else {
          await tx.contact.create({ data: { organisationId, email: value.contact_email, ...contact } });
          created += 1;
        }
        if ((index + 1) % 100 === 0 || index + 1 === rows.length) onProgress(index + 1, rows.length);
      }
      await recordAudit(tx, {
        actor,
        action: 'roster.import',
        entity: 'Roster',
        entityId: 'organisations',
        details: { rows: rows.length, organisations: ids.size, contactsCreated: created, contactsUpdated: updated },
      });
      return { kind: 'organisations' as const, rows: rows.length, created, updated };
    },
    { timeout: 120_000 },
  );
}

function primaryOf(rows: { value: OrganisationRow }[], code: string): string {
  return rows.find((r) => r.value.organisation_code === code && r.value.contact_role === 'PRIMARY')!.value
    .contact_email;
}

async function writeGovernments(
  db: Db,
  rows: { row: number; value: GovernmentRow }[],
  actor: string,
  onProgress: (done: number, total: number) => void,
): Promise<ImportSummary> {
  return db.$transaction(
    async (tx) => {
      let created = 0;
      let updated = 0;
      for (const [index, { value }] of rows.entries()) {
        const data = {
          name: value.name,
          language: value.language,
          focalPointName: value.focal_point_name,
          focalPointEmail: value.focal_point_email,
          alternateEmail: value.alternate_email ?? null,
        };
        const existing = await tx.government.findUnique({ where: { iso3: value.iso3 } });
        if (existing) {
          await tx.government.update({ where: { id: existing.id }, data });
          updated += 1;
        } else {
          await tx.government.create({ data: { iso3: value.iso3, ...data } });
          created += 1;
        }
        if ((index + 1) % 100 === 0 || index + 1 === rows.length) onProgress(index + 1, rows.length);
      }
      await recordAudit(tx, {
        actor,
        action: 'roster.import',
        entity: 'Roster',
        entityId: 'governments',
        details: { rows: rows.length, created, updated },
      });
      return { kind: 'governments' as const, rows: rows.length, created, updated };
    },
    { timeout: 120_000 },
  );
}
