import { describe, expect, it } from 'vitest';
import type { TrainingObject } from '../curriculum-api.ts';
import { changesOf, checkDraft, checkNewObject, creationOf, draftOf, emptyNewObject, numberOf } from './object-draft.ts';

const grouping: TrainingObject = {
  id: '00000000-0000-4000-8000-000000000001',
  periodId: '00000000-0000-4000-8000-000000000002',
  code: 'UE-OPT',
  type: 'grouping',
  labels: { fr: 'Options' },
  ects: null,
  hours: { CM: 10, STAGE: 35 },
  capacity: null,
  openForChoice: false,
  enrolmentPoint: false,
  ownerStructureId: '00000000-0000-4000-8000-000000000003',
  choice: null,
  status: 'draft',
  version: 2,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('the maquette’s forms', () => {
  it('reads numbers as French and English people type them', () => {
    expect(numberOf(' 7,5 ')).toBe(7.5);
    expect(numberOf('30')).toBe(30);
    expect(numberOf('')).toBeNull();
    expect(numberOf('-1')).toBeNaN();
    expect(numberOf('abc')).toBeNaN();
  });

  it('checks what the schema would refuse, by the API’s JSON pointers', () => {
    const draft = { ...draftOf(grouping), labelFr: ' ', ects: '7,25', capacity: '2.5', choiceMin: '1' };
    expect(checkDraft(draft, true)).toEqual({
      '/labels/fr': 'form.messages.required',
      '/ects': 'messages.ects',
      '/capacity': 'messages.wholeNumber',
      '/choice/max': 'messages.rangeBoth',
    });
    expect(checkDraft(draftOf(grouping), true)).toEqual({});
    // The range is the API's to judge: min above max goes through.
    expect(checkDraft({ ...draftOf(grouping), choiceMin: '2', choiceMax: '1' }, true)).toEqual({});
  });

  it('sends only what changed, keeping hours of other formats', () => {
    expect(changesOf(grouping, draftOf(grouping), true)).toEqual({});
    const draft = { ...draftOf(grouping), labelEn: 'Options', ects: '6', hours: { CM: '12', TD: '', TP: '8' }, choiceMin: '1', choiceMax: '1' };
    expect(changesOf(grouping, draft, true)).toEqual({
      labels: { fr: 'Options', en: 'Options' },
      ects: 6,
      hours: { STAGE: 35, CM: 12, TP: 8 },
      choice: { min: 1, max: 1 },
    });
    expect(changesOf(grouping, { ...draftOf(grouping), choiceMin: '1', choiceMax: '2' }, false)).toEqual({});
  });

  it('creates an object with its owner and parent, without empty values', () => {
    const draft = { ...emptyNewObject, code: ' EC-ALGO ', type: 'ec', labelFr: ' Algorithmique ', ects: '3' };
    expect(checkNewObject(draft)).toEqual({});
    expect(checkNewObject({ ...emptyNewObject, code: 'bad code' })).toEqual({
      '/code': 'form.messages.pattern',
      '/type': 'form.messages.required',
      '/labels/fr': 'form.messages.required',
    });
    expect(creationOf(draft, { periodId: 'p', ownerStructureId: 's', parentId: 'ue' })).toEqual({
      periodId: 'p',
      code: 'EC-ALGO',
      type: 'ec',
      labels: { fr: 'Algorithmique' },
      ects: 3,
      ownerStructureId: 's',
      parentId: 'ue',
    });
  });
});
