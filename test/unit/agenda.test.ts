import { agendaItem, provisionalAgenda } from '../../domain/agenda';

describe('provisional agenda', () => {
  it('carries the standing items of VII 2 and VII 3 from the second session on', () => {
    const keys = (n: number) => provisionalAgenda(n).map((i) => i.key);
    expect(keys(1)).not.toContain('technical-assistance');
    expect(keys(1)).not.toContain('standards-and-norms');
    for (const session of [2, 3, 36]) {
      expect(keys(session)).toEqual(expect.arrayContaining(['technical-assistance', 'standards-and-norms']));
    }
  });

  it('numbers the items consecutively and cites the mandate of each standing item', () => {
    const items = provisionalAgenda(36);
    expect(items.map((i) => i.number)).toEqual(items.map((_, index) => index + 1));
    expect(agendaItem(36, 'technical-assistance').mandate).toBe('ECOSOC 1992/22 VII 2 (standing item)');
    expect(agendaItem(36, 'standards-and-norms').mandate).toBe('ECOSOC 1992/22 VII 3 (standing item)');
    expect(() => agendaItem(1, 'standards-and-norms')).toThrow('Session 1 has no agenda item "standards-and-norms"');
  });
});
