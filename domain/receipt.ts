/** The reference a respondent is given for a submission: short, derived from the reply, never from the link token. */
export function receiptReference(cycleId: string, organisationId: string): string {
  return `${cycleId.slice(0, 4)}-${organisationId.slice(0, 8)}`.toUpperCase();
}
