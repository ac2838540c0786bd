import { systemOrigin, type ModuleContext } from '@pegase/platform';
import type { CreateLearner } from '../../contract/index.ts';
import { createLearner } from '../learners/learner-commands.ts';

/**
 * The sandbox's learners. The first three are the demo student accounts
 * (student1…3 hold the codes PGS0000001…3), created first so that the
 * sequence gives them those codes.
 */
const LEARNERS: CreateLearner[] = [
  {
    ine: '123456789AB',
    familyName: 'Martin',
    givenNames: 'Camille Louise',
    birthDate: '2006-03-14',
    birthCountry: '100',
    birthCommune: '69123',
    sex: 'F',
    nationality: '100',
    email: 'camille.martin@etu.example.org',
    address: { line1: '12 rue Garibaldi', postcode: '69006', city: 'Lyon', country: '100' },
    bac: { year: 2024, series: 'GENERAL', honours: 'B', country: '100' },
    firstHigherEducation: { year: 2024 },
  },
  {
    ine: '2345678901C',
    familyName: 'Bernard',
    givenNames: 'Léa',
    birthDate: '2005-11-02',
    birthCountry: '100',
    birthCommune: '38185',
    sex: 'F',
    nationality: '100',
    email: 'lea.bernard@etu.example.org',
    bac: { year: 2023, series: 'STMG', honours: 'AB', country: '100' },
    firstHigherEducation: { year: 2023 },
  },
  {
    ine: null,
    familyName: 'Petit',
    givenNames: 'Hugo',
    birthDate: '2004-07-21',
    birthCountry: '109',
    sex: 'M',
    nationality: '109',
    email: 'hugo.petit@etu.example.org',
    bac: { year: 2022, series: 'GENERAL', country: '109' },
    firstHigherEducation: { year: 2023 },
  },
  {
    ine: '0123A45678Z',
    familyName: 'Lefèvre',
    usageName: 'Nguyễn',
    givenNames: 'Éloïse',
    birthDate: '2003-01-30',
    birthCountry: '100',
    birthCommune: '75056',
    sex: 'F',
    nationality: '100',
    bac: { year: 2021, series: 'GENERAL', honours: 'TB' },
    firstHigherEducation: { year: 2021 },
  },
];

export async function loadSandbox(context: ModuleContext): Promise<void> {
  const origin = systemOrigin('sandbox');
  for (const learner of LEARNERS) await createLearner(context, learner, { confirmNew: false }, origin);
}
