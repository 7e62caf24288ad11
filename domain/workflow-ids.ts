/** Workflow IDs are business keys, so a second start for the same session is rejected by Temporal. */
export function sessionPreparationWorkflowId(commissionCode: string, sessionNumber: number): string {
  return `session-prep-${commissionCode.toLowerCase()}-${sessionNumber}`;
}

export function surveyCycleWorkflowId(
  commissionCode: string,
  sessionNumber: number,
  kind: 'system-wide' | 'igo-ngo',
): string {
  return `survey-cycle-${commissionCode.toLowerCase()}-${sessionNumber}-${kind}`;
}

export function obligationWorkflowId(commissionCode: string, sessionNumber: number, obligationCode: string): string {
  return `obligation-${commissionCode.toLowerCase()}-${sessionNumber}-${obligationCode.toLowerCase()}`;
}
