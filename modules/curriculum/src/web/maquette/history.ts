import type { HistoryEntry } from '@pegase/web-kit';

interface LinkRecord {
  parentId: string;
  position: number;
}

const isLink = (value: unknown): value is LinkRecord =>
  typeof value === 'object' && value !== null && typeof (value as LinkRecord).parentId === 'string' && typeof (value as LinkRecord).position === 'number';

/** Bookkeeping fields that change with every write and say nothing of the change. */
const NOT_CHANGES = new Set(['version', 'updatedAt', 'createdAt']);

function changed(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter((key) => !NOT_CHANGES.has(key) && JSON.stringify(before?.[key]) !== JSON.stringify(after?.[key])).sort();
}

/** The parent ids the entries name, to read their codes. */
export function parentIdsOf(entries: HistoryEntry[]): string[] {
  const ids = new Set<string>();
  for (const entry of entries) {
    if (!entry.action.startsWith('object.linked') && !entry.action.startsWith('object.unlinked')) continue;
    for (const side of [entry.before, entry.after]) if (isLink(side)) ids.add(side.parentId);
  }
  return [...ids];
}

export interface HistoryWords {
  placement: (parentId: string, position: number) => string;
  status: (status: string) => string;
  range: (min: number, max: number) => string;
  hours: (format: string, hours: number) => string;
}

/** Values as the details panel shows them: a choice as a range, hours by format, none as empty. */
function present(record: Record<string, unknown> | null, words: HistoryWords): Record<string, unknown> | null {
  if (record === null) return null;
  const shown: Record<string, unknown> = { ...record };
  const choice = record['choice'] as { min?: unknown; max?: unknown } | null | undefined;
  if (choice && typeof choice.min === 'number' && typeof choice.max === 'number') shown['choice'] = words.range(choice.min, choice.max);
  const hours = record['hours'];
  if (hours && typeof hours === 'object') {
    const entries = Object.entries(hours as Record<string, number>).sort(([a], [b]) => a.localeCompare(b));
    shown['hours'] = entries.length === 0 ? null : entries.map(([format, value]) => words.hours(format, value)).join(', ');
  }
  if (typeof record['status'] === 'string') shown['status'] = words.status(record['status']);
  return shown;
}

/**
 * An entry of an object's audit trail as a person reads it in the history
 * table. The trail keeps the events as they were published: a link as
 * `{parentId, childId, position}`, a validation as the whole tree, a change
 * after validation as `{object, paths}`. Here they become one field each:
 * where the object hangs (`placement`), its `status`, or its own fields,
 * shown as the details panel shows them.
 */
export function readableEntry(entry: HistoryEntry, words: HistoryWords): HistoryEntry {
  const placement = (link: unknown) => (isLink(link) ? { placement: words.placement(link.parentId, link.position) } : {});
  switch (entry.action) {
    case 'object.linked': {
      const before = entry.before === null ? {} : placement(entry.before);
      return { ...entry, before, after: placement(entry.after), changedFields: ['placement'] };
    }
    case 'object.unlinked':
      return { ...entry, before: placement(entry.before ?? entry.after), after: { placement: null }, changedFields: ['placement'] };
    case 'object.validated':
      return { ...entry, before: { status: words.status('draft') }, after: { status: words.status('validated') }, changedFields: ['status'] };
    case 'object.changed-after-validation': {
      const before = (entry.before?.['object'] as Record<string, unknown> | undefined) ?? null;
      const after = (entry.after?.['object'] as Record<string, unknown> | undefined) ?? null;
      return { ...entry, before: present(before, words) ?? {}, after: present(after, words), changedFields: changed(before, after) };
    }
    default:
      return { ...entry, before: present(entry.before, words), after: present(entry.after, words) };
  }
}
