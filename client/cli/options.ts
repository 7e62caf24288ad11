/** Option parsers shared by the command groups, each refusing bad input with a message saying what is wrong. */
import { CommanderError, Option } from 'commander';
import type { SurveyKind } from '../../domain/questionnaires';
import type { Db } from '../../platform/database';

export function sessionNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new CommanderError(2, 'prep.invalid', `--session must be a session number, got "${value}"`);
  return n;
}

/** The surveys of IV 10 by the names the CLI takes; the database's names (SYSTEM_WIDE, IGO_NGO) are accepted too. */
const SURVEYS: Record<string, SurveyKind> = {
  'system-wide': 'SYSTEM_WIDE',
  'igo-ngo': 'IGO_NGO',
};

export function surveyKind(value: string): SurveyKind {
  const kind = SURVEYS[value.trim().toLowerCase().replace(/_/g, '-')];
  if (!kind) throw new CommanderError(2, 'prep.invalid', `--survey must be system-wide or igo-ngo, got "${value}"`);
  return kind;
}

/**
 * The one `--survey` option of every survey command: system-wide (IV 10 (a)) or igo-ngo (IV 10 (b)). What its
 * absence means is the command's to say (`whenAbsent`), so existing invocations keep doing what they did.
 */
export function surveyOption(whenAbsent: string): Option {
  return new Option(
    '--survey <survey>',
    `system-wide (IV 10 (a)) or igo-ngo (IV 10 (b)); without it: ${whenAbsent}`,
  ).argParser(surveyKind);
}

/** The manager a CLI approval or rejection acts as; anyone else is refused. */
export async function managerNamed(db: Db, email: string): Promise<string> {
  const manager = await db.user.findUnique({ where: { email: email.toLowerCase() } });
  if (manager?.role !== 'MANAGER') throw new CommanderError(2, 'prep.forbidden', `${email} is not a manager`);
  return manager.email;
}

/** The coordinator or manager a CLI edit acts as; anyone else is refused. */
export async function staffNamed(db: Db, email: string): Promise<string> {
  const user = await db.user.findUnique({ where: { email: email.toLowerCase() } });
  if (user?.role !== 'MANAGER' && user?.role !== 'COORDINATOR')
    throw new CommanderError(2, 'prep.forbidden', `${email} is not a coordinator or manager`);
  return user.email;
}
