/** Idempotent seed: the Commission, the reporting obligations of resolution 1992/22, the roster, Member States with focal points and the demo accounts. */
import type { Db } from '../../platform/database';
import { storeShippedQuestionnaires } from '../../services/questionnaires';
import { hashPassword } from '../../services/users';
import { RESOLUTION_1992_22_OBLIGATIONS } from '../../domain/obligations';
import { DEMO_USERS, GOVERNMENTS, ORGANISATIONS } from './roster';

export async function seedDatabase(db: Db): Promise<void> {
  await db.commission.upsert({
    where: { code: 'CCPCJ' },
    create: { code: 'CCPCJ', name: 'Commission on Crime Prevention and Criminal Justice', symbolPrefix: 'E/CN.15' },
    update: {},
  });
  for (const { code, ladder, ...obligation } of RESOLUTION_1992_22_OBLIGATIONS) {
    await db.reportingObligation.upsert({
      where: { code },
      create: { code, ...obligation, ladder: ladder as unknown as object[] },
      update: {},
    });
  }
  await storeShippedQuestionnaires(db);
  for (const o of ORGANISATIONS) {
    const organisation = await db.organisation.upsert({
      where: { code: o.code },
      create: { code: o.code, name: o.name, type: o.type, region: o.region },
      update: {},
    });
    for (const c of o.contacts) {
      await db.contact.upsert({
        where: { organisationId_email: { organisationId: organisation.id, email: c.email } },
        create: { ...c, organisationId: organisation.id },
        update: {},
      });
    }
  }
  for (const g of GOVERNMENTS) {
    const domain = `mission-${g.iso3.toLowerCase()}.example.org`;
    await db.government.upsert({
      where: { iso3: g.iso3 },
      create: {
        iso3: g.iso3,
        name: g.name,
        language: g.language,
        governmentOf: g.governmentOf,
        focalPointName: `National focal point, ${g.name}`,
        focalPointEmail: `focal.point@${domain}`,
        alternateEmail: `registry@${domain}`,
      },
      // Name forms are reference data: a later seed corrects them.
      update: { governmentOf: g.governmentOf },
    });
  }
  for (const u of DEMO_USERS) {
    const existing = await db.user.findUnique({ where: { email: u.email } });
    if (!existing) {
      await db.user.create({
        data: { email: u.email, name: u.name, role: u.role, passwordHash: await hashPassword(u.password) },
      });
    }
  }
}
