import { Type } from 'typebox';
import { expectedVersion, IfMatchHeaders, originOf, scopeOf, sendVersioned, type ModuleApp, type ModuleContext } from '@pegase/platform';
import { IdParams } from '@pegase/referential/contract';
import {
  FeeRules,
  Fees,
  paymentPermissions,
  PeriodParams,
  PointLevel,
  PointParams,
  PointsQuery,
  PutFeeRules,
  PutPointLevel,
  PutSettings,
  Settings,
} from '../../contract/index.ts';
import { enrolmentInScope, ownEnrolment } from '../shared/scope.ts';
import { putFeeRules, putPointLevel, putSettings } from './fee-commands.ts';
import { feesOf, getFeeRules, getSettings, listPointLevels } from './fee-queries.ts';

const rulesRead = { access: { permission: paymentPermissions.rulesRead } };
const rulesWrite = { access: { permission: paymentPermissions.rulesWrite } };

export async function feeRoutes(app: ModuleApp, context: ModuleContext): Promise<void> {
  app.get(
    '/periods/:periodId/fee-rules',
    {
      config: rulesRead,
      schema: {
        summary: 'The fee rules of a period: base amount per diploma level, exemptions and reductions by profile, extra lines, instalments.',
        operationId: 'getFeeRules',
        params: PeriodParams,
        response: { 200: FeeRules },
      },
    },
    async (request, reply) => sendVersioned(reply, await getFeeRules(context.db, request.params.periodId)),
  );

  app.put(
    '/periods/:periodId/fee-rules',
    {
      config: rulesWrite,
      schema: {
        summary:
          'Set the fee rules of a period, whole (amounts in cents). They apply to fees computed from then on; a payment keeps the breakdown it started with.',
        operationId: 'putFeeRules',
        params: PeriodParams,
        headers: IfMatchHeaders,
        body: PutFeeRules,
        response: { 200: FeeRules },
      },
    },
    async (request, reply) =>
      sendVersioned(reply, await putFeeRules(context, request.params.periodId, request.body, expectedVersion(request.headers['if-match']), originOf(request))),
  );

  app.get(
    '/points',
    {
      config: rulesRead,
      schema: {
        summary: 'The enrolment points of a period with their diploma level (null: not set, their fees cannot be computed).',
        operationId: 'listPointLevels',
        querystring: PointsQuery,
        response: { 200: Type.Array(PointLevel) },
      },
    },
    async (request) => listPointLevels(context.db, request.query.periodId),
  );

  app.put(
    '/points/:pointId/level',
    {
      config: rulesWrite,
      schema: {
        summary: 'Set the diploma level of an enrolment point (LICENCE, MASTER, DOCTORAT…): the fee rules give an amount per level.',
        operationId: 'putPointLevel',
        params: PointParams,
        body: PutPointLevel,
        response: { 200: PointLevel },
      },
    },
    async (request) => putPointLevel(context, request.params.pointId, request.body.level, originOf(request)),
  );

  app.get(
    '/settings',
    {
      config: rulesRead,
      schema: { summary: 'The provider new payments go through.', operationId: 'getPaymentSettings', response: { 200: Settings } },
    },
    async () => getSettings(context.db),
  );

  app.put(
    '/settings',
    {
      config: rulesWrite,
      schema: {
        summary: 'Choose the provider new payments go through: none closes online payment; test is the sandbox’s simulated bank, where no money moves.',
        operationId: 'putPaymentSettings',
        body: PutSettings,
        response: { 200: Settings },
      },
    },
    async (request) => putSettings(context, request.body.provider, originOf(request)),
  );

  app.get(
    '/enrolments/:id/fees',
    {
      config: { access: { permission: paymentPermissions.paymentsRead } },
      schema: {
        summary: 'The fees of an enrolment with their breakdown and the instalment plans offered; staff for the points of their structures.',
        operationId: 'getEnrolmentFees',
        params: IdParams,
        response: { 200: Fees },
      },
    },
    async (request) => feesOf(context.db, await enrolmentInScope(context.db, scopeOf(request.principal), request.params.id, 'read the fees of this enrolment')),
  );

  app.get(
    '/me/enrolments/:id/fees',
    {
      config: { access: { permission: paymentPermissions.self } },
      schema: {
        summary: 'The fees of the signed-in student’s enrolment, with their breakdown and the instalment plans offered.',
        operationId: 'getMyEnrolmentFees',
        params: IdParams,
        response: { 200: Fees },
      },
    },
    async (request) => feesOf(context.db, await ownEnrolment(context.db, request.principal, request.params.id)),
  );
}
