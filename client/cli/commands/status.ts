/** `prep status` (a session's preparation and its surveys' replies) and `prep dispatch-log` (proof of dispatch). */
import type { Command } from 'commander';
import { getSessionByNumber } from '../../../services/session-lookup';
import { getPreparationStatus } from '../../preparation';
import { sessionNumber } from '../options';
import { printPreparation, printTable } from '../output';
import type { Out, Runtime } from '../runtime';

export function registerStatusCommand(program: Command, runtime: Runtime, out: Out): void {
  program
    .command('status')
    .description("A session's preparation: every deadline, its rule and its state, and each survey's replies")
    .requiredOption('--session <n>', 'session number', sessionNumber)
    .option('--json', 'print JSON')
    .action(async (o: { session: number; json?: boolean }) => {
      const status = await getPreparationStatus(await runtime.deps(), o.session, { surveys: true });
      if (o.json) return out(JSON.stringify(status, null, 2));
      printPreparation(out, status);
    });
}

export function registerDispatchLogCommand(program: Command, runtime: Runtime, out: Out): void {
  program
    .command('dispatch-log')
    .description('Who received the report, when, with which Message-ID (IV 11)')
    .requiredOption('--session <n>', 'session number', sessionNumber)
    .option('--json', 'print JSON')
    .action(async (o: { session: number; json?: boolean }) => {
      const db = runtime.db();
      const s = await getSessionByNumber(db, o.session);
      const rows = await db.dispatch.findMany({
        where: { document: { sessionId: s.id } },
        include: { government: true, emailMessage: true, document: true },
        orderBy: { government: { name: 'asc' } },
      });
      const log = rows.map((r) => ({
        government: r.government.name,
        recipient: r.recipient,
        symbol: r.document.symbol,
        sentAt: r.emailMessage.sentAt?.toISOString(),
        messageId: r.emailMessage.messageId,
        status: r.emailMessage.status,
      }));
      if (o.json) return out(JSON.stringify(log, null, 2));
      printTable(
        out,
        ['Government', 'Recipient', 'Sent', 'Message-ID'],
        log.map((l) => [l.government, l.recipient, l.sentAt ?? '', l.messageId]),
      );
    });
}
