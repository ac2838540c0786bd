import { ruleProblem, type FieldError } from '@pegase/platform';

/**
 * The pure rules of academic periods: no database, so they are unit-tested
 * on their own. Dates are ISO `YYYY-MM-DD` strings, which compare as dates,
 * and a period includes both its first and its last day.
 */
export interface DateRange {
  startDate: string;
  endDate: string;
}

export interface CodedRange extends DateRange {
  code: string;
}

export function checkDateOrder(range: DateRange): void {
  if (range.endDate <= range.startDate) {
    throw ruleProblem('period-dates', `The period would end on ${range.endDate}, which is not after its start on ${range.startDate}.`, [
      body('/endDate', `must be after startDate (${range.startDate})`),
    ]);
  }
}

/** An academic year is the top of the time axis: it has no parent. */
export function checkAcademicYearHasNoParent(parentId: string | null | undefined): void {
  if (parentId != null) {
    throw ruleProblem('academic-year-parent', 'An academic year has no parent; only semesters, trimesters and other sub-periods belong to an academic year.', [
      body('/parentId', 'must be absent or null for an academic year'),
    ]);
  }
}

/** `2026-2027`: two consecutive years, and the year starts during the first one. */
export function checkAcademicYearShape(code: string, startDate: string): void {
  const match = /^(\d{4})-(\d{4})$/.exec(code);
  const first = match === null ? NaN : Number(match[1]);
  if (match === null || Number(match[2]) !== first + 1) {
    throw ruleProblem('academic-year-code', `The code ${code} of an academic year must read YYYY-YYYY with two consecutive years, for example 2026-2027.`, [
      body('/code', 'must read YYYY-YYYY with consecutive years, e.g. 2026-2027'),
    ]);
  }
  if (Number(startDate.slice(0, 4)) !== first) {
    throw ruleProblem('academic-year-start', `The academic year ${code} must start during ${first}; ${startDate} does not.`, [
      body('/startDate', `must fall in ${first}, the first year of ${code}`),
    ]);
  }
}

/** A sub-period lies inside the dates of its academic year. */
export function checkInsideParent(range: DateRange, parent: CodedRange): void {
  const field = range.startDate < parent.startDate ? '/startDate' : range.endDate > parent.endDate ? '/endDate' : undefined;
  if (field !== undefined) {
    throw ruleProblem(
      'outside-parent',
      `The period ${range.startDate} → ${range.endDate} does not lie inside its academic year ${parent.code} (${parent.startDate} → ${parent.endDate}).`,
      [body(field, `must lie inside ${parent.code} (${parent.startDate} → ${parent.endDate})`)],
    );
  }
}

/** An academic year may not shrink so that one of its sub-periods falls outside it. */
export function checkSubPeriodsInside(range: DateRange, yearCode: string, subPeriods: CodedRange[]): void {
  for (const sub of subPeriods) {
    const field = sub.startDate < range.startDate ? '/startDate' : sub.endDate > range.endDate ? '/endDate' : undefined;
    if (field !== undefined) {
      throw ruleProblem(
        'sub-period-outside',
        `The academic year ${yearCode} cannot become ${range.startDate} → ${range.endDate}: its sub-period ${sub.code} (${sub.startDate} → ${sub.endDate}) would fall outside. Change ${sub.code} first.`,
        [body(field, `would leave the sub-period ${sub.code} outside the year`)],
      );
    }
  }
}

/** Both days included: a year ending on 08-31 and one starting on 09-01 do not overlap. */
export function overlaps(a: DateRange, b: DateRange): boolean {
  return a.startDate <= b.endDate && b.startDate <= a.endDate;
}

export function overlapProblem(what: string, range: DateRange, other: CodedRange) {
  return ruleProblem(
    'period-overlap',
    `${what} (${range.startDate} → ${range.endDate}) would overlap ${other.code} (${other.startDate} → ${other.endDate}); such periods may not overlap.`,
    [body('/startDate', `overlaps ${other.code}`), body('/endDate', `overlaps ${other.code}`)],
  );
}

function body(field: string, message: string): FieldError {
  return { in: 'body', field, message };
}
