import { describe, expect, it } from 'vitest';
import { changesOf, creationOf, draftOf, emptyDraft } from './draft.ts';
import type { Structure } from './structure-api.ts';

const structure: Structure = {
  id: '00000000-0000-4000-8000-000000000001',
  code: 'SCI-INFO',
  type: 'department',
  labels: { fr: 'Informatique', en: 'Computer Science' },
  parentId: '00000000-0000-4000-8000-000000000002',
  ancestorIds: ['00000000-0000-4000-8000-000000000002'],
  closedOn: null,
  version: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const parent = { ...structure, id: '00000000-0000-4000-8000-000000000002', code: 'UFR-SCI', parentId: null, ancestorIds: [] };

describe('the structure form’s requests', () => {
  it('creates with trimmed values and no empty English label or closing date', () => {
    expect(creationOf({ ...emptyDraft, code: ' SCI-DATA ', type: 'department', labelFr: ' Données ', parent })).toEqual({
      code: 'SCI-DATA',
      type: 'department',
      labels: { fr: 'Données' },
      parentId: parent.id,
    });
  });

  it('sends only what changed, so that the history tells what the person did', () => {
    const draft = draftOf(structure, parent);
    expect(changesOf(structure, draft)).toEqual({});
    expect(changesOf(structure, { ...draft, labelEn: '' })).toEqual({ labels: { fr: 'Informatique' } });
    expect(changesOf(structure, { ...draft, closedOn: '2027-08-31' })).toEqual({ closedOn: '2027-08-31' });
    expect(changesOf(structure, { ...draft, parent: null, type: 'service' })).toEqual({ parentId: null, type: 'service' });
  });
});
