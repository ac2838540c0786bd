import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { notFound, originOf, Problem, sendCreated, type ModuleApp, type ModuleContext } from '@pegase/platform';
import { Id } from '@pegase/referential/contract';
import {
  Admission,
  AdmissionImportQuery,
  AdmissionImportReport,
  EnrolFromInvitation,
  Enrolment,
  enrolmentPermissions,
  ReinscriptionBody,
  ReinscriptionReport,
} from '../../contract/index.ts';
import { assertManagesPoint } from '../enrolments/enrolment-scope.ts';
import { admissions, enrolmentPoints, learners } from '../shared/tables.ts';
import { admissionsOf, enrolFromInvitation, importAdmissions, inviteReturningLearners, toAdmission } from './admission-commands.ts';
import { parseCandidates } from './admission-csv.ts';

const PointParams = Type.Object({ pointId: Id }, { additionalProperties: false });
const PeriodParams = Type.Object({ periodId: Id }, { additionalProperties: false });
const CSV_LIMIT = 5 * 1024 * 1024;
const self = { access: { permission: enrolmentPermissions.self } };

export async function admissionRoutes(app: ModuleApp, context: ModuleContext): Promise<void> {
  app.get(
    '/points/:pointId/admissions',
    {
      config: { access: { permission: enrolmentPermissions.admissions } },
      schema: {
        summary: 'The candidates admitted at an enrolment point, with their invitation codes.',
        operationId: 'listAdmissions',
        params: PointParams,
        response: { 200: Type.Array(Admission) },
      },
    },
    async (request) => {
      const [point] = await context.db.select().from(enrolmentPoints).where(eq(enrolmentPoints.objectId, request.params.pointId));
      if (point === undefined) throw notFound('Enrolment point', request.params.pointId);
      await assertManagesPoint(context.db, originOf(request).scope, point.ownerStructureId, 'read the admissions of this point');
      const rows = await context.db
        .select()
        .from(admissions)
        .where(eq(admissions.pointId, request.params.pointId))
        .orderBy(admissions.familyName, admissions.id);
      return rows.map(toAdmission);
    },
  );

  await app.register(async (plugin) => {
    const scope = plugin as unknown as ModuleApp;
    scope.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: CSV_LIMIT }, (_request, body, done) => done(null, body));
    scope.post(
      '/points/:pointId/admissions/import',
      {
        config: { access: { permission: enrolmentPermissions.admissions } },
        onRequest: async (request) => {
          if (
            !String(request.headers['content-type'] ?? '')
              .toLowerCase()
              .startsWith('text/csv')
          ) {
            throw new Problem(
              415,
              'unsupported-media-type',
              'Unsupported media type',
              'Send the file of admitted candidates as the body, with Content-Type: text/csv (UTF-8).',
            );
          }
        },
        schema: {
          summary:
            'Import admitted candidates (CSV: nom, prenoms, date_naissance, and optionally numero, ine, email; `,` or `;`): each new one gets an invitation code; all or nothing, every bad line reported; a file imported again adds nothing.',
          operationId: 'importAdmissions',
          consumes: ['text/csv'],
          params: PointParams,
          querystring: AdmissionImportQuery,
          body: Type.String({
            description: 'The CSV file.',
            examples: ['numero;nom;prenoms;date_naissance;ine;email\n1001;Durand;Alice;2007-04-02;;alice@example.org\n'],
          }),
          response: { 200: AdmissionImportReport },
        },
      },
      async (request) => importAdmissions(context, request.params.pointId, request.query.source, parseCandidates(request.body), originOf(request)),
    );
  });

  app.post(
    '/periods/:periodId/reinscriptions',
    {
      config: { access: { permission: enrolmentPermissions.reinscriptions } },
      schema: {
        summary: 'Invite every learner validated in an earlier period to enrol again, at the point of the same code in this period.',
        operationId: 'inviteReturningLearners',
        params: PeriodParams,
        body: ReinscriptionBody,
        response: { 200: ReinscriptionReport },
      },
    },
    async (request) => inviteReturningLearners(context, request.params.periodId, request.body.fromPeriodId, originOf(request)),
  );

  app.get(
    '/me/admissions',
    {
      config: self,
      schema: {
        summary: 'The signed-in student’s admissions: where they may enrol, with the invitation codes.',
        operationId: 'listMyAdmissions',
        response: { 200: Type.Array(Admission) },
      },
    },
    async (request) => {
      const code = request.principal?.learnerCode;
      if (!code) return [];
      const [learner] = await context.db.select().from(learners).where(eq(learners.code, code));
      if (learner === undefined) return [];
      const rows = await context.db.select().from(admissions).where(admissionsOf(learner)).orderBy(admissions.createdAt);
      return rows.map(toAdmission);
    },
  );

  app.post(
    '/me/enrolments',
    {
      config: self,
      schema: {
        summary: 'Start one’s own enrolment (draft) from an invitation, choosing the régime and profiles.',
        operationId: 'enrolFromInvitation',
        body: EnrolFromInvitation,
        response: { 201: Enrolment },
      },
    },
    async (request, reply) => {
      const code = request.principal?.learnerCode;
      if (!code) throw new Problem(403, 'no-learner-record', 'Forbidden', 'Your account is not linked to a learner record: contact the scolarité.');
      const enrolment = await enrolFromInvitation(context, code, request.body, originOf(request));
      return sendCreated(request, reply, enrolment, enrolment.id);
    },
  );
}
