/**
 * Workflow IDs are business keys, so a second start for the same session is rejected by Temporal. They carry the
 * session's durable id (`Session.id`) as well as its number: the number is what people read, the id is what keeps
 * session 36 of a new, empty database from answering with the workflows of another database's session 36
 * (ARCHITECTURE.md, "Workflow identity"), and keeps a reconvened session apart from the regular one of its number.
 */
export interface SessionKey {
  /** `Session.id`, unique across databases. */
  id: string;
  number: number;
}

function sessionPart(commissionCode: string, session: SessionKey): string {
  return `${commissionCode.toLowerCase()}-${session.number}-${session.id}`;
}

export function sessionPreparationWorkflowId(commissionCode: string, session: SessionKey): string {
  return `session-prep-${sessionPart(commissionCode, session)}`;
}

export function surveyCycleWorkflowId(
  commissionCode: string,
  session: SessionKey,
  kind: 'system-wide' | 'igo-ngo',
): string {
  return `survey-cycle-${sessionPart(commissionCode, session)}-${kind}`;
}

export function obligationWorkflowId(commissionCode: string, session: SessionKey, obligationCode: string): string {
  return `obligation-${sessionPart(commissionCode, session)}-${obligationCode.toLowerCase()}`;
}
