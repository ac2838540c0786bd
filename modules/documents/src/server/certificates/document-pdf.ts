import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { DocumentContent } from './document-content.ts';
import { keepFontWork } from './font-cache.ts';

/**
 * What every document of the module shares on paper: the fonts, the A4
 * page, the establishment's heading, the title, the place and date of issue
 * with the signature line, and the verification box (code, address, QR
 * code) at the bottom of the last page.
 *
 * DejaVu Sans (free licence, packaged by dejavu-fonts-ttf): every Latin
 * letter a name may carry (é, ç, œ, ễ, ł…) and the French quotes. The PDF
 * embeds the subset it uses, with its Unicode map: the text stays text.
 */
const require = createRequire(import.meta.url);
/**
 * Parsed once per process and shared by every document: pdfkit takes a
 * fontkit font as well as its bytes, and parsing the two DejaVu files cost
 * more than the rest of a certificate (about 20 of 45 ms of CPU). Each
 * document still embeds its own subset.
 */
type ParsedFont = ReturnType<typeof fontkit.create>;
let fonts: { regular: ParsedFont; bold: ParsedFont } | undefined;
function loadFonts(): { regular: ParsedFont; bold: ParsedFont } {
  const parse = (file: string) => keepFontWork(fontkit.create(readFileSync(require.resolve(file))));
  fonts ??= { regular: parse('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'), bold: parse('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf') };
  return fonts;
}

export const A4 = { width: 595.28, height: 841.89 };
export const MARGIN = 56;
export const WIDTH = A4.width - 2 * MARGIN;
export const INK = '#1b1f24';
export const GREY = '#4a525a';
export const ACCENT = '#0b4f9c';
/** The electronic note above the verification box, and the box. */
const BOX_HEIGHT = 172;
export const VERIFICATION_HEIGHT = BOX_HEIGHT + 44;

/** The sentences every document prints around its own text. */
export interface PageTexts {
  title: string;
  establishmentLine: string;
  issued: string;
  signature: readonly string[];
  electronic: string;
  verificationTitle: string;
  codeLabel: string;
  code: string;
  urlLabel: string;
  /** The last line of the verification box: what the page will say later. */
  verificationNote: string;
  metadataSubject: string;
}

/**
 * The QR code as vector squares (one rectangle per run of dark modules), so
 * that it prints sharp at any size. Nothing else on the page is drawn with
 * rectangles (the tests read the QR code back from them).
 */
function drawQrCode(doc: PDFKit.PDFDocument, data: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(data, { errorCorrectionLevel: 'M' });
  const cell = size / modules.size;
  for (let row = 0; row < modules.size; row++) {
    for (let column = 0; column < modules.size;) {
      if (!modules.get(row, column)) {
        column++;
        continue;
      }
      let run = 1;
      while (column + run < modules.size && modules.get(row, column + run)) run++;
      doc.rect(x + column * cell, y + row * cell, run * cell, cell);
      column += run;
    }
  }
  doc.fillColor('#000000').fill();
}

/** The largest size up to `max` at which one line of text fits the width. */
export function fittingSize(doc: PDFKit.PDFDocument, text: string, width: number, max: number): number {
  let size = max;
  while (size > 5 && doc.fontSize(size).widthOfString(text) > width) size -= 0.25;
  return size;
}

/** A horizontal rule across the text width. */
export function rule(doc: PDFKit.PDFDocument, y: number, colour = ACCENT, width = 1): void {
  doc
    .moveTo(MARGIN, y)
    .lineTo(A4.width - MARGIN, y)
    .lineWidth(width)
    .strokeColor(colour)
    .stroke();
}

/**
 * An A4 document in the content's language, with the fonts registered as
 * `regular` and `bold`, and the promise of its bytes once `doc.end()` is called.
 */
