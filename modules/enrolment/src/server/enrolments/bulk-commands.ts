import { Problem, SQLSTATE, sqlState, validationProblem, type Logger, type ModuleContext, type Origin } from '@pegase/platform';
import type { BulkEnrolmentAction, BulkEnrolmentOutcome, BulkEnrolmentResult, BulkProblem, Enrolment } from '../../contract/index.ts';
import { cancelEnrolment, validateEnrolment } from './enrolment-commands.ts';

/** The request's logger (its lines carry the request id). */
type Log = Pick<Logger, 'info' | 'error'>;

/** A cancellation needs its reason; a validation takes none (the body is malformed otherwise, as a missing field is). */
export function checkBulkAction(input: BulkEnrolmentAction): void {
  if (input.action === 'cancel' && input.reason === undefined) {
    throw validationProblem('The body field /reason is required to cancel: it is kept on each enrolment.', [
      { in: 'body', field: '/reason', message: 'is required' },
    ]);
  }
  if (input.action === 'validate' && input.reason !== undefined) {
    throw validationProblem('The body field /reason goes with a cancellation only.', [{ in: 'body', field: '/reason', message: 'is not a known field' }]);
  }
}

/**
 * What refused one enrolment, as the single route would have answered it. A
 * fault that is not a problem (the database) is reported the way the error
 * handler reports it: its transaction was rolled back, so nothing changed
 * for that enrolment either.
 */
function problemOf(error: unknown, enrolmentId: string, log: Log): BulkProblem {
  let problem: Problem;
  if (error instanceof Problem) problem = error;
  else if (sqlState(error) === SQLSTATE.serializationFailure || sqlState(error) === SQLSTATE.deadlockDetected) {
    problem = new Problem(503, 'busy', 'Try again', 'The change collided with a simultaneous one and was not applied; send this enrolment again.');
  } else {
    log.error({ err: error, enrolmentId }, 'bulk action failed on one enrolment');
    problem = new Problem(
      500,
      'internal',
      'Internal error',
      'The server could not handle this enrolment. Nothing was changed for it; quote the request id to your support team.',
    );
  }
  return { type: problem.type, title: problem.title, status: problem.status, detail: problem.message };
}

/**
 * Validates or cancels each enrolment in turn, each in its own transaction,
 * through the very commands of the single routes: each change checks the
 * caller's scope over the enrolment's point, writes its audit entry and
 * publishes its event as the single action does. One enrolment refused
 * (outside the caller's structures, fees not settled…) changes nothing for
 * it and does not stop the others.
 */
export async function runBulkAction(context: ModuleContext, input: BulkEnrolmentAction, origin: Origin, log: Log): Promise<BulkEnrolmentOutcome> {
  checkBulkAction(input);
  const act = (id: string): Promise<Enrolment> =>
    input.action === 'validate' ? validateEnrolment(context, id, undefined, origin) : cancelEnrolment(context, id, input.reason!, undefined, origin);
  const results: BulkEnrolmentResult[] = [];
  for (const enrolmentId of input.enrolmentIds) {
    try {
      const enrolment = await act(enrolmentId);
      results.push({ enrolmentId, outcome: 'done', status: enrolment.status });
    } catch (error) {
      results.push({ enrolmentId, outcome: 'failed', problem: problemOf(error, enrolmentId, log) });
    }
  }
  const done = results.filter((result) => result.outcome === 'done').length;
  log.info({ action: input.action, done, failed: results.length - done }, 'bulk enrolment action');
  return { done, failed: results.length - done, results };
}
