import { foldForSearch } from '@pegase/platform';
import type { CreateLearner, Learner } from '../../contract/index.ts';
import type { learners } from '../shared/tables.ts';

export type LearnerRow = typeof learners.$inferSelect;

export function toLearner(row: LearnerRow): Learner {
  return {
    id: row.id,
    code: row.code,
    ine: row.ine,
    familyName: row.familyName,
    usageName: row.usageName,
    givenNames: row.givenNames,
    birthDate: row.birthDate,
    birthCountry: row.birthCountry,
    birthCommune: row.birthCommune,
    sex: row.sex,
    nationality: row.nationality,
    email: row.email,
    phone: row.phone,
    address: row.address ?? null,
    bac: row.bac ?? null,
    firstHigherEducation: row.firstHigherEducation ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

type Identity = Pick<CreateLearner, 'familyName' | 'usageName' | 'givenNames' | 'birthDate'>;

/** Names as the fuzzy search compares them: family, usage and given names, folded. */
export const searchNameOf = (learner: Identity) => foldForSearch([learner.familyName, learner.usageName ?? '', learner.givenNames].join(' '));

/**
 * What two records of one person share even when typed differently:
 * family name and first given name folded, and the birth date.
 */
export function identityKeyOf(learner: Identity): string {
  const first = foldForSearch(learner.givenNames).split(/[\s,-]+/)[0] ?? '';
  return `${foldForSearch(learner.familyName).replace(/[^a-z]/g, '')}|${first}|${learner.birthDate}`;
}
