import type { DocumentContent } from '../certificates/document-content.ts';
import { A4, drawHeading, drawIssued, drawVerification, GREY, INK, MARGIN, openDocument, rule, WIDTH } from '../certificates/document-pdf.ts';
import { resultsOf, transcriptTexts } from './results-wording.ts';

/** The table's columns: the element (indented by depth), then mark, result and credits on the right. */
const COLUMNS = { mark: 96, decision: 104, credits: 76 };
const ELEMENT_WIDTH = WIDTH - COLUMNS.mark - COLUMNS.decision - COLUMNS.credits;
const INDENT = 12;
const ROW = 15;
/** The lowest a table row may start on a page (page numbers and margins below). */
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

  // The table: one row per line of the tree.
  const columnX = {
    mark: MARGIN + ELEMENT_WIDTH,
    decision: MARGIN + ELEMENT_WIDTH + COLUMNS.mark,
    credits: MARGIN + ELEMENT_WIDTH + COLUMNS.mark + COLUMNS.decision,
  };
  const cells = (y: number, font: 'regular' | 'bold', element: string, indent: number, mark: string, decision: string, credits: string) => {
    doc.font(font).fontSize(9).fillColor(INK);
    doc.text(element, MARGIN + indent, y, { width: ELEMENT_WIDTH - indent - 6, height: ROW, ellipsis: true, lineBreak: false });
    doc.text(mark, columnX.mark, y, { width: COLUMNS.mark - 6, align: 'right', lineBreak: false });
    doc.text(decision, columnX.decision + 10, y, { width: COLUMNS.decision - 10, lineBreak: false });
    doc.text(credits, columnX.credits, y, { width: COLUMNS.credits, align: 'right', lineBreak: false });
  };
  const tableHeading = (y: number) => {
    cells(y, 'bold', t.columns.element, 0, t.columns.mark, t.columns.decision, t.columns.credits);
    rule(doc, y + ROW - 2, GREY, 0.6);
    return y + ROW + 2;
  };
  let y = tableHeading(doc.y + 16);
  for (const line of results.lines) {
    if (y > LAST_ROW_Y) {
      // A continuation page says whose transcript it is before the table goes on.
      doc.addPage();
      doc.font('regular').fontSize(8.5).fillColor(GREY).text(t.continued, MARGIN, MARGIN, { width: WIDTH });
      y = tableHeading(doc.y + 10);
    }
    const label = line.labelEn !== null && content.language === 'en' ? line.labelEn : line.labelFr;
    const element = label === line.code ? line.code : `${line.code} — ${label}`;
    cells(
      y,
      line.depth === 0 ? 'bold' : 'regular',
      element,
      line.depth * INDENT,
      t.mark(line.mark, line.session),
      t.decision(line.decision),
      t.credits(line.credits),
    );
    y += ROW;
  }
  rule(doc, y, GREY, 0.6);

  // The outcome of the root, the publication, the issue.
  doc
    .font('bold')
    .fontSize(10.5)
    .fillColor(INK)
    .text(t.summary[0]!, MARGIN, y + 10, { width: WIDTH });
  for (const line of t.summary.slice(1)) doc.text(line, { width: WIDTH });
  doc.moveDown(0.4).font('regular').fontSize(9).fillColor(GREY).text(t.published, { width: WIDTH });
  if (doc.y > A4.height - MARGIN - 80) doc.addPage();
  drawIssued(doc, t.page, 1.2);
  drawVerification(doc, t.page, content.verificationUrl);
  doc.end();
  return finished;
}
