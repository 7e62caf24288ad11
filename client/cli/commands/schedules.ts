/** `prep schedules`: create the recurring jobs (Temporal Schedules) if they do not exist. */
import type { Command } from 'commander';
import {
  CHIEF_DIGEST_SCHEDULE_ID,
  WEEKLY_DIGEST_SCHEDULE_ID,
  ensureChiefDigestSchedule,
  ensureWeeklyDigestSchedule,
} from '../../schedules';
import type { Out, Runtime } from '../runtime';

export function registerScheduleCommands(program: Command, runtime: Runtime, out: Out): void {
  program
    .command('schedules')
    .description(
      'Create the recurring jobs (the weekly deadline digest to managers, the daily digest to the chief) if they do not exist',
    )
    .action(async () => {
      const deps = await runtime.deps();
      const outcome = await ensureWeeklyDigestSchedule(deps.temporal, deps.taskQueue);
      out(`Schedule ${WEEKLY_DIGEST_SCHEDULE_ID}: ${outcome} (Mondays 06:00 UTC).`);
      const chief = await ensureChiefDigestSchedule(deps.temporal, deps.taskQueue);
      out(`Schedule ${CHIEF_DIGEST_SCHEDULE_ID}: ${chief} (daily 06:00 UTC; sends only with CHIEF_ESCALATION=digest).`);
    });
}
