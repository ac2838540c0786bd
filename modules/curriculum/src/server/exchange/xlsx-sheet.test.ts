import { describe, expect, it } from 'vitest';
import type { ObjectType } from '../../contract/index.ts';
import { checkFormationDocument } from './formation-check.ts';
import { assertReasonableZip, cellOf } from './xlsx-workbook.ts';
import { readSheet, type Cell } from './xlsx-sheet.ts';

const kinds: ObjectType[] = [
  { code: 'formation', labels: { fr: 'Formation', en: 'Programme' }, grouping: false, builtin: true },
  { code: 'ue', labels: { fr: 'Unité d’enseignement', en: 'Teaching unit' }, grouping: false, builtin: true },
  { code: 'ec', labels: { fr: 'Élément constitutif', en: 'Course element' }, grouping: false, builtin: true },
  { code: 'grouping', labels: { fr: 'Regroupement', en: 'Grouping' }, grouping: true, builtin: true },
];
const sheet = (...rows: Cell[][]) => ({ rows: rows.map((cells, index) => ({ line: index + 1, cells })) });

describe('reading a maquette sheet', () => {
  it('accepts English headers, kinds by name, yes/no, decimal commas and any "heures XX" column', () => {
    const reading = readSheet(
      sheet(
        ['Code', 'Parent code', 'Kind', 'Label', 'ECTS', 'Heures CI', 'Open for choice', 'Structure'],
        ['F', null, 'Formation', 'Licence', 180, null, null, 'UFR-T'],
        ['UE-1', 'F', 'unite d’enseignement', 'UE', '4,5', 12.5, 'yes', 'UFR-T'],
        ['EC-1', 'UE-1', 'EC', 'EC', null, null, 'x', null],
      ),
      kinds,
    );
    expect(reading.errors).toEqual([]);
    expect(reading.document.root).toBe('F');
    expect(reading.document.objects[1]).toEqual({
      code: 'UE-1',
      type: 'ue',
      labels: { fr: 'UE' },
      ects: 4.5,
      hours: { CI: 12.5 },
      capacity: null,
      openForChoice: true,
      enrolmentPoint: false,
      ownerStructureCode: 'UFR-T',
      choice: null,
    });
    expect(reading.document.links).toEqual([
      { parentCode: 'F', childCode: 'UE-1', position: 0 },
      { parentCode: 'UE-1', childCode: 'EC-1', position: 0 },
    ]);
  });

  it('takes a row repeating a code as one more parent, with its cells empty or equal to the first row’s', () => {
    const reading = readSheet(
      sheet(
        ['code', 'code parent', 'type', 'libellé', 'ECTS'],
        ['F', null, 'formation', 'F', null],
        ['A', 'F', 'ue', 'A', null],
        ['B', 'F', 'ue', 'B', null],
        ['S', 'A', 'ec', 'Partagé', 3],
        ['S', 'B', 'ec', 'Partagé', 3],
      ),
      kinds,
    );
    expect(reading.errors).toEqual([]);
    expect(reading.document.objects.map((object) => object.code)).toEqual(['F', 'A', 'B', 'S']);
    expect(reading.linkLines).toEqual([3, 4, 5, 6]);
  });

  it('puts the formation first whatever its row, and finds cycles through parent codes with the rows of the links', () => {
    const reading = readSheet(
      sheet(['code', 'code parent', 'type', 'libellé'], ['A', 'F', 'ue', 'A'], ['F', null, 'formation', 'F'], ['B', 'A', 'ue', 'B'], ['A', 'B', null, null]),
      kinds,
    );
    expect(reading.errors).toEqual([]);
    expect(reading.document.objects.map((object) => object.code)).toEqual(['F', 'A', 'B']);
    const issues = checkFormationDocument(reading.document, { kinds: new Map(kinds.map((k) => [k.code, k])), structures: new Map(), existingCodes: new Set() });
    expect(issues).toEqual([{ rule: 'invalid', at: { links: 2 }, field: 'childCode', message: 'placing A under B closes a cycle: B > A > B' }]);
    expect(reading.linkLines[2]).toBe(5);
  });

  it('refuses a value under a column without header rather than losing it', () => {
    const reading = readSheet(
      sheet(
        ['code', 'code parent', 'type', 'libellé'],
        [
          'F',
          null,
          'formation',
          'F',
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          'oups',
        ],
      ),
      kinds,
    );
    expect(reading.errors).toEqual([{ in: 'body', field: '/rows/2/AA', message: 'column AA has no header: name it in the header row, or empty it' }]);
  });

  it('keeps an error cell for its row to say, and refuses in its own words what is no workbook (the platform reads the cells and guards the zip)', () => {
    expect(cellOf({ formula: 'A1*2', result: 6 })).toBe(6);
    expect(cellOf({ error: '#REF!' })).toEqual({ error: '#REF!' });
    expect(() => assertReasonableZip(Buffer.from('code;libellé\n'))).toThrow(/not a spreadsheet that can be read \(it is not an .xlsx workbook\)/);
  });
});
