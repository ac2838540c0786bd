/** The slug of a problem's type (`urn:pegase:problem:<slug>`), which says what went wrong for a program. */
export function problemSlugOf(problem: { type?: string | undefined }): string | undefined {
  const type = problem.type ?? '';
  return type.startsWith('urn:pegase:problem:') ? type.slice('urn:pegase:problem:'.length) : undefined;
}
