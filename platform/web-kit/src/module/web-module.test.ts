import { describe, expect, it } from 'vitest';
import type { Session } from '../auth/session.tsx';
import { mayUse } from './web-module.ts';

const session = (roles: Session['roles']) => ({ roles }) as Session;

describe('who may use a page', () => {
  it('lets a role use what is meant for it, and admins every staff page', () => {
    expect(mayUse(session(['staff']), ['staff'])).toBe(true);
    expect(mayUse(session(['admin']), ['staff'])).toBe(true);
    expect(mayUse(session(['teacher', 'staff']), ['teacher'])).toBe(true);
  });

  it('keeps students and teachers out of the back office, and admins out of the student portal', () => {
    expect(mayUse(session(['student']), ['staff'])).toBe(false);
    expect(mayUse(session(['teacher']), ['staff'])).toBe(false);
    expect(mayUse(session(['admin']), ['student'])).toBe(false);
    expect(mayUse(session([]), ['student', 'teacher'])).toBe(false);
  });
});
