/**
 * RFC 9457 problem details. Every API error leaves Pégase as one of these, with
 * a `detail` a person can act on. `type` is a stable URN listed in
 * docs/api/problems.md so that clients can branch on it.
 */
export interface FieldError {
  /** Which part of the request: body, querystring, params, headers. */
  in: string;
  /** JSON pointer to the field, for example `/code` or `/labels/fr`. */
  field: string;
  message: string;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

const PROBLEM_URN = 'urn:pegase:problem:';

export class Problem extends Error {
  readonly status: number;
  readonly slug: string;
  readonly title: string;
  readonly extensions: Record<string, unknown>;

  constructor(status: number, slug: string, title: string, detail: string, extensions: Record<string, unknown> = {}) {
    super(detail);
    this.name = 'Problem';
    this.status = status;
    this.slug = slug;
    this.title = title;
    this.extensions = extensions;
  }

  get type(): string {
    return PROBLEM_URN + this.slug;
  }

  toJSON(instance?: string, requestId?: string): ProblemDetails {
    return {
      type: this.type,
      title: this.title,
      status: this.status,
      detail: this.message,
      ...(instance === undefined ? {} : { instance }),
      ...(requestId === undefined ? {} : { requestId }),
      ...this.extensions,
    };
  }
}

/** The request is malformed or a field is invalid; `errors` names the fields. */
export function validationProblem(detail: string, errors: FieldError[]): Problem {
  return new Problem(400, 'validation', 'Invalid request', detail, { errors });
}

/** The request is well-formed but breaks a business rule. */
export function ruleProblem(slug: string, detail: string, errors?: FieldError[]): Problem {
  return new Problem(422, slug, 'Business rule violated', detail, errors === undefined ? {} : { errors });
}

export function notFound(what: string, id: string): Problem {
  return new Problem(404, 'not-found', 'Not found', `${what} ${id} does not exist.`);
}

export function conflict(slug: string, detail: string, errors?: FieldError[]): Problem {
  return new Problem(409, slug, 'Conflict', detail, errors === undefined ? {} : { errors });
}

export function preconditionFailed(detail: string): Problem {
  return new Problem(412, 'stale-version', 'Precondition failed', detail);
}
