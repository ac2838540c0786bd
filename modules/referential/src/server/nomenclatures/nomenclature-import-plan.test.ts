import { describe, expect, it } from 'vitest';
import type { CsvValueLine } from './nomenclature-csv.ts';
import { planImport, type ExistingValue } from './nomenclature-import-plan.ts';

function line(n: number, code: string, validFrom: string, validTo: string | null = null, labelFr = code): CsvValueLine {
  return { line: n, code, labelFr, labelEn: null, validFrom, validTo };
}
function existing(id: string, code: string, validFrom: string, validTo: string | null = null, labelFr = code, labelEn: string | null = null): ExistingValue {
  return { id, code, labelFr, labelEn, validFrom, validTo };
}

describe('planImport', () => {
  it('creates new keys, updates changed ones, counts the others unchanged', () => {
    const plan = planImport(
      [line(2, 'A', '2000-01-01'), line(3, 'B', '2000-01-01', '2010-12-31'), line(4, 'C', '2000-01-01', null, 'Cé')],
      [existing('b', 'B', '2000-01-01'), existing('c', 'C', '2000-01-01', null, 'Cé')],
    );
    expect(plan.errors).toEqual([]);
    expect(plan.creates).toEqual([{ line: 2, code: 'A', labelFr: 'A', labelEn: null, validFrom: '2000-01-01', validTo: null }]);
    expect(plan.updates).toEqual([{ line: 3, id: 'b', code: 'B', labelFr: 'B', labelEn: null, validFrom: '2000-01-01', validTo: '2010-12-31' }]);
    expect(plan.unchanged).toBe(1);
  });

  it('keeps the English label and validTo of an existing value when the file has no such column', () => {
    const withoutColumns = { ...line(2, 'A', '2000-01-01'), labelEn: undefined, validTo: undefined };
    const plan = planImport([withoutColumns], [existing('a', 'A', '2000-01-01', '2020-01-01', 'A', 'Ay')]);
    expect(plan).toMatchObject({ creates: [], updates: [], unchanged: 1, errors: [] });
  });

  it('accepts successive intervals of one code, closing an existing one in the same file', () => {
    const plan = planImport([line(2, 'X', '1993-01-01', '2019-04-20'), line(3, 'X', '2019-04-21')], [existing('x', 'X', '1993-01-01')]);
    expect(plan.errors).toEqual([]);
    expect(plan.updates.map((u) => u.id)).toEqual(['x']);
    expect(plan.creates.map((c) => c.validFrom)).toEqual(['2019-04-21']);
  });

  it('refuses a key repeated in the file', () => {
    const plan = planImport([line(2, 'A', '2000-01-01'), line(5, 'A', '2000-01-01')], []);
    expect(plan.errors).toEqual([{ in: 'body', field: '/line/5/valid_from', message: expect.stringContaining('repeats line 2') }]);
  });

  it('refuses lines that overlap each other, even past a shorter interval', () => {
    const plan = planImport(
      [
        line(2, 'A', '2000-01-01', '2010-12-31'),
        line(3, 'A', '2002-01-01', '2003-12-31'),
        line(4, 'A', '2005-01-01', '2005-12-31'),
        line(5, 'A', '2011-01-01'),
      ],
      [],
    );
    expect(plan.errors.map((e) => [e.field, e.message])).toEqual([
      ['/line/3/valid_from', 'overlaps line 2: A valid from 2000-01-01 to 2010-12-31'],
      ['/line/4/valid_from', 'overlaps line 2: A valid from 2000-01-01 to 2010-12-31'],
    ]);
  });

  it('refuses a line that overlaps an existing value the file does not mention, whichever starts first', () => {
    const existingValues = [existing('a', 'A', '2000-01-01'), existing('b', 'B', '2010-01-01')];
    const plan = planImport([line(2, 'A', '2005-01-01'), line(3, 'B', '2001-01-01', '2012-12-31'), line(4, 'C', '2001-01-01')], existingValues);
    expect(plan.errors.map((e) => [e.field, e.message])).toEqual([
      ['/line/2/valid_from', 'overlaps the existing value A valid from 2000-01-01 onwards'],
      ['/line/3/valid_to', 'overlaps the existing value B valid from 2010-01-01 onwards'],
    ]);
  });
});
