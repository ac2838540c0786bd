/**
 * What the search compares: lower case, accents removed (é → e, œ → oe), so
 * that « Électronique » is found by « electronique ». Computed in the
 * application so that the database needs only pg_trgm, not unaccent.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/\s+/g, ' ')
    .trim();
}

export function searchTextOf(code: string, labels: { fr: string; en?: string | undefined }): string {
  return foldForSearch([code, labels.fr, labels.en ?? ''].join(' '));
}
