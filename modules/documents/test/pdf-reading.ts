import { inflateSync } from 'node:zlib';
import jsQRModule from 'jsqr';
import { extractText, getDocumentProxy } from 'unpdf';

/** jsqr is CommonJS whose types declare an ES default export: take the function either way. */
const jsQR = ((jsQRModule as unknown as { default?: typeof jsQRModule }).default ?? jsQRModule) as unknown as typeof jsQRModule.default;

/** The text of a PDF as a reader extracts it (PDF.js), white space folded to single spaces. */
export async function pdfText(pdf: Buffer): Promise<string> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(document, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

/** Every content stream of the PDF, inflated when compressed. */
function contentStreams(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const streams: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    const dictionary = raw.slice(raw.lastIndexOf('<<', match.index), match.index);
    const body = pdf.subarray(start, end);
    try {
      streams.push((/FlateDecode/.test(dictionary) ? inflateSync(body) : body).toString('latin1'));
    } catch {
      // A stream that is not deflated content (an image or font part): not where the QR code is.
    }
  }
  return streams;
}

/**
 * Reads the QR code printed in the PDF: the certificate draws it as filled
 * rectangles (the only ones on the page), which are rasterised here, with a
 * quiet zone, into an image that jsQR decodes like a phone's camera would.
 */
export function decodeQrCode(pdf: Buffer): string | undefined {
  const rects = contentStreams(pdf).flatMap((stream) =>
    [...stream.matchAll(/(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re\b/g)].map(
      (m) => [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number],
    ),
  );
  if (rects.length === 0) return undefined;
  const cell = Math.min(...rects.map(([, , , h]) => h));
  const left = Math.min(...rects.map(([x]) => x));
  const top = Math.min(...rects.map(([, y]) => y));
  const modules = Math.round((Math.max(...rects.map(([x, , w]) => x + w)) - left) / cell);
  const scale = 4;
  const quiet = 4;
  const side = (modules + 2 * quiet) * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  for (const [x, y, w, h] of rects) {
    const column0 = Math.round((x - left) / cell);
    const row0 = Math.round((y - top) / cell);
    for (let row = row0; row < row0 + Math.round(h / cell); row++)
      for (let column = column0; column < column0 + Math.round(w / cell); column++)
        for (let dy = 0; dy < scale; dy++)
          for (let dx = 0; dx < scale; dx++) {
            const at = (((row + quiet) * scale + dy) * side + (column + quiet) * scale + dx) * 4;
            pixels[at] = pixels[at + 1] = pixels[at + 2] = 0;
          }
  }
  return jsQR(pixels, side, side)?.data;
}
