import { describe, expect, it } from 'vitest';
import { MAX_TEACHERS, teacherLinesOf } from './teachers.ts';

describe('the teachers typed one a line', () => {
  it('keeps each login once, case ignored, with the line it was typed on', () => {
    expect(teacherLinesOf('  teacher \n\nm.durand@univ.fr\nTEACHER\n')).toEqual({
      logins: [
        { line: 1, login: 'teacher' },
        { line: 3, login: 'm.durand@univ.fr' },
      ],
      errors: [],
    });
    expect(teacherLinesOf('')).toEqual({ logins: [], errors: [] });
  });

  it('says which lines are no login, and those past the limit', () => {
    expect(teacherLinesOf('teacher\nMarie Durand\n-x').errors).toEqual([
      { line: 2, login: 'Marie Durand' },
      { line: 3, login: '-x' },
    ]);
    const many = Array.from({ length: MAX_TEACHERS + 1 }, (_, index) => `t${index}`).join('\n');
    expect(teacherLinesOf(many).errors).toEqual([{ line: MAX_TEACHERS + 1, login: `t${MAX_TEACHERS}`, tooMany: true }]);
  });
});
