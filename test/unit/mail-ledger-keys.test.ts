import { mailKey, parseSurveyMailKey, surveyMailPrefix } from '../../services/mail-ledger/keys';

const CYCLE = '3f1c2a9e-5b7d-4e60-9a1b-2c3d4e5f6a7b';
const ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

describe('mail ledger business keys', () => {
  it('keep the shapes the ledger already holds (a new shape would send every message again)', () => {
    expect(mailKey.invitation(CYCLE, ID)).toBe(`invitation:${CYCLE}:${ID}:1`);
    expect(mailKey.reissue(CYCLE, ID, 2)).toBe(`invitation:${CYCLE}:${ID}:reissue-2`);
    expect(mailKey.reminder(CYCLE, ID, { occasion: 'scheduled', sequence: 3 })).toBe(`reminder:${CYCLE}:${ID}:3`);
    expect(mailKey.reminder(CYCLE, ID, { occasion: 'on-request', sequence: 1 })).toBe(`reminder:${CYCLE}:${ID}:now-1`);
    expect(mailKey.receipt(CYCLE, ID, 4)).toBe(`receipt:${CYCLE}:${ID}:4`);
    expect(mailKey.reopen(CYCLE, ID, 5)).toBe(`reopen:${CYCLE}:${ID}:5`);
    expect(mailKey.delegation(CYCLE, ID)).toBe(`delegation:${CYCLE}:${ID}`);
    expect(mailKey.escalation(ID, 'T-14', 'a@example.org')).toBe(`escalation:${ID}:T-14:a@example.org`);
    expect(mailKey.chiefDigest('2027-03-01', 'chief@example.org')).toBe('chief-digest:2027-03-01:chief@example.org');
    expect(mailKey.digest('2030-01-07', ID)).toBe(`digest:2030-01-07:${ID}`);
  });

  it('parse every survey key back into what built it', () => {
    expect(parseSurveyMailKey(mailKey.invitation(CYCLE, ID))).toEqual({
      kind: 'invitation',
      cycleId: CYCLE,
      subjectId: ID,
      occurrence: '1',
    });
    expect(parseSurveyMailKey(mailKey.reissue(CYCLE, ID, 2))).toMatchObject({ subjectId: ID, occurrence: 'reissue-2' });
    expect(parseSurveyMailKey(mailKey.reminder(CYCLE, ID, { occasion: 'on-request', sequence: 1 }))).toEqual({
      kind: 'reminder',
      cycleId: CYCLE,
      subjectId: ID,
      occurrence: 'now-1',
    });
    expect(parseSurveyMailKey(mailKey.receipt(CYCLE, ID, 4))).toMatchObject({ kind: 'receipt', occurrence: '4' });
    expect(parseSurveyMailKey(mailKey.reopen(CYCLE, ID, 5))).toMatchObject({ kind: 'reopen', occurrence: '5' });
    expect(parseSurveyMailKey(mailKey.delegation(CYCLE, ID))).toEqual({
      kind: 'delegation',
      cycleId: CYCLE,
      subjectId: ID,
    });
  });

  it('refuse keys that are not survey keys or are malformed', () => {
    expect(parseSurveyMailKey(mailKey.escalation(ID, 'T-14', 'a@example.org'))).toBeUndefined();
    expect(parseSurveyMailKey(mailKey.digest('2030-01-07', ID))).toBeUndefined();
    expect(parseSurveyMailKey(`reminder:${CYCLE}:${ID}`)).toBeUndefined();
    expect(parseSurveyMailKey(`reminder:${CYCLE}:${ID}:`)).toBeUndefined();
    expect(parseSurveyMailKey(`delegation:${CYCLE}:${ID}:1`)).toBeUndefined();
    expect(parseSurveyMailKey(`invitation:${CYCLE}:${ID}:1:extra`)).toBeUndefined();
  });

  it('scope a prefix query to one cycle and one kind', () => {
    const prefix = surveyMailPrefix('reminder', CYCLE);
    expect(mailKey.reminder(CYCLE, ID, { occasion: 'scheduled', sequence: 1 }).startsWith(prefix)).toBe(true);
    expect(mailKey.receipt(CYCLE, ID, 1).startsWith(prefix)).toBe(false);
    expect(mailKey.reminder(ID, CYCLE, { occasion: 'scheduled', sequence: 1 }).startsWith(prefix)).toBe(false);
  });
});
