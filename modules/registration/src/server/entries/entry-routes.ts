import { originOf, scopeOf, type ModuleApp, type ModuleContext } from '@pegase/platform';
import { Cursus, EnrolmentParams, EntryQuery, PutArrangements, PutCarriedCredit, PutExemption, registrationPermissions } from '../../contract/index.ts';
import { setArrangements, setCarriedCredit, setExemption } from './entry-commands.ts';

const write = { access: { permission: registrationPermissions.cursusWrite } };

/** Exemptions, credits carried over and special arrangements: the scolarité's entries of a cursus. */
export async function entryRoutes(app: ModuleApp, context: ModuleContext): Promise<void> {
  const staff = (request: { principal: Parameters<typeof scopeOf>[0] }) => ({ kind: 'staff' as const, scope: scopeOf(request.principal) });

  app.put(
    '/enrolments/:enrolmentId/exemptions',
    {
      config: write,
      schema: {
        summary: 'Exempt (dispense) the learner from an object of their cursus, with the reason; audited and announced.',
        operationId: 'setExemption',
        params: EnrolmentParams,
        body: PutExemption,
        response: { 200: Cursus },
      },
    },
    async (request) => setExemption(context, request.params.enrolmentId, request.body.path, request.body.reason, staff(request), originOf(request)),
  );

  app.delete(
    '/enrolments/:enrolmentId/exemptions',
    {
      config: write,
      schema: {
        summary: 'Lift the exemption of an object of the cursus.',
        operationId: 'liftExemption',
        params: EnrolmentParams,
        querystring: EntryQuery,
        response: { 200: Cursus },
      },
    },
    async (request) => setExemption(context, request.params.enrolmentId, request.query.path, null, staff(request), originOf(request)),
  );

  app.put(
    '/enrolments/:enrolmentId/carried-credits',
    {
      config: write,
      schema: {
        summary: 'Record an object of the cursus as acquired in an earlier year, with its mark on 20 (exact decimal string), which the results count.',
        operationId: 'setCarriedCredit',
        params: EnrolmentParams,
        body: PutCarriedCredit,
        response: { 200: Cursus },
      },
    },
    async (request) =>
      setCarriedCredit(
        context,
        request.params.enrolmentId,
        request.body.path,
        { mark: request.body.mark, fromPeriod: request.body.fromPeriod },
        staff(request),
        originOf(request),
      ),
  );

  app.delete(
    '/enrolments/:enrolmentId/carried-credits',
    {
      config: write,
      schema: {
        summary: 'Lift a credit carried over.',
        operationId: 'liftCarriedCredit',
        params: EnrolmentParams,
        querystring: EntryQuery,
        response: { 200: Cursus },
      },
    },
    async (request) => setCarriedCredit(context, request.params.enrolmentId, request.query.path, null, staff(request), originOf(request)),
  );

  app.put(
    '/enrolments/:enrolmentId/arrangements',
    {
      config: write,
      schema: {
        summary: 'Set the special arrangements (aménagements: extra time, a separate room…) of a cursus, as a whole list.',
        operationId: 'setArrangements',
        params: EnrolmentParams,
        body: PutArrangements,
        response: { 200: Cursus },
      },
    },
    async (request) => setArrangements(context, request.params.enrolmentId, request.body.arrangements, staff(request), originOf(request)),
  );
}
