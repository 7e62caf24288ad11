/**
 * The six official languages of the United Nations: the one list every module takes them from. A leaf of its own, so
 * the questionnaire model can name them without importing the catalogues, which read the model's types.
 */
export const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];
