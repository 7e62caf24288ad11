/** `prep questionnaire`: list, export and import the questionnaire versions stored as data. */
import { readFile, writeFile } from 'node:fs/promises';
import { CommanderError } from 'commander';
import type { Command } from 'commander';
import type { SurveyKind } from '../../../domain/questionnaires';
import { exportQuestionnaire, importQuestionnaire, listQuestionnaires } from '../../../services/questionnaires';
import { surveyKind } from '../options';
import { printTable } from '../output';
import type { Out, Runtime } from '../runtime';

export function registerQuestionnaireCommands(program: Command, runtime: Runtime, out: Out): void {
  const questionnaire = program
    .command('questionnaire')
    .description('Questionnaire versions, stored as data: each cycle asks the version current at its launch');
  questionnaire
    .command('list')
    .description('Every stored version, with the cycles that ask it')
    .action(async () => {
      const rows = await listQuestionnaires(runtime.db());
      printTable(
        out,
        ['Id', 'Survey', 'Version', 'Questions', 'Cycles', 'Stored by'],
        rows.map((r) => [r.id, r.kind, String(r.version), String(r.questions), String(r.cycles), r.createdBy]),
      );
    });
  questionnaire
    .command('export')
    .description('Write a version as JSON (the starting point of the next version)')
    .requiredOption('--id <id>', 'e.g. system-wide-v1')
    .requiredOption('--out <path>', '.json file to write')
    .action(async (o: { id: string; out: string }) => {
      const definition = await exportQuestionnaire(runtime.db(), o.id);
      await writeFile(o.out, `${JSON.stringify(definition, null, 2)}\n`);
      out(`Wrote ${o.out}.`);
    });
  questionnaire
    .command('import')
    .description("Store a new version of a survey's questionnaire; an invalid definition stores nothing")
    .requiredOption('--file <path>', '.json definition (see `questionnaire export`)')
    // The same survey names as the survey commands' --survey; SYSTEM_WIDE and IGO_NGO as before.
    .requiredOption('--survey <kind>', 'SYSTEM_WIDE (system-wide) or IGO_NGO (igo-ngo)', surveyKind)
    .option('--as <email>', 'acting coordinator', 'cli')
    .action(async (o: { file: string; survey: SurveyKind; as: string }) => {
      const text = await readFile(o.file, 'utf8').catch(() => {
        throw new CommanderError(2, 'prep.invalid', `cannot read ${o.file}`);
      });
      let definition: unknown;
      try {
        definition = JSON.parse(text);
      } catch (error) {
        throw new CommanderError(2, 'prep.invalid', `${o.file} is not JSON: ${(error as Error).message}`);
      }
      const stored = await importQuestionnaire(runtime.db(), o.survey, definition, o.as);
      out(`Stored ${stored.id} (version ${stored.version}); cycles launched from now on ask it.`);
    });
}
