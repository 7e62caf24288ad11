/** The roster export as an HTTP download: the one answer the console's button and /api/v1 both give. */
import type { FastifyReply } from 'fastify';
import type { Db } from '../platform/database';
import { exportRoster } from '../services/roster/export';
import type { RosterKind } from '../services/roster/import';
import type { TableFormat } from '../services/roster/table-files';

const CONTENT_TYPES: Record<TableFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export async function sendRosterFile(reply: FastifyReply, db: Db, kind: RosterKind, format: TableFormat) {
  const file = await exportRoster(db, kind, format);
  return reply
    .type(CONTENT_TYPES[format])
    .header('content-disposition', `attachment; filename="roster-${kind}.${format}"`)
    .send(file);
}
