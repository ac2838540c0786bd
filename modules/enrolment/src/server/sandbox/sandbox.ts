import { eq, inArray } from 'drizzle-orm';
import { systemOrigin, type ModuleContext } from '@pegase/platform';
import type { CreateLearner } from '../../contract/index.ts';
import { importAdmissions } from '../admissions/admission-commands.ts';
import type { CandidateLine } from '../admissions/admission-csv.ts';
import { createRequirement } from '../documents/document-commands.ts';
import { createEnrolment, setPaymentStatus, submitEnrolment, validateEnrolment } from '../enrolments/enrolment-commands.ts';
import { createLearner } from '../learners/learner-commands.ts';
import { enrolmentPoints, learners } from '../shared/tables.ts';

/**
 * The sandbox's learners. The first four are the demo student accounts
 * (student1…4 hold the codes PGS0000001…4), created first so that the
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

/**
 * Admitted candidates of the demo offer: Léa Bernard (demo account student2)
 * at the Licence's third year, so that she can enrol online from her
 * invitation; three Parcoursup candidates without an account at the first.
 */
const ADMISSIONS: { point: string; source: string; candidates: Omit<CandidateLine, 'line'>[] }[] = [
  {
    point: 'LINF-L3',
    source: 'ECANDIDAT',
    candidates: [{ candidateNumber: 'EC-2025-0412', familyName: 'Bernard', givenNames: 'Léa', birthDate: '2005-11-02', ine: '2345678901C', email: null }],
  },
  {
    point: 'LINF-L1',
    source: 'PARCOURSUP',
    candidates: [
      { candidateNumber: '4410021', familyName: 'Garcia', givenNames: 'Inès', birthDate: '2007-05-19', ine: null, email: 'ines.garcia@example.org' },
      { candidateNumber: '4410022', familyName: 'Roux', givenNames: 'Nathan Paul', birthDate: '2007-02-08', ine: null, email: 'nathan.roux@example.org' },
      { candidateNumber: '4410023', familyName: 'Diallo', givenNames: 'Aïssatou', birthDate: '2006-12-01', ine: null, email: null },
    ],
  },
];

/** What the demo offer's enrolment points ask for: a photo and an identity document from everyone, the award notice from scholarship holders. */
const REQUIREMENTS = [
  { documentType: 'PHOTO', mandatory: true },
  { documentType: 'IDENTITE', mandatory: true },
  { documentType: 'BOURSE', mandatory: true, profile: 'BOURSIER' },
];

export async function loadSandbox(context: ModuleContext): Promise<void> {
  const origin = systemOrigin('sandbox');
  for (const learner of LEARNERS) await createLearner(context, learner, { confirmNew: false }, origin);
  // The demo offer's enrolment points came with the curriculum's validation events (none without the curriculum module).
  const codes = [...new Set(['LINF-L1', 'LINF-L2', 'LINF-L3', 'MINF-M1', ...ADMISSIONS.map((admission) => admission.point)])];
  const points = await context.db.select().from(enrolmentPoints).where(inArray(enrolmentPoints.code, codes));
  const pointOf = new Map(points.map((point) => [point.code, point.objectId]));
  // Éloïse Nguyễn (demo account student4) re-enrolled at the Licence's third year and was validated
  // (before the documents were asked for): her course choices are open in the sandbox.
  const third = pointOf.get('LINF-L3');
  const eloise = await context.db.select({ id: learners.id }).from(learners).where(eq(learners.code, 'PGS0000004'));
  if (third !== undefined && eloise[0] !== undefined) {
    const enrolment = await createEnrolment(context, { learnerId: eloise[0].id, pointId: third, origin: 'REINSCRIPTION', regime: 'FI' }, origin);
    await submitEnrolment(context, enrolment.id, `sandbox-${enrolment.id}`, origin);
    await setPaymentStatus(context, enrolment.id, 'exempt', origin);
    await validateEnrolment(context, enrolment.id, undefined, origin);
  }
  for (const point of points) {
    for (const requirement of REQUIREMENTS) await createRequirement(context, { ...requirement, pointId: point.objectId });
  }
  for (const admission of ADMISSIONS) {
    const pointId = pointOf.get(admission.point);
    if (pointId === undefined) continue;
    const lines = admission.candidates.map((candidate, index) => ({ ...candidate, line: index + 2 }));
    await importAdmissions(context, pointId, admission.source, lines, origin);
  }
}
