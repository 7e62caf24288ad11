/** The roster as a file, in the columns the import reads: export, edit, import back. */
import type { Db } from '../../platform/database';
import { ROSTER_COLUMNS } from './import';
import type { RosterKind } from './import';
import { writeTable } from './table-files';
import type { TableFormat } from './table-files';

export async function exportRoster(db: Db, kind: RosterKind, format: TableFormat): Promise<Buffer> {
  if (kind === 'governments') {
    const governments = await db.government.findMany({ orderBy: { iso3: 'asc' } });
    return writeTable(
      [...ROSTER_COLUMNS.governments],
      governments.map((g) => [g.iso3, g.name, g.language, g.focalPointName, g.focalPointEmail, g.alternateEmail ?? '']),
      format,
      'Governments',
    );
  }
  const organisations = await db.organisation.findMany({
    orderBy: { code: 'asc' },
    include: { contacts: { orderBy: [{ role: 'asc' }, { email: 'asc' }] } },
  });
  return writeTable(
    [...ROSTER_COLUMNS.organisations],
    organisations.flatMap((o) =>
      o.contacts.map((c) => [o.code, o.name, o.type, o.region, c.name, c.email, c.role.toLowerCase(), c.language]),
    ),
    format,
    'Organisations',
  );
}
