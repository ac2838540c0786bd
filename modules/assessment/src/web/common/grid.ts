import { markToSend, parseMarkInput, sameMark, type MarkInput } from './marks.ts';

/** How many rows Page Up and Page Down jump. */
export const PAGE_ROWS = 10;

/**
 * The row a key moves to in the marks grid (one mark field per row), or
 * undefined when the key does not move (or there is no row that way):
 * ↓ and Enter to the next row, ↑ and Shift+Enter to the previous one, Page
 * Down/Up by ten, Ctrl+Home/End to the first and last (Home and End alone
 * stay in the field, to move in its text).
 */
export function rowAfter(key: { key: string; shiftKey?: boolean; ctrlKey?: boolean; metaKey?: boolean }, index: number, count: number): number | undefined {
  const control = key.ctrlKey === true || key.metaKey === true;
  let target: number;
  switch (key.key) {
    case 'ArrowDown':
      target = index + 1;
      break;
    case 'Enter':
      target = key.shiftKey ? index - 1 : index + 1;
      break;
    case 'ArrowUp':
      target = index - 1;
      break;
    case 'PageDown':
      target = Math.min(index + PAGE_ROWS, count - 1);
      break;
    case 'PageUp':
      target = Math.max(index - PAGE_ROWS, 0);
      break;
    case 'Home':
      if (!control) return undefined;
      target = 0;
      break;
    case 'End':
      if (!control) return undefined;
      target = count - 1;
      break;
    default:
      return undefined;
  }
  return target >= 0 && target < count && target !== index ? target : undefined;
}

/** A row of the grid: a learner of the sheet and their saved mark. */
export interface GridLine {
  enrolmentId: string;
  mark: string | null;
}

/**
 * What the batch save sends: each row whose typed text differs from its
 * saved mark; the rows typed wrong are kept apart (nothing is sent while
 * there are any: the API takes a batch whole or not at all).
 */
export function pendingBatch(
  lines: readonly GridLine[],
  drafts: Readonly<Record<string, string>>,
  scale = 20,
): { batch: { enrolmentId: string; mark: string | null }[]; invalid: Record<string, MarkInput & { kind: 'invalid' }> } {
  const batch: { enrolmentId: string; mark: string | null }[] = [];
  const invalid: Record<string, MarkInput & { kind: 'invalid' }> = {};
  for (const line of lines) {
    const typed = drafts[line.enrolmentId];
    if (typed === undefined || sameMark(typed, line.mark, scale)) continue;
    const parsed = parseMarkInput(typed, scale);
    if (parsed.kind === 'invalid') invalid[line.enrolmentId] = parsed;
    else batch.push({ enrolmentId: line.enrolmentId, mark: markToSend(parsed)! });
  }
  return { batch, invalid };
}

/** Why the API refused a row of a batch, as the page says it: a wrong mark, a row given twice, a learner not on the sheet, or the API's words. */
export type RowError = { kind: 'mark' | 'twice' | 'notOnSheet' } | { kind: 'other'; message: string };

function rowErrorOf(field: string, message: string): RowError {
  if (field.endsWith('/mark')) return { kind: 'mark' };
  if (message.includes('already marked')) return { kind: 'twice' };
  if (message.includes('not on this sheet')) return { kind: 'notOnSheet' };
  return { kind: 'other', message };
}

/**
 * The API's errors of a batch (`/marks/<n>` or `/marks/<n>/mark`, n the
 * place in the batch sent) on the rows they name, by enrolment; the first
 * error of a row is kept.
 */
export function rowErrorsOf(
  errors: readonly { field?: string; message: string }[] | undefined,
  batch: readonly { enrolmentId: string }[],
): Record<string, RowError> {
  const byRow: Record<string, RowError> = {};
  for (const error of errors ?? []) {
    const field = error.field ?? '';
    const match = /^\/marks\/(\d+)(\/|$)/.exec(field);
    const row = match ? batch[Number(match[1])] : undefined;
    if (row && !(row.enrolmentId in byRow)) byRow[row.enrolmentId] = rowErrorOf(field, error.message);
  }
  return byRow;
}
