/** `prep session`: create, move and list the Commission's sessions. */
import type { Command } from 'commander';
import { createSession } from '../../../services/sessions';
import { listSessions } from '../../../services/session-lookup';
import { registerSessionMoveCommand } from './session-move';
import { printTable } from '../output';
import type { Out, Runtime } from '../runtime';

export function registerSessionCommands(program: Command, runtime: Runtime, out: Out): void {
  const session = program.command('session').description('Sessions of the Commission');
  session
    .command('create')
    .description('Create a session')
    .requiredOption('--number <n>', 'session number')
    .requiredOption('--opening <date>', 'opening date, YYYY-MM-DD')
    .requiredOption('--closing <date>', 'closing date, YYYY-MM-DD')
    .option('--venue <venue>', 'venue', 'Vienna')
    .option('--reconvened', 'the reconvened (December, budget) part of the session')
    .option('--as <email>', 'acting coordinator', 'cli')
    .action(
      async (o: {
        number: string;
        opening: string;
        closing: string;
        venue: string;
        reconvened?: boolean;
        as: string;
      }) => {
        const created = await createSession(
          runtime.db(),
          {
            number: o.number,
            openingDate: o.opening,
            closingDate: o.closing,
            venue: o.venue,
            kind: o.reconvened ? 'RECONVENED' : 'REGULAR',
          },
          o.as,
        );
        out(
          `Session ${created.number}${o.reconvened ? ' (reconvened)' : ''} created: ${created.venue}, ${created.openingDate} to ${created.closingDate}.`,
        );
      },
    );
  registerSessionMoveCommand(session, runtime, out);
  session
    .command('list')
    .description('List sessions')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const sessions = await listSessions(runtime.db());
      if (o.json) return out(JSON.stringify(sessions, null, 2));
      printTable(
        out,
        ['Session', 'Kind', 'Opening', 'Closing', 'Venue'],
        sessions.map((s) => [String(s.number), s.kind.toLowerCase(), s.openingDate, s.closingDate, s.venue]),
      );
    });
}
