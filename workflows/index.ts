/** The only module `workflowsPath` points at. */
export { sessionPreparationWorkflow } from './session-preparation';
export type { SessionPreparationInput, SessionPreparationResult } from './session-preparation';
export { surveyCycleWorkflow } from './survey-cycle';
export type { SurveyCycleInput, SurveyCycleResult } from './survey-cycle';
export { chiefDigestWorkflow, weeklyDigestWorkflow } from './weekly-digest';
export { obligationDeadlineWorkflow } from './obligation-deadline';
export type { ObligationDeadlineInput, ObligationDeadlineResult } from './obligation-deadline';
