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