export function openDocument(content: DocumentContent, t: PageTexts): { doc: PDFKit.PDFDocument; finished: Promise<Buffer> } {
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({
    // The parsed DejaVu as the default font: pdfkit would otherwise parse Helvetica's metrics for every document.
    font: regular as unknown as string,
    size: 'A4',
    margin: MARGIN,
    lang: content.language === 'fr' ? 'fr-FR' : 'en-GB',
    displayTitle: true,
    info: {
      Title: `${t.title} — ${content.establishment.name}`,
      Author: content.establishment.name,
      Subject: t.metadataSubject,
      Creator: 'Pégase',
      Keywords: content.code,
      CreationDate: content.issuedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // pdfkit's types know font bytes only; its code takes a parsed font too (anything with layout()).
  doc.registerFont('regular', regular as unknown as Buffer);
  doc.registerFont('bold', bold as unknown as Buffer);
  return { doc, finished };
}

/** The establishment, its UAI line and a rule; then the title (in capitals) and its subtitle, centred at `titleGap` below the rule. */
export function drawHeading(doc: PDFKit.PDFDocument, content: DocumentContent, t: PageTexts, subtitle: string, titleGap: number): void {
  doc.font('bold').fontSize(15).fillColor(INK).text(content.establishment.name, MARGIN, MARGIN, { width: WIDTH });
  doc.font('regular').fontSize(9.5).fillColor(GREY).text(t.establishmentLine, { width: WIDTH });
  const ruleY = doc.y + 10;
  rule(doc, ruleY);
  doc
    .font('bold')
    .fontSize(22)
    .fillColor(ACCENT)
    .text(t.title.toLocaleUpperCase(content.language), MARGIN, ruleY + titleGap, { width: WIDTH, align: 'center' });
  doc.moveDown(0.3).font('regular').fontSize(12).fillColor(INK).text(subtitle, { width: WIDTH, align: 'center' });
}

/** « Fait à Lyon, le … » and the signature lines, on the right. */
export function drawIssued(doc: PDFKit.PDFDocument, t: PageTexts, gap: number): void {
  doc.moveDown(gap).font('regular').fontSize(12).fillColor(INK).text(t.issued, MARGIN, doc.y, { width: WIDTH, align: 'right' });
  doc.moveDown(0.8).fontSize(10.5);
  for (const line of t.signature) doc.text(line, { width: WIDTH, align: 'right' });
}

/**
 * The electronic note and the verification box at the bottom of the page:
 * the code in clear, the address, and the QR code of the address. On a new
 * page when the text above reaches down to where it goes.
 */
export function drawVerification(doc: PDFKit.PDFDocument, t: PageTexts, verificationUrl: string): void {
  const boxY = A4.height - MARGIN - BOX_HEIGHT;
  if (doc.y > boxY - 44 - 8) doc.addPage();
  doc
    .font('regular')
    .fontSize(9.5)
    .fillColor(GREY)
    .text(t.electronic, MARGIN, boxY - 44, { width: WIDTH, align: 'justify' });
  doc
    .moveTo(MARGIN, boxY)
    .lineTo(A4.width - MARGIN, boxY)
    .lineTo(A4.width - MARGIN, boxY + BOX_HEIGHT)
    .lineTo(MARGIN, boxY + BOX_HEIGHT)
    .closePath()
    .lineWidth(0.8)
    .strokeColor(GREY)
    .stroke();
  const qrSize = 132;
  const qrX = MARGIN + 20;
  const qrY = boxY + (BOX_HEIGHT - qrSize) / 2;
  drawQrCode(doc, verificationUrl, qrX, qrY, qrSize);
  const textX = qrX + qrSize + 22;
  const textWidth = A4.width - MARGIN - 16 - textX;
  doc
    .font('bold')
    .fontSize(11)
    .fillColor(INK)
    .text(t.verificationTitle, textX, boxY + 20, { width: textWidth });
  doc.moveDown(0.6).font('regular').fontSize(9.5).fillColor(GREY).text(t.codeLabel, { width: textWidth });
  doc
    .font('bold')
    .fontSize(fittingSize(doc.font('bold'), t.code, textWidth, 14))
    .fillColor(INK)
    .text(t.code, { width: textWidth, lineBreak: false });
  doc.moveDown(0.5).font('regular').fontSize(9.5).fillColor(GREY).text(t.urlLabel, { width: textWidth });
  const urlSize = fittingSize(doc, verificationUrl, textWidth, 9.5);
  doc.fontSize(urlSize).fillColor(ACCENT).text(verificationUrl, { width: textWidth, link: verificationUrl, lineBreak: false });
  doc.moveDown(1).fontSize(9).fillColor(GREY).text(t.verificationNote, textX, doc.y, { width: textWidth });
}

/** What a one-page attestation says between its heading and its signature. */
export interface LetterTexts extends PageTexts {
  subtitle: string;
  body: string;
  /** A small grey line under the body (the path in the offer, the mark and credits). */
  detail: string;
  /** A bold note in the accent colour (a provisional certificate says so), or none. */
  note: string | null;
}

/** An attestation on one page: the certificate of enrolment and the pass certificate. */
export async function renderLetter(content: DocumentContent, t: LetterTexts): Promise<Buffer> {
  const { doc, finished } = openDocument(content, t);
  drawHeading(doc, content, t, t.subtitle, 48);
  doc.moveDown(2.5).font('regular').fontSize(12).fillColor(INK).text(t.body, MARGIN, doc.y, { width: WIDTH, align: 'justify', lineGap: 5 });
  doc.moveDown(0.8).fontSize(9.5).fillColor(GREY).text(t.detail, { width: WIDTH });
  if (t.note !== null) doc.moveDown(0.8).font('bold').fontSize(10.5).fillColor(ACCENT).text(t.note, { width: WIDTH }).font('regular');
  drawIssued(doc, t, 2.5);
  drawVerification(doc, t, content.verificationUrl);
  doc.end();
  return finished;
}
