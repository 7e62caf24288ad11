/** `prep tokens …`: API tokens for other systems calling /api/v1 (docs/operations.md, "HTTP interface"). */
import type { Command } from 'commander';
import { API_SCOPES, issueApiToken, listApiTokens, revokeApiToken } from '../../../services/api-tokens';
import { printTable } from '../output';
import type { Out, Runtime } from '../runtime';

export function registerTokenCommands(program: Command, runtime: Runtime, out: Out): void {
  const tokens = program.command('tokens').description('API tokens for other systems (/api/v1)');
  tokens
    .command('issue')
    .description('Issue a token; it is shown once, only its hash is kept')
    .requiredOption('--name <name>', 'what the token is for, e.g. "ODS publishing"')
    .option('--scope <scope...>', `scopes: ${API_SCOPES.join(', ')}`, ['status:read'])
    .option('--as <email>', 'acting administrator', 'cli')
    .action(async (options: { name: string; scope: string[]; as: string }) => {
      const { id, token } = await issueApiToken(
        runtime.db(),
        { name: options.name, scopes: options.scope },
        options.as,
      );
      out(`Token ${id} issued with ${options.scope.join(', ')}. Keep it now; it is not shown again:`);
      out(token);
    });
  tokens
    .command('list')
    .description('The tokens, in force and revoked (never the tokens themselves)')
    .action(async () => {
      const rows = await listApiTokens(runtime.db());
      printTable(
        out,
        ['Id', 'Name', 'Scopes', 'Issued', 'Last used', 'Revoked'],
        rows.map((r) => [
          r.id,
          r.name,
          r.scopes.join(' '),
          r.createdAt.toISOString().slice(0, 10),
          r.lastUsedAt?.toISOString().slice(0, 16) ?? '',
          r.revokedAt?.toISOString().slice(0, 10) ?? '',
        ]),
      );
    });
  tokens
    .command('revoke')
    .description('Revoke a token at once')
    .argument('<id>', 'the token id (prep tokens list)')
    .option('--as <email>', 'acting administrator', 'cli')
    .action(async (id: string, options: { as: string }) => {
      await revokeApiToken(runtime.db(), id, options.as);
      out(`Token ${id} revoked.`);
    });
}
