/** A translation catalogue: English source string → translation. */
export type Catalogue = Readonly<Record<string, string>>;
