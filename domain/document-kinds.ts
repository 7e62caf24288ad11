/** The kinds of document the product generates, as stored in `Document.kind`. */
export const DocumentKind = {
  AnalysisReport: 'analysis-report',
  ProvisionalAgenda: 'provisional-agenda',
  /** Not a parliamentary document: its reference is the report's symbol prefixed with PROOF/. */
  DispatchProof: 'dispatch-proof',
} as const;
export type TDocumentKind = (typeof DocumentKind)[keyof typeof DocumentKind];
