import { originOf, type ModuleApp, type ModuleContext } from '@pegase/platform';
import { BulkEnrolmentAction, BulkEnrolmentOutcome, enrolmentPermissions } from '../../contract/index.ts';
import { runBulkAction } from './bulk-commands.ts';

/** The back office's bulk actions on the queue's enrolments. */
export async function bulkRoutes(app: ModuleApp, context: ModuleContext): Promise<void> {
  app.post(
    '/enrolments/bulk',
    {
      config: { access: { permission: enrolmentPermissions.enrolmentsWrite } },
      schema: {
        summary: 'Validate or cancel up to 500 enrolments at once; each is handled as its single route would, and the results say which went through.',
        description:
          'Each enrolment is validated (as POST /enrolments/{id}/validate) or cancelled with the reason (as POST /enrolments/{id}/cancel) in its own ' +
          'transaction, with its audit entry and its event. One that is refused — outside the caller’s structures (403 outside-scope), not submitted, ' +
          'documents pending, fees not settled, unknown — is reported with that problem and nothing changes for it; the others go through. ' +
          'Cancelling an enrolment already cancelled changes nothing and counts as done. The answer is 200 whatever the outcomes.',
        operationId: 'bulkEnrolmentAction',
        body: BulkEnrolmentAction,
        response: { 200: BulkEnrolmentOutcome },
      },
    },
    async (request) => runBulkAction(context, request.body, originOf(request), request.log),
  );
}
