import { describe, expect, it } from 'vitest';
import { containsPattern, foldForSearch } from './fold.ts';

describe('text folded for searches', () => {
  it('ignores case and accents, spells ligatures out and collapses spaces', () => {
    expect(foldForSearch('  Électronique   Numérique ')).toBe('electronique numerique');
    expect(foldForSearch('Œuvres CHOISIES')).toBe('oeuvres choisies');
    expect(foldForSearch('LEFÈVRE-Ñúñez Straße')).toBe('lefevre-nunez strasse');
  });

  it('makes LIKE patterns that take % and _ literally', () => {
    expect(containsPattern('50%_off')).toBe('%50\\%\\_off%');
  });
});
