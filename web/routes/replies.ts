/**
 * One organisation's reply as the Secretariat sees it: every submitted version with what changed, the draft being
 * amended, and (coordinators, while the survey is open) reopening it for amendment with a reason.
 */
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { reopenReply } from '../../client/cycle';
import { cycleOfOrganisation } from '../../services/cycle-status';
import { readAttachment } from '../../services/attachments';
import { replyHistory } from '../../services/response-versions';
import { COORDINATOR_ONLY, STAFF, formToken } from '../auth';
import { preparationDeps } from '../deps';
import type { WebDeps } from '../deps';
import { render } from '../views';

type ReplyParams = { Params: { number: string; organisationId: string } };

export function registerReplyRoutes(app: FastifyInstance, deps: WebDeps): void {
  const prep = preparationDeps(deps);
  const replyUrl = (number: number, organisationId: string) =>
    `/console/sessions/${number}/organisations/${organisationId}/reply`;

  app.get<ReplyParams & { Querystring: { flash?: string } }>(
    '/console/sessions/:number/organisations/:organisationId/reply',
    { config: STAFF },
    async (request, reply) => {
      const number = Number(request.params.number);
      const { session, cycle } = await cycleOfOrganisation(deps.db, number, request.params.organisationId);
      const history = await replyHistory(deps.db, { cycleId: cycle.id, organisationId: request.params.organisationId });
      return render(reply, 'console-reply', {
        user: request.user,
        csrf: formToken(request, reply),
        session,
        history,
        canReopen: request.user?.role === 'COORDINATOR' && cycle.status === 'OPEN' && history.status !== 'DRAFT',
        action: `${replyUrl(number, request.params.organisationId)}/reopen`,
        flash: request.query.flash,
      });
    },
  );

  // Files are sent as downloads, never shown inline: a respondent's file must not run in the console's origin.
  app.get<{ Params: { id: string } }>('/console/attachments/:id', { config: STAFF }, async (request, reply) => {
    const file = await readAttachment(deps.db, path.join(deps.config.dataDir, 'attachments'), request.params.id);
    return reply
      .type(file.contentType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.buffer);
  });

  app.post<ReplyParams>(
    '/console/sessions/:number/organisations/:organisationId/reply/reopen',
    { config: COORDINATOR_ONLY },
    async (request, reply) => {
      const number = Number(request.params.number);
      const { version } = await reopenReply(
        prep,
        number,
        request.params.organisationId,
        request.body,
        request.user!.email,
      );
      const flash = `Reopened (now version ${version}); the respondent is being e-mailed a link.`;
      return reply.redirect(
        `${replyUrl(number, request.params.organisationId)}?flash=${encodeURIComponent(flash)}`,
        303,
      );
    },
  );
}
