/**
 * Retries one message through short SMTP trouble (4xx, a dropped connection) inside the activity that sends it. A
 * page of 200 organisations fails as a whole when one message fails; left to the activity's own retry policy, a
 * server answering 4xx to one command in three would fail nearly every page attempt, and the page's backoff would
 * grow to its ten-minute ceiling. Longer outages still fail the page, and Temporal retries it with days of patience.
 */
import { ApplicationFailure } from '@temporalio/activity';
import { FailureType } from '../../domain/failure-types';

export interface TransientRetryOptions {
  attempts: number;
  firstDelayMs: number;
  maxDelayMs: number;
  /** Called while waiting, so the activity keeps heartbeating. */
  onWait?: () => void;
}

export const MESSAGE_RETRIES: TransientRetryOptions = { attempts: 6, firstDelayMs: 250, maxDelayMs: 4000 };

export function isTransientDeliveryFailure(error: unknown): boolean {
  return error instanceof ApplicationFailure && error.type === FailureType.TransientDeliveryFailure;
}

export async function withTransientRetries<T>(send: () => Promise<T>, options: TransientRetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await send();
    } catch (error) {
      if (!isTransientDeliveryFailure(error) || attempt >= options.attempts) throw error;
      options.onWait?.();
      const delay = Math.min(options.maxDelayMs, options.firstDelayMs * 2 ** (attempt - 1));
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
