/** Attaching a file to a file question of the form, and removing it. */
import path from 'node:path';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { attachFile, removeFile } from '../../../services/attachments';
import { InvalidInputError } from '../../../services/errors';
import type { WebDeps } from '../../deps';
import { formWithErrors } from './form-page';
import { LINK_RATE_LIMIT, unusablePage, withLink } from './link';
import type { TokenRoute } from './link';

type QuestionRoute = TokenRoute & { Params: { questionId: string } };

export function registerAttachmentRoutes(app: FastifyInstance, deps: WebDeps): void {
  const attachmentsDir = path.join(deps.config.dataDir, 'attachments');

  app.post<QuestionRoute>(
    '/r/:token/files/:questionId',
    { config: LINK_RATE_LIMIT },
    withLink(deps, unusablePage, async (request, reply, link) => {
      const body = (request.body ?? {}) as { file?: MultipartFile };
      const file =
        body.file && typeof body.file.toBuffer === 'function' && body.file.filename
          ? { fileName: body.file.filename, buffer: await body.file.toBuffer() }
          : undefined;
      try {
        await attachFile(deps.db, link.access, attachmentsDir, request.params.questionId, file);
        request.server.metrics.saved('attachment');
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error;
        return formWithErrors(deps, request, reply, link, error);
      }
      return reply.redirect(`${link.base}/form?saved=file`, 303);
    }),
  );

  app.post<QuestionRoute>(
    '/r/:token/files/:questionId/remove',
    { config: LINK_RATE_LIMIT },
    withLink(deps, unusablePage, async (request, reply, { access, base }) => {
      await removeFile(deps.db, access, request.params.questionId);
      return reply.redirect(`${base}/form?saved=1`, 303);
    }),
  );
}
