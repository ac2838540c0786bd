import { Type } from 'typebox';
import { originOf, scopeOf, type ModuleApp, type ModuleContext, type Principal } from '@pegase/platform';
import { Cursus, EnrolmentParams, OfferAnswer, PutChoices, registrationPermissions } from '../../contract/index.ts';
import { enrolments, learners } from '../shared/tables.ts';
import { and, asc, eq } from 'drizzle-orm';
import { answerOffer, chooseInGrouping } from './cursus-commands.ts';
import { lockedEnrolment, type Requester } from './cursus-access.ts';
import { cursusOf } from './cursus-queries.ts';

const self = (principal: Principal | null): Requester => ({ kind: 'self', learnerCode: principal?.learnerCode ?? null });
const staff = (principal: Principal | null): Requester => ({ kind: 'staff', scope: scopeOf(principal) });

const choicesDescription =
  'The whole choice of one grouping: between its min and max children; a closed object cannot be newly chosen (422 invalid-choice, one error per problem). Children dropped free their seats, offered to the first of the waiting list; children added take a seat, or join the waiting list of a full object (status waiting, with its rank).';

export async function cursusRoutes(app: ModuleApp, context: ModuleContext): Promise<void> {
  const read = async (enrolmentId: string, requester: Requester) =>
    context.transaction(async (tx) => {
      await lockedEnrolment(tx, enrolmentId, requester, 'read this cursus', false);
      return cursusOf(tx, enrolmentId);
    });

  app.get(
    '/me/cursus',
    {
      config: { access: { permission: registrationPermissions.self } },
      schema: {
        summary: 'The signed-in student’s cursus, one per validated enrolment.',
        operationId: 'listMyCursus',
        response: { 200: Type.Array(Cursus) },
      },
    },
    async (request) => {
      const code = request.principal?.learnerCode;
      if (!code) return [];
      const rows = await context.db
        .select({ id: enrolments.id })
        .from(enrolments)
        .innerJoin(learners, eq(learners.id, enrolments.learnerId))
        .where(and(eq(learners.code, code), eq(enrolments.status, 'validated')))
        .orderBy(asc(enrolments.id));
      const list: Cursus[] = [];
      for (const row of rows) list.push(await cursusOf(context.db, row.id));
      return list;
    },
  );

  app.get(
    '/me/enrolments/:enrolmentId/cursus',
    {
      config: { access: { permission: registrationPermissions.self } },
      schema: {
        summary:
          'The signed-in student’s cursus for one enrolment: entries, groupings with their rules and seats left, the choice window (404 for anyone else’s).',
        operationId: 'getMyCursus',
        params: EnrolmentParams,
        response: { 200: Cursus },
      },
    },
    async (request) => read(request.params.enrolmentId, self(request.principal)),
  );

  app.put(
    '/me/enrolments/:enrolmentId/choices',
    {
      config: { access: { permission: registrationPermissions.self } },
      schema: {
        summary:
          'The signed-in student chooses in a grouping of their cursus, while their formation’s choice window is open (409 choice-window-closed otherwise).',
        description: choicesDescription,
        operationId: 'chooseInMyCursus',
        params: EnrolmentParams,
        body: PutChoices,
        response: { 200: Cursus },
      },
    },
    async (request) => chooseInGrouping(context, request.params.enrolmentId, request.body, self(request.principal), originOf(request)),
  );

  app.post(
    '/me/enrolments/:enrolmentId/offers',
    {
      config: { access: { permission: registrationPermissions.self } },
      schema: {
        summary: 'The signed-in student accepts or declines a seat offered to them from a waiting list (409 no-offer when none stands).',
        operationId: 'answerMyOffer',
        params: EnrolmentParams,
        body: OfferAnswer,
        response: { 200: Cursus },
      },
    },
    async (request) => answerOffer(context, request.params.enrolmentId, request.body.path, request.body.accept, self(request.principal), originOf(request)),
  );

  app.get(
    '/enrolments/:enrolmentId/cursus',
    {
      config: { access: { permission: registrationPermissions.cursusRead } },
      schema: {
        summary: 'A learner’s cursus for one enrolment; staff for the enrolment points their structures own.',
        operationId: 'getCursus',
        params: EnrolmentParams,
        response: { 200: Cursus },
      },
    },
    async (request) => read(request.params.enrolmentId, staff(request.principal)),
  );

  app.put(
    '/enrolments/:enrolmentId/choices',
    {
      config: { access: { permission: registrationPermissions.cursusWrite } },
      schema: {
        summary: 'Staff choose in a grouping of a learner’s cursus, at any time (window open or not).',
        description: choicesDescription,
        operationId: 'chooseInCursus',
        params: EnrolmentParams,
        body: PutChoices,
        response: { 200: Cursus },
      },
    },
    async (request) => chooseInGrouping(context, request.params.enrolmentId, request.body, staff(request.principal), originOf(request)),
  );

  app.post(
    '/enrolments/:enrolmentId/offers',
    {
      config: { access: { permission: registrationPermissions.cursusWrite } },
      schema: {
        summary: 'Staff accept or decline, for the learner, a seat offered from a waiting list.',
        operationId: 'answerOffer',
        params: EnrolmentParams,
        body: OfferAnswer,
        response: { 200: Cursus },
      },
    },
    async (request) => answerOffer(context, request.params.enrolmentId, request.body.path, request.body.accept, staff(request.principal), originOf(request)),
  );
}
