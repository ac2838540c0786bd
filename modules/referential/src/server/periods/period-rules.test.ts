import { describe, expect, it } from 'vitest';
import { Problem } from '@pegase/platform';
import {
  checkAcademicYearHasNoParent,
  checkAcademicYearShape,
  checkDateOrder,
  checkInsideParent,
  checkSubPeriodsInside,
  overlapProblem,
  overlaps,
} from './period-rules.ts';

/** Runs a rule and returns the problem it raised, or undefined when it passed. */
function refusal(rule: () => void): Problem | undefined {
  try {
    rule();
    return undefined;
  } catch (error) {
    if (error instanceof Problem) return error;
    throw error;
  }
}

function fieldsOf(problem: Problem | undefined): string[] {
  return ((problem?.extensions['errors'] ?? []) as { field: string }[]).map((e) => e.field);
}

const year = { code: '2026-2027', startDate: '2026-09-01', endDate: '2027-08-31' };

describe('period rules', () => {
  it('wants the end strictly after the start', () => {
    expect(refusal(() => checkDateOrder({ startDate: '2026-09-01', endDate: '2026-09-02' }))).toBeUndefined();
    for (const endDate of ['2026-09-01', '2026-08-31']) {
      const problem = refusal(() => checkDateOrder({ startDate: '2026-09-01', endDate }));
      expect(problem?.status).toBe(422);
      expect(problem?.slug).toBe('period-dates');
      expect(fieldsOf(problem)).toEqual(['/endDate']);
    }
  });

  it('gives an academic year no parent', () => {
    expect(refusal(() => checkAcademicYearHasNoParent(undefined))).toBeUndefined();
    expect(refusal(() => checkAcademicYearHasNoParent(null))).toBeUndefined();
    expect(fieldsOf(refusal(() => checkAcademicYearHasNoParent('00000000-0000-4000-8000-000000000000')))).toEqual(['/parentId']);
  });

  it('reads an academic year code as two consecutive years, starting in the first', () => {
    expect(refusal(() => checkAcademicYearShape('2026-2027', '2026-09-01'))).toBeUndefined();
    expect(refusal(() => checkAcademicYearShape('2026-2027', '2026-01-01'))).toBeUndefined();
    expect(refusal(() => checkAcademicYearShape('1999-2000', '1999-12-31'))).toBeUndefined();
    for (const code of ['2026-2028', '2026-2026', '2027-2026', '2026', 'AY-2026-2027', '2026-2027-S1', '26-27']) {
      const problem = refusal(() => checkAcademicYearShape(code, '2026-09-01'));
      expect(problem?.slug, code).toBe('academic-year-code');
      expect(fieldsOf(problem)).toEqual(['/code']);
    }
    for (const startDate of ['2025-12-31', '2027-01-01']) {
      const problem = refusal(() => checkAcademicYearShape('2026-2027', startDate));
      expect(problem?.slug, startDate).toBe('academic-year-start');
      expect(fieldsOf(problem)).toEqual(['/startDate']);
    }
  });

  it('keeps a sub-period inside its year, both days included, naming the wrong end', () => {
    expect(refusal(() => checkInsideParent({ startDate: '2026-09-01', endDate: '2027-08-31' }, year))).toBeUndefined();
    expect(fieldsOf(refusal(() => checkInsideParent({ startDate: '2026-08-31', endDate: '2027-01-31' }, year)))).toEqual(['/startDate']);
    expect(fieldsOf(refusal(() => checkInsideParent({ startDate: '2027-02-01', endDate: '2027-09-01' }, year)))).toEqual(['/endDate']);
    expect(refusal(() => checkInsideParent({ startDate: '2027-02-01', endDate: '2027-09-01' }, year))?.slug).toBe('outside-parent');
  });

  it('refuses to shrink a year away from one of its sub-periods', () => {
    const subs = [
      { code: 'S1', startDate: '2026-09-01', endDate: '2027-01-31' },
      { code: 'S2', startDate: '2027-02-01', endDate: '2027-08-31' },
    ];
    expect(refusal(() => checkSubPeriodsInside({ startDate: '2026-08-15', endDate: '2027-08-31' }, year.code, subs))).toBeUndefined();
    const late = refusal(() => checkSubPeriodsInside({ startDate: '2026-09-02', endDate: '2027-08-31' }, year.code, subs));
    expect(late?.slug).toBe('sub-period-outside');
    expect(late?.message).toContain('S1');
    expect(fieldsOf(late)).toEqual(['/startDate']);
    const early = refusal(() => checkSubPeriodsInside({ startDate: '2026-09-01', endDate: '2027-08-30' }, year.code, subs));
    expect(early?.message).toContain('S2');
    expect(fieldsOf(early)).toEqual(['/endDate']);
  });

  it('counts both days of a period: adjacent periods do not overlap, a shared day does', () => {
    expect(overlaps({ startDate: '2025-09-01', endDate: '2026-08-31' }, year)).toBe(false);
    expect(overlaps({ startDate: '2027-09-01', endDate: '2028-08-31' }, year)).toBe(false);
    expect(overlaps({ startDate: '2025-09-01', endDate: '2026-09-01' }, year)).toBe(true);
    expect(overlaps({ startDate: '2027-08-31', endDate: '2028-08-31' }, year)).toBe(true);
    expect(overlaps({ startDate: '2026-10-01', endDate: '2026-10-02' }, year)).toBe(true);
    const problem = overlapProblem('The academic year 2027-2028', { startDate: '2027-08-31', endDate: '2028-08-31' }, year);
    expect(problem.slug).toBe('period-overlap');
    expect(problem.message).toContain('2026-2027');
  });
});
