import { describe, expect, it } from 'vitest';
import { foldForSearch, searchTextOf } from './search-text.ts';

describe('the search text of a training object', () => {
  it('ignores case and accents, and spells ligatures out', () => {
    expect(foldForSearch('  Électronique   Numérique ')).toBe('electronique numerique');
    expect(foldForSearch('Œuvres CHOISIES')).toBe('oeuvres choisies');
    expect(searchTextOf('UE-ESP', { fr: 'Espagnol débutant', en: 'Beginner Spanish' })).toBe('ue-esp espagnol debutant beginner spanish');
  });
});
