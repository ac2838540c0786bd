import { preconditionFailed, validationProblem } from '@pegase/platform';

/**
 * Optimistic concurrency: GET answers `ETag: "<version>"`; an update may send
 * `If-Match` with it, and is refused with 412 when someone changed the record
 * meanwhile, instead of silently overwriting their change.
 */
export function expectedVersion(ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined || ifMatch.trim() === '*') return undefined;
  const match = /^(?:W\/)?"(\d+)"$/.exec(ifMatch.trim());
  if (!match)
    throw validationProblem('If-Match must be the ETag returned by a GET, e.g. "3".', [
      { in: 'headers', field: '/if-match', message: 'must be an ETag such as "3"' },
    ]);
  return Number(match[1]);
}

export function checkVersion(what: string, current: number, expected: number | undefined): void {
  if (expected !== undefined && expected !== current) {
    throw preconditionFailed(`${what} was changed by someone else (version ${current}, you sent ${expected}). Reload it and apply your change again.`);
  }
}

export function etag(version: number): string {
  return `"${version}"`;
}
