/**
 * The replies of a cycle as a file for analysis: one row per organisation invited, answers stored as codes and
 * numbers, each choice also with its label, in CSV or XLSX.
 */
import { InvalidInputError } from './errors';
import { currencyField, displayAnswer } from '../domain/questionnaire';
import type { SurveyKind } from '../domain/questionnaires';
import { LANGUAGES, isLanguage, questionnaireTranslator } from '../domain/i18n';
import { questionnaireOfCycle } from './questionnaires';
import type { Answers } from '../domain/questionnaire';
import type { Db } from '../platform/database';
import { cycleOfSession } from './cycle-status';
import { writeTable } from './roster/table-files';
import type { TableFormat } from './roster/table-files';

export async function exportResponses(
  db: Db,
  sessionNumber: number,
  format: TableFormat,
  language = 'en',
  kind: SurveyKind = 'SYSTEM_WIDE',
): Promise<{ buffer: Buffer; fileName: string }> {
  // Labels are written in any of the six official languages.
  if (!isLanguage(language)) throw new InvalidInputError(`Labels are available in: ${LANGUAGES.join(', ')}`);
  const { session, cycle } = await cycleOfSession(db, sessionNumber, kind);
  const questionnaire = await questionnaireOfCycle(db, cycle);
  const label = questionnaireTranslator(language, questionnaire);
  const labelOf = (text: string) => label(text);
  const invited = await db.invitation.findMany({
    where: { cycleId: cycle.id },
    select: { organisationId: true },
    distinct: ['organisationId'],
  });
  const organisations = await db.organisation.findMany({
    where: { id: { in: invited.map((i) => i.organisationId) } },
    include: { responses: { where: { cycleId: cycle.id } } },
    orderBy: { code: 'asc' },
  });
  const header = ['organisation_code', 'organisation', 'type', 'region', 'status', 'late', 'submitted_at'];
  for (const q of questionnaire.questions) {
    header.push(q.id);
    if (q.type === 'single-choice') header.push(`${q.id}_label`);
    if (q.type === 'money') header.push(currencyField(q));
  }
  const files = await db.attachment.findMany({ where: { cycleId: cycle.id }, select: { id: true, fileName: true } });
  const fileNames = Object.fromEntries(files.map((f) => [f.id, f.fileName]));
  const rows = organisations.map((o) => {
    const response = o.responses[0];
    // Drafts are not replies: only what was submitted is exported.
    const answers = (response?.status === 'SUBMITTED' ? response.answers : {}) as Answers;
    // A table goes in one cell, one line per row, in the labels' language.
    const row = [
      o.code,
      o.name,
      o.type,
      o.region,
      response && response.status !== 'DRAFT' ? response.status.toLowerCase().replace('_', ' ') : 'no reply',
      response?.late ? 'yes' : 'no',
      response?.submittedAt?.toISOString() ?? '',
    ];
    for (const q of questionnaire.questions) {
      const value = answers[q.id];
      row.push(
        value === undefined
          ? ''
          : q.type === 'table'
            ? displayAnswer(q, answers, labelOf)
            : q.type === 'file'
              ? displayAnswer(q, answers, labelOf, fileNames)
              : q.type === 'multiple-choice'
                ? (value as string[]).join(';')
                : typeof value === 'number'
                  ? String(value)
                  : typeof value === 'string'
                    ? value
                    : '',
      );
      if (q.type === 'single-choice') row.push(displayAnswer(q, answers, labelOf));
      if (q.type === 'money')
        row.push(value === undefined ? '' : ((answers[currencyField(q)] as string | undefined) ?? ''));
    }
    return row;
  });
  const buffer = await writeTable(header, rows, format, 'Replies');
  return { buffer, fileName: `replies-session-${session.number}-${kind.toLowerCase().replace('_', '-')}.${format}` };
}
