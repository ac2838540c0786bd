import { eq, inArray, or } from 'drizzle-orm';
import { Type } from 'typebox';
import { expectedVersion, IfMatchHeaders, notFound, originOf, sendVersioned, type ModuleApp, type ModuleContext } from '@pegase/platform';
import { IdParams } from '@pegase/referential/contract';
import {
  Enrolment,
  enrolmentPermissions,
  EnrolmentPoint,
  Learner,
  SubmissionReadiness,
  SubmitHeaders,
  UpdateMyEnrolment,
  UpdateMyLearnerRecord,
} from '../../contract/index.ts';
import { admissionsOf } from '../admissions/admission-commands.ts';
import { toEnrolment } from '../enrolments/enrolment-mapper.ts';
import { ownEnrolment } from '../enrolments/own-enrolment.ts';
import { getLearnerByCode } from '../learners/learner-queries.ts';
import { admissions, enrolmentPoints, enrolments, learners } from '../shared/tables.ts';
import { readinessOf, submitMyEnrolment, updateMyEnrolment, updateMyRecord } from './self-service-commands.ts';

const self = { access: { permission: enrolmentPermissions.self } };

/**
 * The student's own side of enrolment (`/me…`): their record, their
 * enrolments, what each still lacks, and its submission. Every route finds
 * the learner from the token's learner code; another learner's enrolment
 * answers 404, as if it did not exist.
 */
export async function selfServiceRoutes(app: ModuleApp, context: ModuleContext): Promise<void> {
  app.get(
    '/me',
    { config: self, schema: { summary: 'The signed-in student’s own learner record.', operationId: 'getMyLearnerRecord', response: { 200: Learner } } },
    async (request, reply) => {
      const code = request.principal?.learnerCode;
      if (!code) throw notFound('Learner record of the account', request.principal?.login ?? 'unknown');
      return sendVersioned(reply, await getLearnerByCode(context.db, code));
    },
  );

  app.patch(
    '/me',
    {
      config: self,
      schema: {
        summary:
          'Fill in one’s own record: contacts, address, bac, first higher-education enrolment, birth place, nationality (names, birth date and INE are corrected by the scolarité, on proof).',
        operationId: 'updateMyLearnerRecord',
        headers: IfMatchHeaders,
        body: UpdateMyLearnerRecord,
        response: { 200: Learner },
      },
    },
    async (request, reply) =>
      sendVersioned(reply, await updateMyRecord(context, request.principal, request.body, expectedVersion(request.headers['if-match']), originOf(request))),
  );

  app.get(
    '/me/enrolments',
    { config: self, schema: { summary: 'The signed-in student’s enrolments.', operationId: 'listMyEnrolments', response: { 200: Type.Array(Enrolment) } } },
    async (request) => {
      const code = request.principal?.learnerCode;
      if (!code) return [];
      const rows = await context.db
        .select({ enrolment: enrolments })
        .from(enrolments)
        .innerJoin(learners, eq(learners.id, enrolments.learnerId))
        .where(eq(learners.code, code))
        .orderBy(enrolments.createdAt);
      return rows.map((row) => toEnrolment(row.enrolment));
    },
  );

  app.get(
    '/me/points',
    {
      config: self,
      schema: {
        summary: 'The enrolment points of the signed-in student’s admissions and enrolments, with their labels: what each of them leads to.',
        operationId: 'listMyEnrolmentPoints',
        response: { 200: Type.Array(EnrolmentPoint) },
      },
    },
    async (request) => {
      const code = request.principal?.learnerCode;
      if (!code) return [];
      const [learner] = await context.db.select().from(learners).where(eq(learners.code, code));
      if (learner === undefined) return [];
      // The same admissions as GET /me/admissions.
      const admitted = context.db.select({ pointId: admissions.pointId }).from(admissions).where(admissionsOf(learner));
      const enrolled = context.db.select({ pointId: enrolments.pointId }).from(enrolments).where(eq(enrolments.learnerId, learner.id));
      const rows = await context.db
        .select()
        .from(enrolmentPoints)
        .where(or(inArray(enrolmentPoints.objectId, admitted), inArray(enrolmentPoints.objectId, enrolled)))
        .orderBy(enrolmentPoints.path);
      return rows.map((row) => ({
        id: row.objectId,
        periodId: row.periodId,
        code: row.code,
        path: row.path,
        labels: { fr: row.labelFr, ...(row.labelEn === null ? {} : { en: row.labelEn }) },
        ownerStructureId: row.ownerStructureId,
      }));
    },
  );

  app.patch(
    '/me/enrolments/:id',
    {
      config: self,
      schema: {
        summary: 'Change one’s own draft enrolment: régime, profiles, CVEC number, previous situation (409 not-draft once submitted).',
        operationId: 'updateMyEnrolment',
        params: IdParams,
        headers: IfMatchHeaders,
        body: UpdateMyEnrolment,
        response: { 200: Enrolment },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await updateMyEnrolment(context, request.principal, request.params.id, request.body, expectedVersion(request.headers['if-match']), originOf(request)),
      ),
  );

  app.get(
    '/me/enrolments/:id/readiness',
    {
      config: self,
      schema: {
        summary: 'What one’s own enrolment still lacks before it can be submitted: contacts, bac, previous situation, mandatory documents.',
        operationId: 'getMyEnrolmentReadiness',
        params: IdParams,
        response: { 200: SubmissionReadiness },
      },
    },
    async (request) => context.transaction(async (tx) => readinessOf(tx, await ownEnrolment(tx, request.principal, request.params.id))),
  );

  app.post(
    '/me/enrolments/:id/submit',
    {
      config: self,
      schema: {
        summary:
          'Submit one’s own enrolment once complete (422 enrolment-incomplete lists what is missing). Send an Idempotency-Key: a retry with the same key answers the same submission and changes nothing.',
        operationId: 'submitMyEnrolment',
        params: IdParams,
        headers: SubmitHeaders,
        response: { 200: Enrolment },
      },
    },
    async (request) => submitMyEnrolment(context, request.principal, request.params.id, request.headers['idempotency-key'], originOf(request)),
  );
}
