import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';

describe('the CSV export', () => {
  it('writes what Excel in French opens: BOM, semicolons, CRLF, quotes only where needed', () => {
    const csv = toCsv([
      ['Code', 'Libellé'],
      ['UFR-SCI', 'Sciences; techniques'],
      ['Q', 'Dit "le bon"'],
      ['L', 'deux\nlignes'],
      ['N', null],
    ]);
    expect(csv).toBe('\uFEFFCode;Libellé\r\nUFR-SCI;"Sciences; techniques"\r\nQ;"Dit ""le bon"""\r\nL;"deux\nlignes"\r\nN;\r\n');
  });
});
