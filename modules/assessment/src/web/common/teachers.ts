/** A teacher's login as the API takes it (the contract's TeacherLogin). */
const LOGIN = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/;
/** The API takes at most this many teachers for one element. */
export const MAX_TEACHERS = 100;

export interface TeacherLine {
  /** The line of the field it was typed on, from 1. */
  line: number;
  login: string;
}
export interface TeacherLineError extends TeacherLine {
  tooMany?: boolean;
}

/**
 * The logins typed in the teachers' field, one a line: blank lines left
 * out, spaces trimmed, a login typed twice (case ignored, as the API
 * compares them) kept once; the lines that are no login, and those past
 * the API's limit.
 */
export function teacherLinesOf(text: string): { logins: TeacherLine[]; errors: TeacherLineError[] } {
  const logins: TeacherLine[] = [];
  const errors: TeacherLineError[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const login = raw.trim();
    if (login === '') return;
    const line = index + 1;
    if (!LOGIN.test(login)) errors.push({ line, login });
    else if (!seen.has(login.toLowerCase())) {
      seen.add(login.toLowerCase());
      if (logins.length === MAX_TEACHERS) errors.push({ line, login, tooMany: true });
      else logins.push({ line, login });
    }
  });
  return { logins, errors };
}
