import { eq } from 'drizzle-orm';
import { conflict, notFound, ruleProblem, checkVersion, type Executor, type ModuleContext, type Origin, type Principal } from '@pegase/platform';
import {
  enrolmentLifecycleEvents,
  type Enrolment,
  type Learner,
  type SubmissionReadiness,
  type UpdateMyEnrolment,
  type UpdateMyLearnerRecord,
} from '../../contract/index.ts';
import { documentsOf } from '../documents/document-queries.ts';
import { previousSituationChecks, submitLoaded, transition } from '../enrolments/enrolment-commands.ts';
import type { EnrolmentRow } from '../enrolments/enrolment-mapper.ts';
import { ownEnrolment } from '../enrolments/own-enrolment.ts';
import { updateLearner } from '../learners/learner-commands.ts';
import { checkNomenclatureCodes } from '../learners/learner-rules.ts';
import { type enrolments, learners } from '../shared/tables.ts';

function learnerCodeOf(principal: Principal | null): string {
  const code = principal?.learnerCode;
  if (!code) throw notFound('Learner record of the account', principal?.login ?? 'unknown');
  return code;
}

/** A student fills in their own record: contacts, bac, birth place, nationality (the whole record is checked again). */
export async function updateMyRecord(
  context: ModuleContext,
  principal: Principal | null,
  patch: UpdateMyLearnerRecord,
  expectedVersion: number | undefined,
  origin: Origin,
): Promise<Learner> {
  const code = learnerCodeOf(principal);
  const [row] = await context.db.select({ id: learners.id }).from(learners).where(eq(learners.code, code));
  if (row === undefined) throw notFound('Learner record of the account', code);
  return updateLearner(context, row.id, patch, expectedVersion, origin);
}

/** A student changes their draft: régime, profiles, CVEC number, previous situation. Once submitted, only the scolarité changes it. */
export async function updateMyEnrolment(
  context: ModuleContext,
  principal: Principal | null,
  id: string,
  patch: UpdateMyEnrolment,
  expectedVersion: number | undefined,
  origin: Origin,
): Promise<Enrolment> {
  await checkNomenclatureCodes(context.db, [
    ...(patch.regime === undefined ? [] : [{ field: '/regime', nomenclature: 'REGIME', code: patch.regime }]),
    ...(patch.profiles ?? []).map((code, index) => ({ field: `/profiles/${index}`, nomenclature: 'PROFILE', code })),
    ...previousSituationChecks(patch.previousSituation),
  ]);
  return context.transaction(async (tx) => {
    const current = await ownEnrolment(tx, principal, id);
    checkVersion('The enrolment', current.version, expectedVersion);
    if (current.status !== 'draft') {
      throw conflict('not-draft', `This enrolment is ${current.status}: only the scolarité can change it now. Write to them if something is wrong.`);
    }
    const changes: Partial<typeof enrolments.$inferInsert> = {};
    if (patch.regime !== undefined) changes.regime = patch.regime;
    if (patch.profiles !== undefined) changes.profiles = patch.profiles;
    if (patch.cvecNumber !== undefined) changes.cvecNumber = patch.cvecNumber;
    if (patch.previousSituation !== undefined) changes.previousSituation = patch.previousSituation;
    return transition(context, tx, current, changes, enrolmentLifecycleEvents.enrolmentUpdated, origin);
  });
}

/**
 * What an online enrolment still lacks before its student may submit it:
 * the contacts the scolarité writes to (e-mail, phone, postal address), the
 * bac (or its foreign equivalent), the previous situation, and every
 * mandatory document sent. Staff at the desk are not held to it.
 */
export async function readinessOf(db: Executor, enrolment: EnrolmentRow): Promise<SubmissionReadiness> {
  // One after the other: db is the submission's transaction, whose one connection takes one query at a time.
  const [learner] = await db.select().from(learners).where(eq(learners.id, enrolment.learnerId));
  const documents = await documentsOf(db, enrolment);
  const missing: SubmissionReadiness['missing'] = [];
  if (!learner?.email) missing.push({ field: '/learner/email', message: 'Give an e-mail address: the scolarité writes to it.' });
  if (!learner?.phone) missing.push({ field: '/learner/phone', message: 'Give a phone number.' });
  if (!learner?.address) missing.push({ field: '/learner/address', message: 'Give your postal address.' });
  if (!learner?.bac) missing.push({ field: '/learner/bac', message: 'Give your baccalauréat (or its foreign equivalent): year and series.' });
  if (!enrolment.previousSituation) missing.push({ field: '/enrolment/previousSituation', message: 'Say what you did last year.' });
  for (const document of documents) {
    if (document.mandatory && document.status === 'missing') {
      missing.push({ field: `/documents/${document.documentType}`, message: `Send the document ${document.documentType}.` });
    }
  }
  return { ready: missing.length === 0, missing };
}

/** A student submits their own enrolment once it is complete; the idempotency key makes a retry harmless. */
export async function submitMyEnrolment(context: ModuleContext, principal: Principal | null, id: string, key: string, origin: Origin): Promise<Enrolment> {
  return context.transaction(async (tx) => {
    const current = await ownEnrolment(tx, principal, id);
    if (current.status === 'draft') {
      const readiness = await readinessOf(tx, current);
      if (!readiness.ready) {
        throw ruleProblem(
          'enrolment-incomplete',
          `Your enrolment cannot be sent yet: ${readiness.missing.map((item) => item.message).join(' ')}`,
          readiness.missing.map((item) => ({ in: 'body', field: item.field, message: item.message })),
        );
      }
    }
    return submitLoaded(context, tx, current, key, origin);
  });
}
