/**
 * The store of @fastify/rate-limit over services/rate-counters.ts: a route's limit counts in PostgreSQL, so four web
 * servers behind a load balancer give one address the same budget as one server would.
 */
import type { Db } from '../platform/database';
import { countHit } from '../services/rate-counters';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

interface RouteParams {
  routeInfo?: { method?: string | string[]; url?: string };
}

export function sharedRateLimitStore(db: Db) {
  return class SharedRateLimitStore {
    private readonly scope: string;

    /** The plugin constructs the global store with its options, and each route's store through `child`. */
    constructor(scope?: unknown) {
      this.scope = typeof scope === 'string' ? scope : 'all-routes';
    }

    incr(key: string, callback: Callback, timeWindow: number): void {
      countHit(db, `route:${this.scope}:${key}`, timeWindow).then(
        ({ count, secondsLeft }) => callback(null, { current: count, ttl: secondsLeft * 1000 }),
        (error: Error) => callback(error),
      );
    }

    /** The plugin's types name the route's options; at run time it passes its merged parameters with `routeInfo`. */
    child(params: unknown): SharedRateLimitStore {
      const { method, url } = (params as RouteParams).routeInfo ?? {};
      return new SharedRateLimitStore(`${[method ?? ''].flat().join(',')} ${url ?? ''}`);
    }
  };
}
