import { and, eq, or } from 'drizzle-orm';
import { ruleProblem, type Executor, type FieldError } from '@pegase/platform';
import type { CreateLearner } from '../../contract/index.ts';
import { nomenclatureValues } from '../shared/tables.ts';

const FRANCE = '100';

/** Today as YYYY-MM-DD, and that day `years` earlier. */
const today = () => new Date().toISOString().slice(0, 10);
const yearsAgo = (years: number) => `${Number(today().slice(0, 4)) - years}${today().slice(4)}`;

export interface CodeCheck {
  field: string;
  nomenclature: string;
  code: string;
  /** The day the value must be valid on; today when absent. */
  on?: string;
}

/** The codes that are not values of their nomenclature, or were not valid on their day. */
async function nomenclatureErrors(db: Executor, checks: CodeCheck[]): Promise<FieldError[]> {
  if (checks.length === 0) return [];
  const rows = await db
    .select()
    .from(nomenclatureValues)
    .where(or(...checks.map((check) => and(eq(nomenclatureValues.nomenclature, check.nomenclature), eq(nomenclatureValues.code, check.code)))));
  const errors: FieldError[] = [];
  for (const check of checks) {
    const on = check.on ?? today();
    const versions = rows.filter((row) => row.nomenclature === check.nomenclature && row.code === check.code);
    if (versions.length === 0) errors.push({ in: 'body', field: check.field, message: `is not a value of the nomenclature ${check.nomenclature}` });
    else if (!versions.some((row) => row.validFrom <= on && (row.validTo === null || on <= row.validTo))) {
      errors.push({ in: 'body', field: check.field, message: `was not a valid ${check.nomenclature} value on ${on}` });
    }
  }
  return errors;
}

/** Refuses codes that are not valid values of their nomenclature (422 naming each field). */
export async function checkNomenclatureCodes(db: Executor, checks: CodeCheck[]): Promise<void> {
  const errors = await nomenclatureErrors(db, checks);
  if (errors.length > 0) {
    throw ruleProblem('invalid-code', errors.map((error) => `${error.field} ${error.message}`).join('; ') + '.', errors);
  }
}

function codeChecks(learner: Partial<CreateLearner>): CodeCheck[] {
  const now = today();
  const checks: CodeCheck[] = [];
  const add = (field: string, nomenclature: string, code: string | null | undefined, on: string) => {
    if (code !== null && code !== undefined) checks.push({ field, nomenclature, code, on });
  };
  add('/birthCountry', 'COUNTRY', learner.birthCountry, learner.birthDate ?? now);
  add('/nationality', 'COUNTRY', learner.nationality, now);
  add('/sex', 'SEX', learner.sex, now);
  add('/address/country', 'COUNTRY', learner.address?.country, now);
  if (learner.bac) {
    const bacDay = `${learner.bac.year}-07-01`;
    add('/bac/series', 'BAC-SERIES', learner.bac.series, bacDay);
    add('/bac/honours', 'BAC-HONOURS', learner.bac.honours, bacDay);
    add('/bac/country', 'COUNTRY', learner.bac.country, bacDay);
  }
  return checks;
}

/**
 * The rules a learner's record must follow beyond its schema, every broken
 * one reported at once: dates in a plausible range and in order, a commune
 * only for someone born in France, nomenclature codes that exist and were
 * valid on the day that matters (a bac series on the bac's year).
 */
export async function checkLearner(db: Executor, learner: Partial<CreateLearner>): Promise<void> {
  const errors: FieldError[] = [];
  const earliest = '1900-01-01';
  const latest = yearsAgo(10);
  if (learner.birthDate !== undefined && (learner.birthDate < earliest || learner.birthDate > latest)) {
    errors.push({ in: 'body', field: '/birthDate', message: `must be between ${earliest} and ${latest}` });
  }
  const birthYear = learner.birthDate === undefined ? undefined : Number(learner.birthDate.slice(0, 4));
  const nextYear = Number(today().slice(0, 4)) + 1;
  if (learner.bac) {
    if (birthYear !== undefined && learner.bac.year < birthYear + 10)
      errors.push({ in: 'body', field: '/bac/year', message: 'must be at least ten years after the birth' });
    if (learner.bac.year > nextYear) errors.push({ in: 'body', field: '/bac/year', message: `must not be after ${nextYear}` });
  }
  if (learner.firstHigherEducation) {
    if (learner.bac && learner.firstHigherEducation.year < learner.bac.year) {
      errors.push({ in: 'body', field: '/firstHigherEducation/year', message: 'must not be before the bac year' });
    }
    if (learner.firstHigherEducation.year > nextYear)
      errors.push({ in: 'body', field: '/firstHigherEducation/year', message: `must not be after ${nextYear}` });
  }
  if (learner.birthCommune != null && learner.birthCountry !== undefined && learner.birthCountry !== FRANCE) {
    errors.push({ in: 'body', field: '/birthCommune', message: 'is for a birth in France only (country 100)' });
  }

  errors.push(...(await nomenclatureErrors(db, codeChecks(learner))));
  if (errors.length > 0) {
    const list = errors.map((error) => `${error.field} ${error.message}`).join('; ');
    throw ruleProblem('invalid-learner', `The learner's record breaks ${errors.length} rule(s): ${list}.`, errors);
  }
}
