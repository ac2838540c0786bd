import { describe, expect, it } from 'vitest';
import { Problem } from '@pegase/platform';
import { decodeCsv, detectDelimiter, parseNomenclatureCsv } from './nomenclature-csv.ts';

const header = 'code,label_fr,label_en,valid_from,valid_to';

describe('parseNomenclatureCsv', () => {
  it('reads comma-separated lines with RFC 4180 quotes, empty cells as none', () => {
    const parsed = parseNomenclatureCsv(`${header}\nS,"Série S, scientifique","S series ""science""",1995-01-01,2021-08-31\nPRO,Professionnel,,1987-01-01,\n`);
    expect(parsed.errors).toEqual([]);
    expect(parsed.delimiter).toBe(',');
    expect(parsed.lines).toEqual([
      { line: 2, code: 'S', labelFr: 'Série S, scientifique', labelEn: 'S series "science"', validFrom: '1995-01-01', validTo: '2021-08-31' },
      { line: 3, code: 'PRO', labelFr: 'Professionnel', labelEn: null, validFrom: '1987-01-01', validTo: null },
    ]);
  });

  it('detects the semicolon from the header, accepts a BOM, CRLF and columns in any order', () => {
    const parsed = parseNomenclatureCsv('\uFEFFvalid_from;Code;label_fr\r\n1970-01-01;M;Masculin, homme\r\n1970-01-01;F;Féminin\r\n');
    expect(parsed.errors).toEqual([]);
    expect(parsed.delimiter).toBe(';');
    expect(parsed.lines).toEqual([
      { line: 2, code: 'M', labelFr: 'Masculin, homme', labelEn: undefined, validFrom: '1970-01-01', validTo: undefined },
      { line: 3, code: 'F', labelFr: 'Féminin', labelEn: undefined, validFrom: '1970-01-01', validTo: undefined },
    ]);
  });

  it('detects the separator from the header line only', () => {
    expect(detectDelimiter('code;label_fr;valid_from\nA,B;x,y;1970-01-01')).toBe(';');
    expect(detectDelimiter('code,label_fr,valid_from\nA;B,x;y,1970-01-01')).toBe(',');
  });

  it('skips blank lines and lines of empty cells, and counts lines as in the file', () => {
    const parsed = parseNomenclatureCsv(`${header}\n\nA,"deux\nlignes",,2000-01-01,\n,,,,\nB,b,,2000-01-01,\nbad,x,,2000-01-01,\n`);
    expect(parsed.lines.map((l) => [l.line, l.code])).toEqual([
      [3, 'A'],
      [6, 'B'],
    ]);
    expect(parsed.errors).toEqual([{ in: 'body', field: '/line/7/code', message: expect.stringContaining('upper-case') }]);
  });

  it('names every bad cell of every line', () => {
    const parsed = parseNomenclatureCsv(
      [
        header,
        'ok,Minuscules,,2000-01-01,', // line 2: bad code
        'B,,,2000-01-01,', // line 3: missing label
        'C,Cé,,2001-02-29,', // line 4: not a date
        'D,Dé,,2001-01-01,2000-12-31', // line 5: ends before it starts
        'E,Eé,,01/01/2001,soon', // line 6: two bad dates
        'F,Fé,,2001-01-01', // line 7: a cell is missing
        `G,${'x'.repeat(201)},,2001-01-01,`, // line 8: label too long
        'H,Hé,,2001-01-01,2001-01-01', // line 9: valid, one day
      ].join('\n'),
    );
    expect(parsed.errors.map((e) => e.field)).toEqual([
      '/line/2/code',
      '/line/3/label_fr',
      '/line/4/valid_from',
      '/line/5/valid_to',
      '/line/6/valid_from',
      '/line/6/valid_to',
      '/line/7',
      '/line/8/label_fr',
    ]);
    expect(parsed.errors.every((e) => e.in === 'body' && e.message.length > 0)).toBe(true);
    expect(parsed.errors[3]!.message).toContain('2001-01-01');
    expect(parsed.lines.map((l) => l.code)).toEqual(['H']);
  });

  it('refuses a header with unknown, repeated or missing columns', () => {
    const parsed = parseNomenclatureCsv('code,libelle,code,valid_to\nA,a,A,\n');
    expect(parsed.lines).toEqual([]);
    expect(parsed.errors.map((e) => e.field)).toEqual(['/line/1/libelle', '/line/1/code', '/line/1/label_fr', '/line/1/valid_from']);
  });

  it('reports an empty file and broken quotes', () => {
    expect(parseNomenclatureCsv('').errors).toEqual([{ in: 'body', field: '/line/1', message: expect.stringContaining('empty') }]);
    expect(parseNomenclatureCsv('\uFEFF').errors[0]!.field).toBe('/line/1');
    const broken = parseNomenclatureCsv(`${header}\nA,a,,2000-01-01,\nB,"un "guillemet" de trop",,2000-01-01,\n`);
    expect(broken.errors[0]).toMatchObject({ field: '/line/3', message: expect.stringContaining('double quote') });
  });

  it('accepts a header alone: nothing to import', () => {
    expect(parseNomenclatureCsv(`${header}\n`)).toEqual({ delimiter: ',', lines: [], errors: [] });
  });
});

describe('decodeCsv', () => {
  it('decodes UTF-8 and drops the BOM', () => {
    expect(decodeCsv(Buffer.from('\uFEFFcode,label_fr\nA,Été\n', 'utf8'))).toBe('code,label_fr\nA,Été\n');
  });

  it('refuses Latin-1 with the lines that are not UTF-8', () => {
    const latin1 = Buffer.concat([Buffer.from('code,label_fr,valid_from\nA,'), Buffer.from([0xc9, 0x74, 0xe9]), Buffer.from(',2000-01-01\n')]);
    try {
      decodeCsv(latin1);
      expect.fail('should refuse');
    } catch (error) {
      expect(error).toBeInstanceOf(Problem);
      expect((error as Problem).status).toBe(422);
      expect((error as Problem).extensions['errors']).toEqual([{ in: 'body', field: '/line/2', message: 'is not UTF-8 text' }]);
    }
  });
});
