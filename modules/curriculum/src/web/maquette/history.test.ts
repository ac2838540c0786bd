import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '@pegase/web-kit';
import { parentIdsOf, readableEntry } from './history.ts';

const entry = (action: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null): HistoryEntry => ({
  id: action,
  at: '2026-11-01T10:00:00.000Z',
  actor: { subject: 'staff', login: 'staff' },
  action,
  changedFields: [],
  before,
  after,
});

const words = {
  placement: (parentId: string, position: number) => `${parentId}#${position + 1}`,
  status: (status: string) => status.toUpperCase(),
  range: (min: number, max: number) => `${min}..${max}`,
  hours: (format: string, hours: number) => `${format} ${hours}h`,
};

describe('the history of a training object, as a person reads it', () => {
  it('tells where a link placed, moved or took the object', () => {
    const linked = entry('object.linked', null, { parentId: 'UE1', childId: 'x', position: 2, periodId: 'p' });
    expect(readableEntry(linked, words)).toMatchObject({ before: {}, after: { placement: 'UE1#3' }, changedFields: ['placement'] });
    const moved = entry('object.linked', { parentId: 'UE1', childId: 'x', position: 2 }, { parentId: 'UE1', childId: 'x', position: 0 });
    expect(readableEntry(moved, words)).toMatchObject({ before: { placement: 'UE1#3' }, after: { placement: 'UE1#1' } });
    const unlinked = entry('object.unlinked', { parentId: 'UE2', childId: 'x', position: 0 }, { parentId: 'UE2', childId: 'x', position: 0 });
    expect(readableEntry(unlinked, words)).toMatchObject({ before: { placement: 'UE2#1' }, after: { placement: null }, changedFields: ['placement'] });
    expect(parentIdsOf([linked, unlinked, entry('object.updated', {}, {})])).toEqual(['UE1', 'UE2']);
  });

  it('shows a validation as a change of status and a change after validation by its fields', () => {
    expect(readableEntry(entry('object.validated', null, { root: 'x', objects: [], nodes: [] }), words)).toMatchObject({
      before: { status: 'DRAFT' },
      after: { status: 'VALIDATED' },
      changedFields: ['status'],
    });
    const unfrozen = entry('object.changed-after-validation', { object: { ects: 3, version: 2 } }, { object: { ects: 4, version: 3 }, paths: ['A>B'] });
    expect(readableEntry(unfrozen, words)).toMatchObject({ before: { ects: 3 }, after: { ects: 4 }, changedFields: ['ects'] });
  });

  it('shows a choice as a range and hours by format, whatever order the trail kept their keys in', () => {
    const updated = entry('object.updated', { choice: null, hours: {}, ects: 3 }, { choice: { max: 2, min: 1 }, hours: { TP: 8, CM: 12 }, ects: 4 });
    expect(readableEntry(updated, words)).toMatchObject({
      before: { choice: null, hours: null, ects: 3 },
      after: { choice: '1..2', hours: 'CM 12h, TP 8h', ects: 4 },
    });
  });
});
