import type { DocumentContent } from '../certificates/document-content.ts';
import {
  A4,
  drawHeading,
  drawIssued,
  drawVerification,
  GREY,
  INK,
  MARGIN,
  openDocument,
  rule,
  VERIFICATION_HEIGHT,
  WIDTH,
} from '../certificates/document-pdf.ts';
import { resultsOf, transcriptTexts } from './results-wording.ts';

/** The table's columns: the element (indented by depth), then mark, result and credits on the right. */
const COLUMNS = { mark: 80, decision: 104, credits: 44 };
const ELEMENT_WIDTH = WIDTH - COLUMNS.mark - COLUMNS.decision - COLUMNS.credits;
const INDENT = 12;
const ROW = 15;
/** The lowest a table row may start on a page. */
const LAST_ROW_Y = A4.height - MARGIN - ROW;

/**
 * The transcript (relevé de notes) as A4 pages: the establishment, the
 * learner, the formation, every line of the result tree indented by its
 * depth with its mark on 20, its result and its credits; then the root's
 * outcome (mark, result, honours, credits, the rank when asked), the issue
 * and the verification box. A long tree runs over several pages, the
 * table's heading repeated on each.
 */
export async function renderTranscript(content: DocumentContent): Promise<Buffer> {
  const results = resultsOf(content);
  const t = transcriptTexts(content);
  const { doc, finished } = openDocument(content, t.page);
  drawHeading(doc, content, t.page, t.subtitle, 28);

  // Who and what.
  doc.moveDown(1.2);
  for (const [label, value] of t.identity) {
    const y = doc.y;
    doc.font('regular').fontSize(10).fillColor(GREY).text(label, MARGIN, y, { width: 130 });
    doc
      .font('bold')
      .fillColor(INK)
      .text(value, MARGIN + 130, y, { width: WIDTH - 130 });
  }

  // The table: one row per line of the tree; a long label wraps within its cell.
  const columnX = {
    mark: MARGIN + ELEMENT_WIDTH,
    decision: MARGIN + ELEMENT_WIDTH + COLUMNS.mark,
    credits: MARGIN + ELEMENT_WIDTH + COLUMNS.mark + COLUMNS.decision,
  };
  const elementWidth = (indent: number) => ELEMENT_WIDTH - indent - 6;
  const cells = (y: number, font: 'regular' | 'bold', element: string, indent: number, mark: string, decision: string, credits: string) => {
    doc.font(font).fontSize(9).fillColor(INK);
    doc.text(element, MARGIN + indent, y, { width: elementWidth(indent) });
    doc.text(mark, columnX.mark, y, { width: COLUMNS.mark - 6, align: 'right', lineBreak: false });
    doc.text(decision, columnX.decision + 10, y, { width: COLUMNS.decision - 10, lineBreak: false });
    doc.text(credits, columnX.credits, y, { width: COLUMNS.credits, align: 'right', lineBreak: false });
  };
  /** A new page says whose transcript it is before anything else. */
  const continuation = () => {
    doc.addPage();
    doc.font('regular').fontSize(8.5).fillColor(GREY).text(t.continued, MARGIN, MARGIN, { width: WIDTH });
    return doc.y + 10;
  };
  const tableHeading = (y: number) => {
    cells(y, 'bold', t.columns.element, 0, t.columns.mark, t.columns.decision, t.columns.credits);
    rule(doc, y + ROW - 2, GREY, 0.6);
    return y + ROW + 2;
  };
  let y = tableHeading(doc.y + 16);
  for (const line of results.lines) {
    const label = line.labelEn !== null && content.language === 'en' ? line.labelEn : line.labelFr;
    const element = label === line.code ? line.code : `${line.code} — ${label}`;
    const font = line.depth === 0 ? 'bold' : 'regular';
    const indent = line.depth * INDENT;
    const height = Math.max(
      ROW,
      doc
        .font(font)
        .fontSize(9)
        .heightOfString(element, { width: elementWidth(indent) }) + 4,
    );
    if (y + height > LAST_ROW_Y + ROW) y = tableHeading(continuation());
    cells(y, font, element, indent, t.mark(line.mark, line.session), t.decision(line.decision), t.credits(line.credits));
    y += height;
  }
  rule(doc, y, GREY, 0.6);

  // The outcome of the root, its publication, the issue and the signature.
  const closingHeight = 14 * t.summary.length + 110;
  if (y + closingHeight > A4.height - MARGIN) y = continuation();
  doc
    .font('bold')
    .fontSize(10.5)
    .fillColor(INK)
    .text(t.summary[0]!, MARGIN, y + 10, { width: WIDTH });
  for (const line of t.summary.slice(1)) doc.text(line, { width: WIDTH });
  doc.moveDown(0.4).font('regular').fontSize(9).fillColor(GREY).text(t.published, { width: WIDTH });
  drawIssued(doc, t.page, 1.2);
  // The verification box at the bottom of this page, or of a new one that says whose it is.
  if (doc.y > A4.height - MARGIN - VERIFICATION_HEIGHT - 8) continuation();
  drawVerification(doc, t.page, content.verificationUrl);
  doc.end();
  return finished;
}
