import {
  expectedVersion,
  historyRoute,
  IfMatchHeaders,
  listQuery,
  originOf,
  pageOf,
  scopeOf,
  sendCreated,
  sendVersioned,
  type ModuleApp,
  type ModuleContext,
} from '@pegase/platform';
import { IdParams } from '@pegase/referential/contract';
import {
  CancelEnrolment,
  CreateEnrolment,
  Enrolment,
  EnrolmentFilters,
  enrolmentPermissions,
  enrolmentSortFields,
  PaymentUpdate,
  SubmitHeaders,
} from '../../contract/index.ts';
import { cancelEnrolment, createEnrolment, setPaymentStatus, submitEnrolment, validateEnrolment } from './enrolment-commands.ts';
import { getEnrolment, listEnrolments } from './enrolment-queries.ts';
import { admissionRoutes } from '../admissions/admission-routes.ts';

const read = { access: { permission: enrolmentPermissions.enrolmentsRead } };
const write = { access: { permission: enrolmentPermissions.enrolmentsWrite } };

export async function enrolmentRoutes(app: ModuleApp, context: ModuleContext): Promise<void> {
  app.get(
    '/enrolments',
    {
      config: read,
      schema: {
        summary: 'The enrolments queue: by status, payment, point, period or learner; staff see the points of their structures.',
        operationId: 'listEnrolments',
        querystring: listQuery(enrolmentSortFields, EnrolmentFilters),
        response: { 200: pageOf(Enrolment) },
      },
    },
    async (request) => listEnrolments(context.db, scopeOf(request.principal), request.query),
  );

  app.post(
    '/enrolments',
    {
      config: write,
      schema: {
        summary: 'Start an enrolment (draft) of a learner at an enrolment point of the validated offer.',
        operationId: 'createEnrolment',
        body: CreateEnrolment,
        response: { 201: Enrolment },
      },
    },
    async (request, reply) => {
      const enrolment = await createEnrolment(context, request.body, originOf(request));
      return sendCreated(request, reply, enrolment, enrolment.id);
    },
  );

  app.get(
    '/enrolments/:id',
    { config: read, schema: { summary: 'Read one enrolment.', operationId: 'getEnrolment', params: IdParams, response: { 200: Enrolment } } },
    async (request, reply) => sendVersioned(reply, await getEnrolment(context.db, scopeOf(request.principal), request.params.id)),
  );

  app.post(
    '/enrolments/:id/submit',
    {
      config: write,
      schema: {
        summary: 'Submit an enrolment. Send an Idempotency-Key: a retry with the same key answers the same submission and changes nothing.',
        operationId: 'submitEnrolment',
        params: IdParams,
        headers: SubmitHeaders,
        response: { 200: Enrolment },
      },
    },
    async (request, reply) => sendVersioned(reply, await submitEnrolment(context, request.params.id, request.headers['idempotency-key'], originOf(request))),
  );

  app.post(
    '/enrolments/:id/validate',
    {
      config: write,
      schema: {
        summary: 'Validate a submitted enrolment whose fees are paid or waived.',
        operationId: 'validateEnrolment',
        params: IdParams,
        headers: IfMatchHeaders,
        response: { 200: Enrolment },
      },
    },
    async (request, reply) =>
      sendVersioned(reply, await validateEnrolment(context, request.params.id, expectedVersion(request.headers['if-match']), originOf(request))),
  );

  app.post(
    '/enrolments/:id/cancel',
    {
      config: write,
      schema: {
        summary: 'Cancel an enrolment, with the reason (kept; never deleted).',
        operationId: 'cancelEnrolment',
        params: IdParams,
        headers: IfMatchHeaders,
        body: CancelEnrolment,
        response: { 200: Enrolment },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await cancelEnrolment(context, request.params.id, request.body.reason, expectedVersion(request.headers['if-match']), originOf(request)),
      ),
  );

  app.put(
    '/enrolments/:id/payment-status',
    {
      config: write,
      schema: {
        summary: 'Set the payment status (the payment module does it through events; staff for an exemption decided at the desk).',
        operationId: 'setEnrolmentPaymentStatus',
        params: IdParams,
        body: PaymentUpdate,
        response: { 200: Enrolment },
      },
    },
    async (request, reply) => sendVersioned(reply, await setPaymentStatus(context, request.params.id, request.body.paymentStatus, originOf(request))),
  );

  historyRoute(app, context, {
    url: '/enrolments/:id/history',
    params: IdParams,
    targetType: 'enrolment',
    targetIdOf: (params) => params.id,
    ensureExists: (params, request) => getEnrolment(context.db, scopeOf(request.principal), params.id),
    permission: enrolmentPermissions.enrolmentsRead,
    summary: 'The history of an enrolment: created, submitted, validated or cancelled, payment — who and when.',
    operationId: 'getEnrolmentHistory',
  });

  await admissionRoutes(app, context);
}
