/** The preparation workflow's activity proxies, by what they touch and how they retry. */
import { proxyActivities } from '@temporalio/workflow';
import type { createActivities } from '../../activities';

export type Activities = ReturnType<typeof createActivities>;
export type CompiledReport = Awaited<ReturnType<Activities['compileAnalysisReport']>>;

export const db = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '1 minute' },
});
export const documents = proxyActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  retry: { maximumAttempts: 10 },
});
export const mail = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});
