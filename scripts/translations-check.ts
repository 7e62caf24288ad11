/**
 * Lists, per language, the respondent texts that are missing a translation and those whose English changed since
 * they were translated (stale), for the shared catalogue and the questionnaires that ship with the product; with
 * --stored, also every questionnaire version stored in the database (DATABASE_URL, as the CLI). For translators:
 *
 *   npm run translations:check [-- --stored]
 *
 * Exits 1 while anything is missing (a launch needing that language would be held), 0 otherwise; stale entries are
 * listed but do not fail the check, as they do not hold a launch.
 */
import { translationGaps } from '../domain/i18n/check';
import type { Questionnaire } from '../domain/questionnaire';
import { SHIPPED_QUESTIONNAIRES } from '../domain/questionnaires';
import { databaseUrlOf, loadConfig } from '../platform/config';
import { createPrismaClient } from '../platform/database';
import { exportQuestionnaire, listQuestionnaires } from '../services/questionnaires';

async function storedQuestionnaires(): Promise<Questionnaire[]> {
  const db = createPrismaClient(databaseUrlOf(loadConfig()));
  try {
    const versions = await listQuestionnaires(db);
    return await Promise.all(versions.map((version) => exportQuestionnaire(db, version.id)));
  } finally {
    await db.$disconnect();
  }
}

async function main(): Promise<void> {
  const shipped = [...SHIPPED_QUESTIONNAIRES.SYSTEM_WIDE, ...SHIPPED_QUESTIONNAIRES.IGO_NGO];
  const stored = process.argv.includes('--stored') ? await storedQuestionnaires() : [];
  const byId = new Map([...shipped, ...stored].map((q) => [q.id, q]));
  const gaps = translationGaps([...byId.values()]);
  process.stdout.write(`${gaps.lines.join('\n')}\n`);
  process.stdout.write(`${gaps.missing} missing, ${gaps.stale} stale\n`);
  process.exitCode = gaps.missing > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
