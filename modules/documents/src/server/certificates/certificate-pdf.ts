import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { certificateTexts, type CertificateContent } from './certificate-texts.ts';
import { keepFontWork } from './font-cache.ts';
import { groupCode } from './verification-code.ts';

/**
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

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const INK = '#1b1f24';
const GREY = '#4a525a';
const ACCENT = '#0b4f9c';

/**
 * The QR code as vector squares (one rectangle per run of dark modules), so
 * that it prints sharp at any size. Nothing else on the page is drawn with
 * rectangles.
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
function fittingSize(doc: PDFKit.PDFDocument, text: string, width: number, max: number): number {
  let size = max;
  while (size > 5 && doc.fontSize(size).widthOfString(text) > width) size -= 0.25;
  return size;
}

/** The certificate of enrolment as an A4 PDF, in its language. */
export async function renderCertificate(content: CertificateContent): Promise<Buffer> {
  const t = certificateTexts(content, groupCode(content.code));
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
  const width = A4.width - 2 * MARGIN;

  // The establishment.
  doc.font('bold').fontSize(15).fillColor(INK).text(content.establishment.name, MARGIN, MARGIN, { width });
  doc.font('regular').fontSize(9.5).fillColor(GREY).text(t.establishmentLine, { width });
  const ruleY = doc.y + 10;
  doc
    .moveTo(MARGIN, ruleY)
    .lineTo(A4.width - MARGIN, ruleY)
    .lineWidth(1)
    .strokeColor(ACCENT)
    .stroke();

  // Title and academic year.
  doc
    .font('bold')
    .fontSize(22)
    .fillColor(ACCENT)
    .text(t.title.toLocaleUpperCase(content.language), MARGIN, ruleY + 48, { width, align: 'center' });
  doc.moveDown(0.3).font('regular').fontSize(12).fillColor(INK).text(t.subtitle, { width, align: 'center' });

  // The attestation.
  doc.moveDown(2.5).font('regular').fontSize(12).fillColor(INK).text(t.body, MARGIN, doc.y, { width, align: 'justify', lineGap: 5 });
  doc.moveDown(0.8).fontSize(9.5).fillColor(GREY).text(t.path, { width });
  if (t.provisionalNote !== null) doc.moveDown(0.8).font('bold').fontSize(10.5).fillColor(ACCENT).text(t.provisionalNote, { width }).font('regular');
  doc.moveDown(2.5).fontSize(12).fillColor(INK).text(t.issued, { width, align: 'right' });
  doc.moveDown(0.8).fontSize(10.5);
  for (const line of t.signature) doc.text(line, { width, align: 'right' });

  // Verification: the code in clear, the address, and the QR code of the address.
  const boxHeight = 172;
  const boxY = A4.height - MARGIN - boxHeight;
  doc
    .font('regular')
    .fontSize(9.5)
    .fillColor(GREY)
    .text(t.electronic, MARGIN, boxY - 44, { width, align: 'justify' });
  doc
    .moveTo(MARGIN, boxY)
    .lineTo(A4.width - MARGIN, boxY)
    .lineTo(A4.width - MARGIN, boxY + boxHeight)
    .lineTo(MARGIN, boxY + boxHeight)
    .closePath()
    .lineWidth(0.8)
    .strokeColor(GREY)
    .stroke();
  const qrSize = 132;
  const qrX = MARGIN + 20;
  const qrY = boxY + (boxHeight - qrSize) / 2;
  drawQrCode(doc, content.verificationUrl, qrX, qrY, qrSize);
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
  const urlSize = fittingSize(doc, content.verificationUrl, textWidth, 9.5);
  doc.fontSize(urlSize).fillColor(ACCENT).text(content.verificationUrl, { width: textWidth, link: content.verificationUrl, lineBreak: false });
  doc.moveDown(1).fontSize(9).fillColor(GREY).text(t.revocationNote, textX, doc.y, { width: textWidth });

  doc.end();
  return finished;
}
