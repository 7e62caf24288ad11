/**
 * Questionnaires are stored as versioned data: each version a row whose definition is checked against the schema of
 * domain/questionnaire-schema whenever it is read or imported. A cycle asks the version it was launched with;
 * importing a new version changes nothing for cycles already running. The first version of each survey ships with
 * the product (domain/questionnaire, domain/igo-ngo-questionnaire) and is stored by the seed.
 */
import type { Prisma } from '@prisma/client';
import { parseQuestionnaire } from '../domain/questionnaire-schema';
import type { Questionnaire } from '../domain/questionnaire';
import { SHIPPED_QUESTIONNAIRES, questionnaireFor } from '../domain/questionnaires';
import type { SurveyKind } from '../domain/questionnaires';
import type { Db, DbTransaction } from '../platform/database';
import { recordAudit } from './audit';
import { ConflictError, InvalidInputError } from './errors';

/** A definition as the JSON column stores it (plain data: no functions, no undefined). */
function asJson(questionnaire: Questionnaire): Prisma.InputJsonObject {
  return JSON.parse(JSON.stringify(questionnaire)) as Prisma.InputJsonObject;
}

/** Versions never change once stored, so a parsed definition is kept for the life of the process. */
const parsed = new Map<string, Questionnaire>();

function fromRow(row: { id: string; definition: unknown }): Questionnaire {
  const cached = parsed.get(row.id);
  if (cached) return cached;
  const result = parseQuestionnaire(row.definition);
  if (!result.ok)
    throw new Error(
      `Stored questionnaire ${row.id} is invalid: ${result.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
    );
  parsed.set(row.id, result.questionnaire);
  return result.questionnaire;
}

/** The version new cycles of this kind ask: the latest stored, else the one that ships with the product. */
export async function currentQuestionnaire(
  db: Db | DbTransaction,
  kind: SurveyKind,
): Promise<{ id: string | null; questionnaire: Questionnaire }> {
  const row = await db.questionnaireVersion.findFirst({ where: { kind }, orderBy: { version: 'desc' } });
  return row ? { id: row.id, questionnaire: fromRow(row) } : { id: null, questionnaire: questionnaireFor(kind) };
}

/** The version a cycle asks. Cycles launched before versions were stored ask the first version of their kind. */
export async function questionnaireOfCycle(
  db: Db | DbTransaction,
  cycle: { questionnaireId: string | null; kind: SurveyKind },
): Promise<Questionnaire> {
  if (!cycle.questionnaireId) return questionnaireFor(cycle.kind);
  const cached = parsed.get(cycle.questionnaireId);
  if (cached) return cached;
  return fromRow(await db.questionnaireVersion.findUniqueOrThrow({ where: { id: cycle.questionnaireId } }));
}

/** Stores every version that ships with the product (idempotent; the seed calls it). */
export async function storeShippedQuestionnaires(db: Db): Promise<void> {
  for (const kind of ['SYSTEM_WIDE', 'IGO_NGO'] as const) {
    for (const [index, questionnaire] of SHIPPED_QUESTIONNAIRES[kind].entries()) {
      await db.questionnaireVersion.upsert({
        where: { id: questionnaire.id },
        create: {
          id: questionnaire.id,
          kind,
          version: index + 1,
          definition: asJson(questionnaire),
          createdBy: 'seed',
        },
        update: {},
      });
    }
  }
}

export async function listQuestionnaires(db: Db) {
  const rows = await db.questionnaireVersion.findMany({ orderBy: [{ kind: 'asc' }, { version: 'asc' }] });
  const inUse = await db.surveyCycle.groupBy({ by: ['questionnaireId'], _count: { _all: true } });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    version: row.version,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    questions: fromRow(row).questions.length,
    cycles: inUse.find((c) => c.questionnaireId === row.id)?._count._all ?? 0,
  }));
}

export async function exportQuestionnaire(db: Db, id: string): Promise<Questionnaire> {
  const row = await db.questionnaireVersion.findUnique({ where: { id } });
  if (!row) throw new InvalidInputError(`No questionnaire version ${id}`);
  return fromRow(row);
}

/**
 * Stores a new version of a survey's questionnaire: checked whole first (every problem reported with its path, and
 * nothing stored when there is one), numbered after the latest, its id ending in that number. Audited.
 */
export async function importQuestionnaire(
  db: Db,
  kind: SurveyKind,
  definition: unknown,
  actor: string,
): Promise<{ id: string; version: number }> {
  const result = parseQuestionnaire(definition);
  if (!result.ok)
    throw new InvalidInputError(
      'The questionnaire is not valid',
      result.problems.map((p) => ({ field: p.path, message: p.message })),
    );
  const { questionnaire } = result;
  return db.$transaction(async (tx) => {
    const latest = await tx.questionnaireVersion.findFirst({ where: { kind }, orderBy: { version: 'desc' } });
    const version = (latest?.version ?? 1) + 1;
    if (!questionnaire.id.endsWith(`-v${version}`))
      throw new ConflictError(`This would be version ${version} of the survey: its id must end in "-v${version}"`);
    if (await tx.questionnaireVersion.findUnique({ where: { id: questionnaire.id } }))
      throw new ConflictError(`Questionnaire ${questionnaire.id} already exists; a version is never changed`);
    await tx.questionnaireVersion.create({
      data: { id: questionnaire.id, kind, version, definition: asJson(questionnaire), createdBy: actor },
    });
    await recordAudit(tx, {
      actor,
      action: 'questionnaire.import',
      entity: 'QuestionnaireVersion',
      entityId: questionnaire.id,
      details: { kind, version, questions: questionnaire.questions.length },
    });
    return { id: questionnaire.id, version };
  });
}
