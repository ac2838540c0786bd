import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { keepFontWork } from './font-cache.ts';

const bytes = readFileSync(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
const parse = () => fontkit.create(bytes) as fontkit.Font;

describe('a font kept for many documents', () => {
  it('shapes a word as fontkit does, and each caller may scale its own copy of the positions', () => {
    const kept = keepFontWork(parse()) as fontkit.Font;
    const plain = parse() as fontkit.Font;
    const first = kept.layout('Łukasz’s « effiloché »');
    expect(first.glyphs.map((glyph) => glyph.id)).toEqual(plain.layout('Łukasz’s « effiloché »').glyphs.map((glyph) => glyph.id));
    for (const position of first.positions) position.xAdvance *= 1000;
    const second = kept.layout('Łukasz’s « effiloché »');
    expect(second.advanceWidth).toBe(plain.layout('Łukasz’s « effiloché »').advanceWidth);
    expect(second.positions[0]).not.toBe(first.positions[0]);
  });

  it('embeds the same subset as a font parsed afresh', () => {
    const subsetOf = (font: fontkit.Font) => {
      const subset = font.createSubset();
      for (const glyph of font.layout('Ǆ Łódź ễ œ ﬁ 2026-2027').glyphs) subset.includeGlyph(glyph);
      return Buffer.from(subset.encode());
    };
    const kept = keepFontWork(parse()) as fontkit.Font;
    subsetOf(kept);
    expect(subsetOf(kept).equals(subsetOf(parse()))).toBe(true);
  });
});
