/**
 * Bench S5: does the time a refused link takes to answer tell a guesser anything? Unknown, malformed, revoked and
 * expired links get the same status and page (test/integration/security.test.ts); here their median latencies are
 * measured side by side — requests interleaved, one at a time, each from its own client address so the guessing
 * limit does not answer instead — against a working link's landing page. S5 asks for medians within 5 ms.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { expireBenchInvitations, issueBenchLinks, openBenchCycle, revokeBenchLinks } from '../harness/bench-cycle';
import { clientAddress, startBenchWebServer } from '../harness/bench-web';
import type { Figure } from '../harness/figures';
import type { BenchInfrastructure } from '../harness/infrastructure';
import { median } from '../domain/report-analysis';

const ROUNDS = 400;
const KINDS = ['unknown', 'malformed', 'revoked', 'expired', 'working'] as const;
type Kind = (typeof KINDS)[number];

export async function benchLinkTiming(infra: BenchInfrastructure): Promise<Figure[]> {
  const database = await infra.createDatabase();
  const { db } = database;
  const cycle = await openBenchCycle(infra, db, { sessionNumber: 94, organisations: 3 * ROUNDS });
  const tokens = await issueBenchLinks(db, cycle);
  // A third of the links revoked, a third past their invitation's expiry, a third working.
  const revoked = tokens.slice(0, ROUNDS);
  const expired = tokens.slice(ROUNDS, 2 * ROUNDS);
  const working = tokens.slice(2 * ROUNDS);
  await revokeBenchLinks(db, revoked);
  await expireBenchInvitations(
    db,
    cycle.invitations.slice(ROUNDS, 2 * ROUNDS).map((i) => i.id),
  );
  const pathOf: Record<Kind, (round: number) => string> = {
    unknown: () => `/r/${randomBytes(32).toString('base64url')}`,
    malformed: () => `/r/${randomBytes(12).toString('base64url')}`,
    revoked: (round) => `/r/${revoked[round]!}`,
    expired: (round) => `/r/${expired[round]!}`,
    working: (round) => `/r/${working[round]!}`,
  };

  const web = await startBenchWebServer(infra, database);
  try {
    const latencies = new Map<Kind, number[]>(KINDS.map((kind) => [kind, []]));
    const statuses = new Map<Kind, Set<number>>(KINDS.map((kind) => [kind, new Set()]));
    let person = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const kind of KINDS) {
        const started = performance.now();
        const response = await fetch(`${web.baseUrl}${pathOf[kind](round)}`, {
          headers: { 'x-forwarded-for': clientAddress((person += 1)) },
        });
        await response.arrayBuffer();
        latencies.get(kind)!.push(performance.now() - started);
        statuses.get(kind)!.add(response.status);
      }
    }
    const medians = Object.fromEntries(
      KINDS.map((kind) => [kind, Math.round((median(latencies.get(kind)!) ?? 0) * 100) / 100]),
    ) as Record<Kind, number>;
    const gap = (kinds: readonly Kind[]) =>
      Math.round((Math.max(...kinds.map((k) => medians[k])) - Math.min(...kinds.map((k) => medians[k]))) * 100) / 100;
    const spread = gap(['unknown', 'malformed', 'revoked', 'expired']);
    // A malformed token is refused before the database is asked; its shape is no secret, so what a guesser must not
    // learn is whether a well-formed token exists: that gap is reported on its own.
    const wellFormed = gap(['unknown', 'revoked', 'expired']);
    const describe = (kinds: readonly Kind[]) =>
      kinds.map((k) => `${k} ${medians[k]} ms (HTTP ${[...statuses.get(k)!].join('/')})`).join(', ');
    return [
      {
        benchmark: 'links',
        measure: 'refused links: largest gap between median latencies',
        value: spread,
        unit: 'ms',
        limit: { what: "a working link's landing page, median", value: medians.working },
        ratio: Math.round((spread / medians.working) * 100) / 100,
        note: `${ROUNDS} requests of each kind, interleaved, one at a time; medians: ${describe(KINDS)}; gap among well-formed tokens (unknown, revoked, expired) ${wellFormed} ms; S5 asks for < 5 ms`,
      },
    ];
  } finally {
    await web.close();
  }
}
