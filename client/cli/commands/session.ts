/** `prep session`: create, move and list the Commission's sessions. */
import type { Command } from 'commander';
import { createSession } from '../../../services/sessions';
import { listSessions } from '../../../services/session-lookup';
import { rescheduleSession } from '../../preparation';
import { sessionNumber } from '../options';
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
  session
    .command('move')
    .description("Change a session's dates; a launched preparation re-plans every open deadline")
    .requiredOption('--session <n>', 'session number', sessionNumber)
    .requiredOption('--opening <date>', 'new opening date, YYYY-MM-DD')
    .requiredOption('--closing <date>', 'new closing date, YYYY-MM-DD')
    .option('--as <email>', 'acting coordinator', 'cli')
    .option('--json', 'print JSON')
    .action(async (o: { session: number; opening: string; closing: string; as: string; json?: boolean }) => {
      const moved = await rescheduleSession(
        await runtime.deps(),
        o.session,
        { openingDate: o.opening, closingDate: o.closing },
        o.as,
      );
      if (o.json) return out(JSON.stringify(moved, null, 2));
      out(`Session ${o.session} now opens on ${o.opening}.`);
      if (moved.length)
        printTable(
          out,
          ['Deadline', 'Was', 'Now'],
          moved.map((m) => [m.label, m.from.slice(0, 10), m.to.slice(0, 10)]),
        );
    });
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
