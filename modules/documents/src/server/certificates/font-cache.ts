import type * as fontkit from 'fontkit';

type Font = fontkit.Font;
type GlyphRun = ReturnType<Font['layout']>;
type Glyph = ReturnType<Font['getGlyph']>;

/** Words kept per font before the cache starts afresh (a few hundred kB): names vary, labels do not. */
const MAX_WORDS = 20_000;

/**
 * Shaping a word (fontkit's GSUB/GPOS lookups over DejaVu's many scripts) was
 * half the cost of a certificate, and pdfkit's own layout cache lives and dies
 * with each document. Every certificate says much the same words, so the
 * parsed font keeps the runs of the words it has shaped, for every document
 * of the process. pdfkit scales the positions of the run it receives in
 * place: each caller gets its own copy of them (the glyphs are shared and
 * never changed).
 */
function cacheLayouts(font: Font): void {
  const shape = font.layout.bind(font);
  const runs = new Map<string, GlyphRun>();
  const copy = (run: GlyphRun): GlyphRun =>
    Object.assign(Object.create(Object.getPrototypeOf(run) as object) as GlyphRun, run, {
      positions: run.positions.map((position: object) => Object.assign(Object.create(Object.getPrototypeOf(position) as object) as object, position)),
    });
  const layout = (text: string, ...rest: unknown[]): GlyphRun => {
    // Features, script or direction asked for: shaped afresh (pdfkit asks with the text alone).
    if (rest.some((argument) => argument !== undefined)) return (shape as (...args: unknown[]) => GlyphRun)(text, ...rest);
    let run = runs.get(text);
    if (run === undefined) {
      if (runs.size >= MAX_WORDS) runs.clear();
      run = shape(text);
      runs.set(text, run);
    }
    return copy(run);
  };
  Object.defineProperty(font, 'layout', { value: layout, configurable: true, writable: true });
}

interface DecodableGlyph {
  _decode(): unknown;
}

/**
 * Each document embeds the subset of glyphs it uses, and fontkit decodes the
 * outline of every glyph it copies into a subset, every time (a third of the
 * rest of a certificate). fontkit keeps one glyph object per glyph id for the
 * font's life; each keeps its decoded outline the first time (the outlines of
 * a font without variations are never changed once decoded).
 */
function cacheGlyphOutlines(font: Font): void {
  const glyphOf = font.getGlyph.bind(font) as (id: number, codePoints?: number[]) => Glyph;
  const getGlyph = (id: number, codePoints?: number[]) => {
    const glyph = glyphOf(id, codePoints) as unknown as DecodableGlyph;
    if (!Object.hasOwn(glyph, '_decode')) {
      const decode = glyph._decode.bind(glyph);
      let outline: unknown;
      let decoded = false;
      Object.defineProperty(glyph, '_decode', {
        value: () => {
          if (!decoded) [outline, decoded] = [decode(), true];
          return outline;
        },
      });
    }
    return glyph as unknown as Glyph;
  };
  Object.defineProperty(font, 'getGlyph', { value: getGlyph, configurable: true, writable: true });
}

/**
 * A parsed font for many documents: what fontkit redoes for each document but
 * depends on the font alone is done once per process. Not for fonts with
 * variations (their outlines depend on the chosen instance).
 */
export function keepFontWork<Parsed extends object>(parsed: Parsed): Parsed {
  // A TrueType file parses to one font (a collection has no layout to share).
  const font = parsed as unknown as Font;
  cacheLayouts(font);
  cacheGlyphOutlines(font);
  return parsed;
}
