/** `prep users …`: the administrator's controls over staff logins and accounts. */
import type { Command } from 'commander';
import type { UserRole } from '@prisma/client';
import { changeRole, endLoginsOfUser, removeUser } from '../../../services/users';
import type { Out, Runtime } from '../runtime';

export function registerUserCommands(program: Command, runtime: Runtime, out: Out): void {
  const users = program.command('users').description('Staff accounts and their logins');
  users
    .command('sign-out')
    .description('End every login of a staff user now, on every web server')
    .argument('<email>', "the user's e-mail")
    .option('--as <email>', 'acting administrator', 'cli')
    .action(async (email: string, options: { as: string }) => {
      const ended = await endLoginsOfUser(runtime.db(), email, options.as);
      out(`${ended} login(s) of ${email} ended.`);
    });
  users
    .command('role')
    .description("Change a user's role; their logins end, so the new role needs a new sign-in")
    .argument('<email>', "the user's e-mail")
    .argument('<role>', 'COORDINATOR or MANAGER')
    .option('--as <email>', 'acting administrator', 'cli')
    .action(async (email: string, role: string, options: { as: string }) => {
      const { ended } = await changeRole(runtime.db(), email, role.toUpperCase() as UserRole, options.as);
      out(`${email} is now ${role.toUpperCase()}; ${ended} login(s) ended.`);
    });
  users
    .command('remove')
    .description('Remove a staff account; its logins end with it')
    .argument('<email>', "the user's e-mail")
    .option('--as <email>', 'acting administrator', 'cli')
    .action(async (email: string, options: { as: string }) => {
      await removeUser(runtime.db(), email, options.as);
      out(`${email} removed; its logins ended.`);
    });
}
