/**
 * Telling the survey cycle what a respondent did. The fact is already in the database when these run: the signal
 * only lets the cycle stop reminding, send the receipt, close early or mail the delegate, so a failure is logged
 * (without the link: the logger redacts tokens) and the respondent's request still succeeds.
 */
import type { FastifyRequest } from 'fastify';
import { notifyDelegation, notifySubmission } from '../../../client/preparation';
import type { RespondentAccess } from '../../../services/responses';
import type { WebDeps } from '../../deps';

export const tellTheCycle = (deps: WebDeps, request: FastifyRequest, access: RespondentAccess, what: string) =>
  notifySubmission(deps.temporal, access.cycleWorkflowId, access.organisation.id, access.contact.id).catch(
    (error: unknown) => request.log.warn({ err: error }, `${what} committed but the survey workflow was not signalled`),
  );

export const tellTheCycleOfDelegation = (
  deps: WebDeps,
  request: FastifyRequest,
  created: { cycleWorkflowId: string; delegationId: string },
) =>
  notifyDelegation(deps.temporal, created.cycleWorkflowId, created.delegationId).catch((error: unknown) =>
    request.log.warn({ err: error }, 'delegation committed but the survey workflow was not signalled'),
  );
