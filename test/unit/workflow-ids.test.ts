/** Workflow ids name a session by its number (for people) and its durable id (so two databases never share one). */
import { obligationWorkflowId, sessionPreparationWorkflowId, surveyCycleWorkflowId } from '../../domain/workflow-ids';

const session36 = { id: '5b0c3a52-1f4e-4d7e-9a7b-0d6f7c1e2a90', number: 36 };
const otherSession36 = { id: 'e2f1d0c9-8b7a-4c6d-9e5f-4a3b2c1d0e9f', number: 36 };

describe('workflow ids', () => {
  it('carry the commission, the session number and the session id', () => {
    expect(sessionPreparationWorkflowId('CCPCJ', session36)).toBe(`session-prep-ccpcj-36-${session36.id}`);
    expect(surveyCycleWorkflowId('CCPCJ', session36, 'system-wide')).toBe(
      `survey-cycle-ccpcj-36-${session36.id}-system-wide`,
    );
    expect(surveyCycleWorkflowId('CCPCJ', session36, 'igo-ngo')).toBe(`survey-cycle-ccpcj-36-${session36.id}-igo-ngo`);
    expect(obligationWorkflowId('CCPCJ', session36, 'VI-3-b')).toBe(`obligation-ccpcj-36-${session36.id}-vi-3-b`);
  });

  it('differ for two sessions of the same number (another database, or a reconvened session)', () => {
    const ids = (s: typeof session36) => [
      sessionPreparationWorkflowId('CCPCJ', s),
      surveyCycleWorkflowId('CCPCJ', s, 'system-wide'),
      surveyCycleWorkflowId('CCPCJ', s, 'igo-ngo'),
      obligationWorkflowId('CCPCJ', s, 'IV-2'),
    ];
    const first = ids(session36);
    for (const id of ids(otherSession36)) expect(first).not.toContain(id);
  });
});
