/** The questionnaire form: as the form route shows it, and again as a refused save or upload left it. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { MessageId } from '../../../domain/i18n';
import { groupTableFields } from '../../../domain/questionnaire';
import type { FieldError } from '../../../domain/questionnaire';
import { attachmentsOf } from '../../../services/attachments';
import type { ConfirmationNeededError } from '../../../services/errors';
import { InvalidInputError } from '../../../services/errors';
import type { WebDeps } from '../../deps';
import { render } from '../../views';
import type { Link } from './link';
import { pageView } from './view';
import { formToken } from '../../auth';

interface FormState {
  answers: unknown;
  version: number;
  /** What the page says on top (a draft saved, a file attached; or why a save was refused, as a problem). */
  flash?: MessageId;
  flashIsProblem?: boolean;
  /** Problems (refused) or warnings (to confirm), each beside its question. */
  errors?: FieldError[];
  warnings?: FieldError[];
}

export async function renderForm(
  deps: WebDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  link: Link,
  { flash, ...state }: FormState,
  status = 200,
) {
  const view = pageView(request, reply, link);
  return render(
    reply,
    'respondent-form',
    {
      ...view,
      csrf: formToken(request, reply),
      ...state,
      files: await attachmentsOf(deps.db, link.access.cycleId, link.access.organisation.id),
      flash: flash ? view.t(flash) : undefined,
    },
    status,
  );
}

/**
 * The form again, as the respondent left it (`typed`: what was just posted; else the stored draft), with each
 * problem or warning beside its question. Nothing was written.
 */
export function formWithErrors(
  deps: WebDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  link: Link,
  error: InvalidInputError | ConfirmationNeededError | undefined,
  typed?: { answers: unknown; version: number },
  refused?: { status: number; flash: MessageId },
) {
  const { access } = link;
  request.server.metrics.refused(refused ? (refused.status === 503 ? 'unavailable' : 'conflict') : (error?.code ?? ''));
  return renderForm(
    deps,
    request,
    reply,
    link,
    {
      // Rows of tables come back as the respondent typed them, errors beside their cells.
      answers: typed ? groupTableFields(access.questionnaire, typed.answers) : (access.response?.answers ?? {}),
      version: typed?.version ?? access.response?.version ?? 1,
      flash: refused?.flash,
      flashIsProblem: refused !== undefined,
      ...(error instanceof InvalidInputError ? { errors: error.fields } : error ? { warnings: error.warnings } : {}),
    },
    refused?.status ?? error?.status ?? 200,
  );
}
