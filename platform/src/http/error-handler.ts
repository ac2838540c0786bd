import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorObject } from 'ajv';
import { Problem, validationProblem } from '../errors/problem.ts';
import { constraintName, SQLSTATE, sqlState } from '../db/postgres-errors.ts';
import { fieldErrors } from './validation.ts';
import { isApplicationPage } from './web-app.ts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * Every error leaves as problem+json. Validation errors name their fields;
 * a known client error keeps its status; anything else is a 500 whose detail
 * reveals nothing but the request id to quote to the operators.
 */
export function installErrorHandling(app: FastifyInstance, applicationPage?: (request: FastifyRequest, reply: FastifyReply) => FastifyReply): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = toProblem(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ problem: problem.slug, detail: problem.message }, 'request refused');
    return sendProblem(request, reply, problem);
  });

  app.setNotFoundHandler((request, reply) =>
    applicationPage !== undefined && isApplicationPage(request)
      ? applicationPage(request, reply)
      : sendProblem(
          request,
          reply,
          new Problem(404, 'not-found', 'Not found', `No route ${request.method} ${request.url.split('?')[0]}. The API is described at /api/openapi.json.`),
        ),
  );
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: Problem): FastifyReply {
  const body = problem.toJSON(request.url.split('?')[0], String(request.id));
  return reply.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}

function toProblem(error: FastifyError): Problem {
  if (error instanceof Problem) return error;
  if (error.validation) {
    const part = error.validationContext ?? 'request';
    const errors = fieldErrors(error.validation as unknown as ErrorObject[], part);
    const first = errors[0];
    const detail = first
      ? `The ${part} field ${first.field} ${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}.`
      : `The ${part} is invalid.`;
    return validationProblem(detail, errors);
  }
  const state = sqlState(error);
  if (state === SQLSTATE.serializationFailure || state === SQLSTATE.deadlockDetected) {
    return new Problem(503, 'busy', 'Try again', 'The change collided with a simultaneous one and was not applied; send the same request again.');
  }
  if (state === SQLSTATE.uniqueViolation) {
    return new Problem(409, 'duplicate', 'Conflict', `A record with the same unique value already exists (${constraintName(error) ?? 'unique constraint'}).`);
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return new Problem(status, clientSlug(error), httpTitle(status), clientDetail(error, status));
  }
  return new Problem(
    500,
    'internal',
    'Internal error',
    'The server could not complete the request. Nothing was changed; quote the request id to your support team.',
  );
}

function clientSlug(error: FastifyError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'payload-too-large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'unsupported-media-type';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'malformed-body';
    default:
      return 'bad-request';
  }
}

function clientDetail(error: FastifyError, status: number): string {
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return `${error.message}. Send application/json unless the route documents another type.`;
  if (status === 400 && error instanceof SyntaxError) return `The body is not valid JSON: ${error.message}`;
  return error.message;
}

function httpTitle(status: number): string {
  const titles: Record<number, string> = {
    400: 'Bad request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not found',
    405: 'Method not allowed',
    406: 'Not acceptable',
    409: 'Conflict',
    413: 'Payload too large',
    415: 'Unsupported media type',
    429: 'Too many requests',
  };
  return titles[status] ?? 'Client error';
}
