import { dispatchProofSummary } from '../../activities/documents/dispatch-proof';

const row = (government: string, daysBeforeOpening: number | undefined) => ({
  government,
  recipient: `focal.point@${government.toLowerCase()}.example.org`,
  sentAt: daysBeforeOpening === undefined ? undefined : new Date('2027-03-01T10:00:00Z'),
  messageId: `<${government}@test>`,
  daysBeforeOpening,
});

describe('proof of dispatch summary', () => {
  it('states that the sixty-day requirement was met, from the last delivery', () => {
    expect(dispatchProofSummary({ reportSymbol: 'E/CN.15/2027/2', rows: [row('Austria', 68), row('Kenya', 67)] })).toBe(
      'E/CN.15/2027/2 was delivered to 2 of 2 Governments; the last delivery left 67 days before the opening, meeting the sixty-day requirement of ECOSOC resolution 1992/22, section IV, paragraph 11.',
    );
  });

  it('says so when the requirement was missed or a Government could not be reached', () => {
    const summary = dispatchProofSummary({
      reportSymbol: 'E/CN.15/2027/2',
      rows: [row('Austria', 59), row('Kenya', undefined)],
    });
    expect(summary).toContain('delivered to 1 of 2 Governments');
    expect(summary).toContain('59 days before the opening, missing the sixty-day requirement');
    expect(summary).toContain('1 Government(s) could not be reached');
  });
});
