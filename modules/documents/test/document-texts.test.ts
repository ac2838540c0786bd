import { describe, expect, it } from 'vitest';
import { flattenTexts, textParityProblems } from '@pegase/web-kit/text-parity';
import { decisionText, documentTexts, fill, formatCredits, formatMark } from '../src/server/certificates/document-texts.ts';

/** The words of transcripts, pass certificates and verification pages (outside src/server: the parity check belongs to the web kit). */
describe('the documents’ texts', () => {
  it('say the same things in French and English, with the same placeholders', () => {
    expect(textParityProblems(documentTexts.fr, documentTexts.en)).toEqual([]);
  });

  it('name every decision of the results engine, every honours and every kind of document', () => {
    expect(Object.keys(documentTexts.fr.decisions).sort()).toEqual(['ABJ', 'ADM', 'AJ', 'CMP', 'DEF', 'DIS', 'INC']);
    expect(Object.keys(documentTexts.fr.honours).sort()).toEqual(['AB', 'B', 'P', 'TB']);
    expect(Object.keys(documentTexts.fr.kinds).sort()).toEqual(['enrolment', 'pass-certificate', 'transcript']);
    expect(decisionText('CMP', 'fr')).toBe('Compensé');
    expect(decisionText('XYZ', 'en')).toBe('XYZ');
  });

  it('write French with typographic apostrophes', () => {
    for (const [path, text] of flattenTexts(documentTexts.fr)) expect(text, path).not.toContain("'");
  });

  it('print marks and credits exactly, the French and the English way', () => {
    expect(formatMark('12.500', 'fr')).toBe('12,50');
    expect(formatMark('10.000', 'en')).toBe('10.00');
    expect(formatMark('9.999', 'fr')).toBe('9,999');
    expect(formatMark('10.250', 'fr')).toBe('10,25');
    expect(formatMark(null, 'fr')).toBe('—');
    expect(formatCredits('30.000', 'fr')).toBe('30');
    expect(formatCredits('7.500', 'fr')).toBe('7,5');
    expect(formatCredits('7.500', 'en')).toBe('7.5');
    expect(fill('{{a}} et {{b}}', { a: 1 })).toBe('1 et {{b}}');
  });
});
