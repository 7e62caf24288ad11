/**
 * A synthetic roster of any size: UN-system entities across the regions, one primary contact each. A fixture, like
 * `prisma/seed/`: it writes the roster tables directly, at volumes no import is for (ARCHITECTURE.md).
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../platform/database';
import { REGIONS } from '../domain/report-analysis';

export async function addSyntheticOrganisations(db: Db, count: number): Promise<void> {
  const batch = 1000;
  for (let start = 0; start < count; start += batch) {
    const organisations = Array.from({ length: Math.min(batch, count - start) }, (_, i) => {
      const n = start + i;
      return {
        id: randomUUID(),
        code: `BENCH-${String(n).padStart(5, '0')}`,
        name: `Benchmark entity ${n}`,
        type: 'UN_ENTITY' as const,
        region: REGIONS[n % REGIONS.length]!,
      };
    });
    await db.organisation.createMany({ data: organisations });
    await db.contact.createMany({
      data: organisations.map((o) => ({
        organisationId: o.id,
        name: `Focal point ${o.code}`,
        email: `focal.${o.code.toLowerCase()}@example.org`,
        role: 'PRIMARY' as const,
        language: 'en',
      })),
    });
  }
}
