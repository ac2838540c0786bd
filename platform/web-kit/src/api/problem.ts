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

/** The slug of a problem's type (`urn:pegase:problem:<slug>`), which says what went wrong for a program. */
export function problemSlugOf(problem: { type?: string | undefined }): string | undefined {
  const type = problem.type ?? '';
  return type.startsWith('urn:pegase:problem:') ? type.slice('urn:pegase:problem:'.length) : undefined;
}
