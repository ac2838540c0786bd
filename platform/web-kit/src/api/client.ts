import createClient, { type Middleware } from 'openapi-fetch';
import { accessToken, login } from '../auth/session.tsx';
import type { components, paths } from './schema';
import { ProblemError, type Problem } from './problem.ts';

export { ProblemError, type Problem };

export type { components, paths };

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
