import { renderNoteVerbale } from '../../activities/mail/note-verbale';

describe('note verbale in the mission’s working language', () => {
  const base = {
    governmentName: 'Senegal',
    governmentOf: {
      en: 'of Senegal',
      fr: 'du Sénégal',
      es: 'del Senegal',
      ru: 'Сенегала',
      ar: 'السنغال',
      zh: '塞内加尔',
    },
    focalPointName: 'National focal point',
    symbol: 'E/CN.15/2027/2',
    title: 'Activities in crime prevention',
    sessionNumber: 36,
    openingDate: new Date('2027-05-10T00:00:00Z'),
  };

  it.each([
    ['en', 'presents its compliments to the Government of Senegal', 'thirty-sixth session', '10 May 2027'],
    ['fr', 'présente ses compliments au Gouvernement du Sénégal', '36e session', '10 mai 2027'],
    ['es', 'saluda atentamente al Gobierno del Senegal', '36º período de sesiones', '10 de mayo de 2027'],
    ['ru', 'свидетельствует свое уважение правительству Сенегала', '36-й сессии', '10 мая 2027'],
    ['ar', 'تهدي الأمانة العامة للأمم المتحدة أطيب تحياتها إلى حكومة السنغال', 'دورتها 36', '2027'],
    ['zh', '联合国秘书处向塞内加尔政府致意', '第36届会议', '2027年5月10日'],
  ])(
    'writes the %s note with the IV 11 reference, the session and the opening date',
    (language, opening, session, date) => {
      const note = renderNoteVerbale({ ...base, language });
      const text = note.text.replace(/\s+/g, ' '); // the plain-text part is wrapped
      expect(note.language).toBe(language);
      expect(text).toContain(opening);
      expect(text).toContain(session);
      expect(text).toContain(date);
      expect(note.text).toContain('E/CN.15/2027/2');
      expect(note.subject).toContain('E/CN.15/2027/2');
    },
  );

  it('sets right-to-left direction for Arabic and falls back to English for other languages', () => {
    expect(renderNoteVerbale({ ...base, language: 'ar' }).html).toContain('dir="rtl"');
    expect(renderNoteVerbale({ ...base, language: 'de' }).language).toBe('en');
  });

  it("writes in English when the Government's name is not known in the mission's language", () => {
    const note = renderNoteVerbale({ ...base, language: 'fr', governmentOf: { en: 'of Senegal' } });
    expect(note.language).toBe('en');
    expect(note.text).toContain('presents its compliments to the Government of Senegal');
    expect(renderNoteVerbale({ ...base, language: 'en', governmentOf: undefined }).text.replace(/\s+/g, ' ')).toContain(
      'renew to the Government of Senegal the assurances',
    );
  });

  it('escapes names that contain markup', () => {
    expect(
      renderNoteVerbale({ ...base, language: 'en', governmentOf: { en: 'of <script>x</script>' } }).html,
    ).not.toContain('<script>');
  });
});
