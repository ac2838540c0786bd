import type { HistoryEntry } from '@pegase/web-kit';

/** « MARTIN (Nguyễn) Camille Louise »: the family name, the usage name when there is one, the given names. */
export function learnerName(learner: { familyName: string; usageName: string | null; givenNames: string }): string {
  return `${learner.familyName.toLocaleUpperCase('fr')}${learner.usageName ? ` (${learner.usageName})` : ''} ${learner.givenNames}`;
}

export interface HistoryWords {
  status: (status: string) => string;
  payment: (status: string) => string;
  kind: (kind: string) => string;
  dateTime: (iso: string) => string;
  /** What a change of the documents did, as the history says it (the entry names no document). */
  documentsChanged: string;
  none: string;
}

const DATES = new Set(['submittedAt', 'validatedAt', 'cancelledAt']);

function present(record: Record<string, unknown> | null, words: HistoryWords): Record<string, unknown> | null {
  if (record === null) return null;
  const shown: Record<string, unknown> = { ...record };
  if (typeof record['status'] === 'string') shown['status'] = words.status(record['status']);
  if (typeof record['paymentStatus'] === 'string') shown['paymentStatus'] = words.payment(record['paymentStatus']);
  if (typeof record['kind'] === 'string') shown['kind'] = words.kind(record['kind']);
  for (const field of DATES) if (typeof record[field] === 'string') shown[field] = words.dateTime(record[field]);
  return shown;
}

/**
 * An audit entry of an enrolment as a person reads it: statuses and fees in
 * their language, dates formatted; a change of its documents (which moves
 * no field of the enrolment) said as such.
 */
export function readableEntry(entry: HistoryEntry, words: HistoryWords): HistoryEntry {
  const readable = { ...entry, before: present(entry.before, words), after: present(entry.after, words) };
  if (entry.action.endsWith('.documents-changed') && entry.changedFields.length === 0 && entry.before !== null) {
    return {
      ...readable,
      changedFields: ['documents'],
      before: { ...readable.before, documents: words.none },
      after: { ...readable.after, documents: words.documentsChanged },
    };
  }
  return readable;
}
