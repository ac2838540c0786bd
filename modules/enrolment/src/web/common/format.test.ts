import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '@pegase/web-kit';
import { learnerName, readableEntry, type HistoryWords } from './format.ts';
import { problemSlugOf } from './problems.ts';

const words: HistoryWords = {
  status: (status) => `status:${status}`,
  payment: (status) => `payment:${status}`,
  kind: (kind) => `kind:${kind}`,
  dateTime: (iso) => `at:${iso.slice(0, 10)}`,
  documentsChanged: 'document received or checked',
  none: '—',
};

const entry = (action: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null, changedFields: string[]): HistoryEntry => ({
  id: 'e1',
  at: '2026-09-01T10:00:00.000Z',
  actor: { subject: 's', login: 'staff' },
  action,
  changedFields,
  before,
  after,
});

describe('an enrolment as people read it', () => {
  it('names a learner by family name (capitals), usage name and given names', () => {
    expect(learnerName({ familyName: 'Lefèvre', usageName: 'Nguyễn', givenNames: 'Éloïse' })).toBe('LEFÈVRE (Nguyễn) Éloïse');
    expect(learnerName({ familyName: 'Martin', usageName: null, givenNames: 'Camille Louise' })).toBe('MARTIN Camille Louise');
  });

  it('shows statuses, fees, kinds and dates of the history in words', () => {
    const readable = readableEntry(
      entry(
        'enrolment.validated',
        { status: 'submitted', paymentStatus: 'exempt', kind: 'main', validatedAt: null },
        { status: 'validated', paymentStatus: 'exempt', kind: 'main', validatedAt: '2026-09-02T08:00:00.000Z' },
        ['status', 'validatedAt'],
      ),
      words,
    );
    expect(readable.changedFields).toEqual(['status', 'validatedAt']);
    expect(readable.before).toMatchObject({ status: 'status:submitted', paymentStatus: 'payment:exempt', kind: 'kind:main', validatedAt: null });
    expect(readable.after).toMatchObject({ status: 'status:validated', validatedAt: 'at:2026-09-02' });
  });

  it('says a change of documents, which moves no field of the enrolment', () => {
    const readable = readableEntry(entry('enrolment.documents-changed', { status: 'draft' }, { status: 'draft' }, []), words);
    expect(readable.changedFields).toEqual(['documents']);
    expect(readable.before?.['documents']).toBe('—');
    expect(readable.after?.['documents']).toBe('document received or checked');
    // A creation stays a creation.
    expect(readableEntry(entry('enrolment.created', null, { status: 'draft' }, ['status']), words).changedFields).toEqual(['status']);
  });

  it('reads the slug of a problem type', () => {
    expect(problemSlugOf({ type: 'urn:pegase:problem:documents-pending' })).toBe('documents-pending');
    expect(problemSlugOf({ type: 'about:blank' })).toBeUndefined();
    expect(problemSlugOf({})).toBeUndefined();
  });
});
