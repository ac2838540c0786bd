import { describe, expect, it } from 'vitest';
import type { StoredRules } from '../shared/tables.ts';
import { computeFees, dueDates, percentOf, splitInstalments } from './fee-calculator.ts';

const rules: StoredRules = {
  levels: [
    { level: 'LICENCE', labels: { fr: 'Licence' }, amountCents: 17800 },
    { level: 'MASTER', labels: { fr: 'Master' }, amountCents: 25450 },
  ],
  adjustments: [
    { profile: 'BOURSIER', kind: 'exemption', labels: { fr: 'Boursier' } },
    { profile: 'HANDICAP', kind: 'reduction', percent: 33, labels: { fr: 'Handicap' } },
    { profile: 'SALARIE', kind: 'reduction', amountCents: 9000, labels: { fr: 'Salarié' } },
  ],
  extras: [
    { code: 'MED-PREV', labels: { fr: 'Médecine préventive' }, amountCents: 510, levels: ['MASTER'], waivedFor: ['SALARIE'] },
    { code: 'SPORT', labels: { fr: 'Sport' }, amountCents: 1000 },
  ],
  instalments: true,
};

describe('fee calculator', () => {
  it('rounds a percentage half up to the cent, in integers', () => {
    expect(percentOf(25450, 33)).toBe(8399); // 83.985 € → 83.99 €
    expect(percentOf(17801, 50)).toBe(8901); // 89.005 € → 89.01 €
    expect(percentOf(17800, 33)).toBe(5874); // exact
    expect(percentOf(1, 49)).toBe(0); // 0.49 cent → 0
    expect(percentOf(100_000_000, 100)).toBe(100_000_000);
  });

  it('lists the base amount, the extra lines and the total', () => {
    expect(computeFees(rules, 'MASTER', [])).toEqual({
      lines: [
        { kind: 'base', code: 'MASTER', labels: { fr: 'Master' }, amountCents: 25450 },
        { kind: 'extra', code: 'MED-PREV', labels: { fr: 'Médecine préventive' }, amountCents: 510 },
        { kind: 'extra', code: 'SPORT', labels: { fr: 'Sport' }, amountCents: 1000 },
      ],
      totalCents: 26960,
    });
  });

  it('applies the largest reduction only, and the waivers of extra lines', () => {
    // 33 % of 254.50 € is 83.99 €, less than the fixed 90 € of SALARIE, whose profile also waives MED-PREV.
    const fees = computeFees(rules, 'MASTER', ['HANDICAP', 'SALARIE'])!;
    expect(fees.lines.map((line) => [line.code, line.amountCents])).toEqual([
      ['MASTER', 25450],
      ['SALARIE', -9000],
      ['SPORT', 1000],
    ]);
    expect(fees.totalCents).toBe(17450);
    expect(computeFees(rules, 'MASTER', ['HANDICAP'])!.totalCents).toBe(25450 - 8399 + 510 + 1000);
  });

  it('lets an exemption waive everything, extras included', () => {
    const fees = computeFees(rules, 'LICENCE', ['HANDICAP', 'BOURSIER'])!;
    expect(fees.lines.map((line) => [line.kind, line.amountCents])).toEqual([
      ['base', 17800],
      ['extra', 1000],
      ['exemption', -18800],
    ]);
    expect(fees.totalCents).toBe(0);
  });

  it('never reduces below zero, and knows no fee for an unknown level', () => {
    const cheap: StoredRules = { ...rules, levels: [{ level: 'DU', labels: { fr: 'DU' }, amountCents: 5000 }], extras: [] };
    expect(computeFees(cheap, 'DU', ['SALARIE'])!.totalCents).toBe(0);
    expect(computeFees(rules, 'DOCTORAT', [])).toBeUndefined();
  });

  it('splits a total into instalments that add up to it exactly, the first taking the remaining cents', () => {
    expect(splitInstalments(17800, 3)).toEqual([5934, 5933, 5933]);
    expect(splitInstalments(10000, 3)).toEqual([3334, 3333, 3333]);
    expect(splitInstalments(26960, 3)).toEqual([8988, 8986, 8986]);
    expect(splitInstalments(17800, 1)).toEqual([17800]);
    for (let total = 300; total < 1300; total += 7) {
      const parts = splitInstalments(total, 3);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      expect(Math.max(...parts) - Math.min(...parts)).toBeLessThan(3);
    }
  });

  it('schedules instalments a month apart, on the last day of a shorter month', () => {
    expect(dueDates(new Date('2026-01-31T10:00:00Z'), 3)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31']);
    expect(dueDates(new Date('2026-11-15T10:00:00Z'), 3)).toEqual(['2026-11-15', '2026-12-15', '2027-01-15']);
  });
});
