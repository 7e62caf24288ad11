import type { MessageId } from './en';

export type { MessageId } from './en';

/**
 * A translation and the fingerprint (./fingerprint.ts) of the English text it was translated from. When the English
 * changes, the fingerprint no longer matches: the translation is still used, and reported as needing review.
 */
export type Translation = readonly [text: string, source: string];

/** One language's translations of the English catalogue, by message id (an id it lacks is reported as missing). */
export type Translations = { readonly [id in MessageId]?: Translation };

/** What i18next reads: the text of every message a language has, by message id. Each of the six has this shape. */
export type Catalogue = { readonly [id in MessageId]?: string };
