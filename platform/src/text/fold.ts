/**
 * Text as searches compare it: lower case, accents removed (é → e, œ → oe),
 * spaces collapsed, so that « Électronique » is found by « electronique » and
 * « Lefèvre » by « LEFEVRE ». Computed in the application so that the
 * database needs only pg_trgm (for close spellings), not unaccent.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A LIKE pattern matching `text` anywhere, its % and _ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
