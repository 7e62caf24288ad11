/**
 * `prep`, the coordinator's and manager's command line (run it as `npm run prep -- <command>`). It talks to the same
 * database and Temporal service as the web app, configured by the same environment variables. Each command group is
 * its own module under commands/; this file only composes them and reports errors.
 */
import { Command, CommanderError } from 'commander';
import { AppError, InvalidInputError } from '../../services/errors';
import { registerAuditCommands } from './commands/audit';
import { registerObligationCommands } from './commands/obligations';
import { registerQuestionnaireCommands } from './commands/questionnaire';
import { registerRehearseCommand } from './commands/rehearse';
import { registerReportCommands } from './commands/report';
import { registerRosterCommands } from './commands/roster';
import { registerScheduleCommands } from './commands/schedules';
import { registerSessionCommands } from './commands/session';
import { registerDispatchLogCommand, registerStatusCommand } from './commands/status';
import { registerSurveyCommands } from './commands/survey';
import { registerTokenCommands } from './commands/tokens';
import { registerUserCommands } from './commands/users';
import { createRuntime } from './runtime';
import type { Out, Runtime } from './runtime';

export type { Runtime } from './runtime';

export function buildProgram(runtime: Runtime, out: Out = console.log): Command {
  const program = new Command('prep')
    .description('Prepare sessions of the Commission on Crime Prevention and Criminal Justice')
    .exitOverride();
  registerSessionCommands(program, runtime, out);
  registerSurveyCommands(program, runtime, out);
  registerRosterCommands(program, runtime, out);
  registerObligationCommands(program, runtime, out);
  registerAuditCommands(program, runtime, out);
  registerQuestionnaireCommands(program, runtime, out);
  registerRehearseCommand(program, runtime, out);
  registerScheduleCommands(program, runtime, out);
  registerStatusCommand(program, runtime, out);
  registerReportCommands(program, runtime, out);
  registerDispatchLogCommand(program, runtime, out);
  registerUserCommands(program, runtime, out);
  registerTokenCommands(program, runtime, out);
  return program;
}

async function main(): Promise<void> {
  const runtime = createRuntime();
  try {
    await buildProgram(runtime).parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code !== 'commander.helpDisplayed' &&
        error.code !== 'commander.version' &&
        error.code !== 'commander.help'
      ) {
        if (error.code.startsWith('prep.')) console.error(`error: ${error.message}`);
        process.exitCode = error.exitCode || 2;
      }
    } else if (error instanceof AppError) {
      console.error(`error: ${error.message}`);
      if (error instanceof InvalidInputError)
        for (const field of error.fields) console.error(`  ${field.field || '(whole)'}: ${field.message}`);
      process.exitCode = 1;
    } else {
      console.error(error);
      process.exitCode = 1;
    }
  } finally {
    await runtime.close();
  }
}

if (require.main === module) void main();
