import { Type, type Static } from 'typebox';
import { Id, IsoDate } from '@pegase/referential/contract';
import { LearnerCode } from './learners.ts';

const NomenclatureCode = (nomenclature: string) =>
  Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{0,39}$', description: `A value of the nomenclature ${nomenclature}.` });

/**
 * A new student opens their account with the invitation of their admission
 * letter: the code and their birth date prove who they are; they add what
 * the admission file did not say (sex, birth country, e-mail) and choose a
 * password. Only with the embedded provider: elsewhere the university's
 * directory gives the accounts.
 */
export const ActivateAccount = Type.Object(
  {
    invitationCode: Type.String({
      minLength: 8,
      maxLength: 40,
      description: 'The invitation code of the admission letter (case, spaces and hyphens ignored).',
    }),
    birthDate: IsoDate,
    sex: NomenclatureCode('SEX'),
    birthCountry: NomenclatureCode('COUNTRY'),
    email: Type.String({ format: 'email', maxLength: 200 }),
    password: Type.String({ minLength: 12, maxLength: 200, description: 'At least 12 characters.' }),
  },
  { additionalProperties: false },
);
export type ActivateAccount = Static<typeof ActivateAccount>;

export const ActivatedAccount = Type.Object({
  login: Type.String({ description: 'The login to sign in with: the learner code in lower case.' }),
  learnerCode: LearnerCode,
  admissionId: Id,
});
export type ActivatedAccount = Static<typeof ActivatedAccount>;
