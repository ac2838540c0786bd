import createClient, { type Middleware } from 'openapi-fetch';
import { accessToken, login } from '../auth/session.tsx';
import type { components, paths } from './schema';

export type { components, paths };

/** An RFC 9457 problem, as every Pégase route answers an error. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: { in?: string; field?: string; message: string }[];
  requestId?: string;
}

export class ProblemError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.problem = problem;
  }
}

const bearer: Middleware = {
  async onRequest({ request }) {
    const token = await accessToken();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
  async onResponse({ response }) {
    if (response.ok) return response;
    if (response.status === 401) void login();
    let problem: Problem = { status: response.status };
    try {
      problem = { ...((await response.clone().json()) as Partial<Problem>), status: response.status };
    } catch {
      // Not a problem document: keep the status.
    }
    throw new ProblemError(problem);
  },
};

export const api = createClient<paths>({ baseUrl: location.origin });
api.use(bearer);

/** The data of a call, or the problem it met as an exception (for TanStack Query). */
export function dataOf<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data === undefined) throw new ProblemError({ status: result.response.status });
  return result.data;
}
