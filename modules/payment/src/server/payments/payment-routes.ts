import { Type } from 'typebox';
import { originOf, Problem, scopeOf, sendVersioned, systemActor, type ModuleApp, type ModuleContext } from '@pegase/platform';
import { IdParams } from '@pegase/referential/contract';
import { CallbackResult, CreateRefund, Payment, paymentPermissions, ProviderCallback, StartedPayment, StartPayment } from '../../contract/index.ts';
import type { PaymentProvider } from '../provider/provider.ts';
import { SIGNATURE_HEADER } from '../provider/signature.ts';
import { assertManagesEnrolment, enrolmentInScope, ownEnrolment } from '../shared/scope.ts';
import { applyCallback, refundPayment, startPayment, type Providers } from './payment-commands.ts';
import { paymentRow, paymentsOfEnrolment, toPayment } from './payment-queries.ts';

const read = { access: { permission: paymentPermissions.paymentsRead } };
const self = { access: { permission: paymentPermissions.self } };

export async function paymentRoutes(app: ModuleApp, context: ModuleContext, providers: Providers): Promise<void> {
  app.post(
    '/me/enrolments/:id/payments',
    {
      config: self,
      schema: {
        summary:
          'Start paying the fees of the signed-in student’s enrolment, at once or in three instalments: answers the provider’s page to send the browser to.',
        operationId: 'startMyPayment',
        params: IdParams,
        body: StartPayment,
        response: { 201: StartedPayment },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await startPayment(context, providers, request.principal, request.params.id, request.body, originOf(request))),
  );

  app.get(
    '/me/enrolments/:id/payments',
    {
      config: self,
      schema: {
        summary: 'The payments of the signed-in student’s enrolment, oldest first, with their instalments and refunds.',
        operationId: 'listMyPayments',
        params: IdParams,
        response: { 200: Type.Array(Payment) },
      },
    },
    async (request) => paymentsOfEnrolment(context.db, (await ownEnrolment(context.db, request.principal, request.params.id)).id),
  );

  app.get(
    '/enrolments/:id/payments',
    {
      config: read,
      schema: {
        summary: 'The payments of an enrolment, oldest first, with their instalments and refunds; staff for the points of their structures.',
        operationId: 'listEnrolmentPayments',
        params: IdParams,
        response: { 200: Type.Array(Payment) },
      },
    },
    async (request) =>
      paymentsOfEnrolment(context.db, (await enrolmentInScope(context.db, scopeOf(request.principal), request.params.id, 'read these payments')).id),
  );

  app.get(
    '/payments/:id',
    { config: read, schema: { summary: 'Read one payment.', operationId: 'getPayment', params: IdParams, response: { 200: Payment } } },
    async (request, reply) => {
      const row = await paymentRow(context.db, request.params.id);
      await assertManagesEnrolment(context.db, scopeOf(request.principal), row.enrolmentId, 'read this payment');
      return sendVersioned(reply, await toPayment(context.db, row));
    },
  );

  app.post(
    '/payments/:id/refunds',
    {
      config: { access: { permission: paymentPermissions.refundsWrite } },
      schema: {
        summary:
          'Refund part or all of a payment, with a reason: recorded, never deleted; all refunds add up to at most what was paid (422 refund-exceeds-paid).',
        operationId: 'refundPayment',
        params: IdParams,
        body: CreateRefund,
        response: { 201: Payment },
      },
    },
    async (request, reply) => sendVersioned(reply, await refundPayment(context, providers, request.params.id, request.body, originOf(request)), 201),
  );

  for (const provider of Object.values(providers)) await callbackRoute(app, context, provider);
}

/**
 * `POST /provider/<name>/callback`: public (the provider has no token) but
 * signed. The body is read as bytes, its signature checked on them before
 * anything else (401 `invalid-signature`, nothing changes), then parsed and
 * validated like any body.
 */
async function callbackRoute(app: ModuleApp, context: ModuleContext, provider: PaymentProvider): Promise<void> {
  await app.register(async (plugin) => {
    const scope = plugin as unknown as ModuleApp;
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    scope.addHook('preValidation', async (request) => {
      const raw = request.body;
      if (!Buffer.isBuffer(raw) || !(await provider.verifyCallback(raw, request.headers))) {
        throw new Problem(
          401,
          'invalid-signature',
          'Unauthorized',
          `The callback is not signed by the ${provider.name} provider: ${SIGNATURE_HEADER} must be the HMAC-SHA256 of the raw body with the shared secret.`,
        );
      }
      try {
        request.body = JSON.parse(raw.toString('utf8'));
      } catch {
        throw new Problem(400, 'malformed-body', 'Malformed body', 'The callback body is not valid JSON.');
      }
    });
    scope.post(
      `/provider/${provider.name}/callback`,
      {
        config: { access: { public: true } },
        schema: {
          summary: `Callback of the ${provider.name} provider: the outcome of one instalment, signed (${SIGNATURE_HEADER}: sha256=<hex HMAC-SHA256 of the raw body>). The same transaction id twice has one effect.`,
          operationId: `${provider.name}ProviderCallback`,
          body: ProviderCallback,
          response: { 200: CallbackResult },
        },
      },
      async (request) =>
        applyCallback(context, provider.name, request.body, {
          requestId: String(request.id),
          actor: systemActor(`payment-provider-${provider.name}`),
          scope: { global: true },
        }),
    );
  });
}
