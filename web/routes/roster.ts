/** The roster page of the console: import a file (with its validation report), export the roster. */
import type { MultipartFile, MultipartValue } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendRosterFile } from '../roster-file';
import { RosterInvalidError, importRoster } from '../../services/roster/import';
import type { RosterKind } from '../../services/roster/import';
import { formatOf } from '../../services/roster/table-files';
import { InvalidInputError } from '../../services/errors';
import type { WebDeps } from '../deps';
import { COORDINATOR_ONLY, STAFF, formToken } from '../auth';
import { render } from '../views';

function kindOf(value: unknown): RosterKind {
  if (value === 'organisations' || value === 'governments') return value;
  throw new InvalidInputError('Choose what the file holds: organisations or governments');
}

export function registerRosterRoutes(app: FastifyInstance, deps: WebDeps): void {
  const page = async (
    request: FastifyRequest,
    reply: Parameters<typeof render>[0],
    extra: object = {},
    status = 200,
  ) => {
    const [organisations, contacts, governments] = await Promise.all([
      deps.db.organisation.count(),
      deps.db.contact.count(),
      deps.db.government.count(),
    ]);
    return render(
      reply,
      'roster',
      {
        user: request.user,
        csrf: formToken(request, reply),
        counts: { organisations, contacts, governments },
        ...extra,
      },
      status,
    );
  };

  app.get<{ Querystring: { flash?: string } }>('/console/roster', { config: STAFF }, (request, reply) =>
    page(request, reply, { flash: request.query.flash }),
  );

  app.post('/console/roster/import', { config: COORDINATOR_ONLY }, async (request, reply) => {
    const body = (request.body ?? {}) as { kind?: MultipartValue; file?: MultipartFile };
    if (!body.file || typeof body.file.toBuffer !== 'function' || !body.file.filename)
      throw new InvalidInputError('Choose a .csv or .xlsx file to import');
    const kind = kindOf(body.kind?.value);
    try {
      const summary = await importRoster(
        deps.db,
        { buffer: await body.file.toBuffer(), format: formatOf(body.file.filename) },
        kind,
        request.user!.email,
      );
      return reply.redirect(
        `/console/roster?flash=${encodeURIComponent(`Imported ${summary.rows} rows of ${kind}: ${summary.created} created, ${summary.updated} updated.`)}`,
      );
    } catch (error) {
      if (!(error instanceof RosterInvalidError)) throw error;
      request.log.info({ problems: error.issues.length }, 'roster import refused');
      return page(request, reply, { issues: error.issues, fileName: body.file.filename }, 400);
    }
  });

  app.get<{ Querystring: { kind?: string; format?: string } }>(
    '/console/roster/export',
    { config: STAFF },
    async (request, reply) => {
      const kind = kindOf(request.query.kind ?? 'organisations');
      const format = request.query.format === 'xlsx' ? 'xlsx' : 'csv';
      return sendRosterFile(reply, deps.db, kind, format);
    },
  );
}
