import { describe, expect, it } from 'vitest';
import { pendingBatch, rowAfter, rowErrorsOf } from './grid.ts';

describe('the marks grid', () => {
  it('moves down with ↓ and Enter, up with ↑ and Shift+Enter, never past the ends', () => {
    expect(rowAfter({ key: 'Enter' }, 0, 3)).toBe(1);
    expect(rowAfter({ key: 'ArrowDown' }, 1, 3)).toBe(2);
    expect(rowAfter({ key: 'Enter' }, 2, 3)).toBeUndefined();
    expect(rowAfter({ key: 'Enter', shiftKey: true }, 2, 3)).toBe(1);
    expect(rowAfter({ key: 'ArrowUp' }, 1, 3)).toBe(0);
    expect(rowAfter({ key: 'ArrowUp' }, 0, 3)).toBeUndefined();
  });

  it('jumps by pages and to the ends with Ctrl, and leaves Home, End and other keys to the field', () => {
    expect(rowAfter({ key: 'PageDown' }, 0, 25)).toBe(10);
    expect(rowAfter({ key: 'PageDown' }, 20, 25)).toBe(24);
    expect(rowAfter({ key: 'PageUp' }, 4, 25)).toBe(0);
    expect(rowAfter({ key: 'End', ctrlKey: true }, 3, 25)).toBe(24);
    expect(rowAfter({ key: 'Home', metaKey: true }, 3, 25)).toBe(0);
    expect(rowAfter({ key: 'Home' }, 3, 25)).toBeUndefined();
    expect(rowAfter({ key: 'End' }, 3, 25)).toBeUndefined();
    expect(rowAfter({ key: 'Tab' }, 3, 25)).toBeUndefined();
    expect(rowAfter({ key: '5' }, 3, 25)).toBeUndefined();
  });

  it('sends the rows changed only, and keeps apart those typed wrong', () => {
    const lines = [
      { enrolmentId: 'a', mark: '12.500' },
      { enrolmentId: 'b', mark: null },
      { enrolmentId: 'c', mark: 'ABI' },
      { enrolmentId: 'd', mark: '8.000' },
      { enrolmentId: 'e', mark: null },
    ];
    const { batch, invalid } = pendingBatch(lines, { a: '12,5', b: '14,25', c: 'abj', d: '', e: '21' });
    expect(batch).toEqual([
      { enrolmentId: 'b', mark: '14.25' },
      { enrolmentId: 'c', mark: 'ABJ' },
      { enrolmentId: 'd', mark: null },
    ]);
    expect(invalid).toEqual({ e: { kind: 'invalid', reason: 'above' } });
  });

  it('puts the API’s errors on the rows of the batch they name', () => {
    const batch = [{ enrolmentId: 'b' }, { enrolmentId: 'c' }, { enrolmentId: 'd' }];
    expect(
      rowErrorsOf(
        [
          { field: '/marks/2/mark', message: 'not a number: a mark from 0 to 20 with at most 3 decimals, ABI or ABJ' },
          { field: '/marks/2', message: 'enrolment d is already marked earlier in this batch' },
          { field: '/marks/0', message: 'enrolment b is not on this sheet (its cursus does not follow X)' },
          { field: '/marks/1', message: 'something new' },
          { field: '/marks/9', message: 'out of the batch' },
          { message: 'no field' },
        ],
        batch,
      ),
    ).toEqual({ d: { kind: 'mark' }, b: { kind: 'notOnSheet' }, c: { kind: 'other', message: 'something new' } });
    expect(rowErrorsOf([{ field: '/marks/1', message: 'enrolment c is already marked earlier in this batch' }], batch)).toEqual({ c: { kind: 'twice' } });
    expect(rowErrorsOf(undefined, batch)).toEqual({});
  });
});
