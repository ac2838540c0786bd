import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { onTwenty, readMark } from './scale.ts';

describe('marks on other scales, converted to 20', () => {
  it('converts exactly when the scale divides', () => {
    expect(onTwenty(7_500, 10)).toBe(15_000);
    expect(onTwenty(67_500, 100)).toBe(13_500);
    expect(onTwenty(1_000, 8)).toBe(2_500);
    expect(onTwenty(1_000_000, 1000)).toBe(20_000);
    expect(onTwenty(0, 7)).toBe(0);
    expect(onTwenty(12_345, 20)).toBe(12_345);
  });

  it('rounds half up to the thousandth, never through floating point', () => {
    // 2/3 → 13.333…; 1/3 → 6.666… → 6.667; 1/7 → 2.857142… → 2.857.
    expect(onTwenty(2_000, 3)).toBe(13_333);
    expect(onTwenty(1_000, 3)).toBe(6_667);
    expect(onTwenty(1_000, 7)).toBe(2_857);
    // 0.001/40 → 0.0005/20: exactly half a thousandth, rounded up.
    expect(onTwenty(1, 40)).toBe(1);
    // 0.001/80 → 0.00025/20: below half, rounded down.
    expect(onTwenty(1, 80)).toBe(0);
    // 12.345/16 → 15.43125/20 → 15.431; 12.346/16 → 15.4325 → 15.433 (half up).
    expect(onTwenty(12_345, 16)).toBe(15_431);
    expect(onTwenty(12_346, 16)).toBe(15_433);
  });

  it('is the nearest thousandth, half up, for every mark and scale', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0, max: 1, noNaN: true }), (scale, share) => {
        const mark = Math.floor(share * scale * 1000);
        const converted = onTwenty(mark, scale);
        // converted = round half up of 20·mark/scale: 2·scale·converted ≤ 40·mark + scale < 2·scale·(converted + 1).
        expect(2 * scale * converted).toBeLessThanOrEqual(40 * mark + scale);
        expect(40 * mark + scale).toBeLessThan(2 * scale * (converted + 1));
        expect(converted).toBeGreaterThanOrEqual(0);
        expect(converted).toBeLessThanOrEqual(20_000);
      }),
    );
  });

  it('reads a mark on its scale, or says why it is not one', () => {
    expect(readMark('12,5', 20)).toEqual({ ok: true, text: '12.500' });
    expect(readMark(' 7.25 ', 10)).toEqual({ ok: true, text: '7.250' });
    expect(readMark('100', 100)).toEqual({ ok: true, text: '100.000' });
    expect(readMark('abj', 20)).toEqual({ ok: true, text: 'ABJ' });
    expect(readMark('14.5000', 20)).toEqual({ ok: true, text: '14.500' });
    expect(readMark('12,3456', 20)).toMatchObject({ ok: false, why: 'too-many-decimals' });
    expect(readMark('12.5', 10)).toMatchObject({ ok: false, why: 'out-of-scale' });
    expect(readMark('-1', 20)).toMatchObject({ ok: false, why: 'out-of-scale' });
    expect(readMark('99999999', 1000)).toMatchObject({ ok: false, why: 'out-of-scale' });
    expect(readMark('douze', 20)).toMatchObject({ ok: false, why: 'not-a-number' });
    expect(readMark('1e3', 1000)).toMatchObject({ ok: false, why: 'not-a-number' });
    expect(readMark('', 20)).toMatchObject({ ok: false, why: 'not-a-number' });
    expect(readMark('12 5', 1000)).toMatchObject({ ok: false, why: 'not-a-number' });
    expect(readMark('\u00a013,5\u202f', 20)).toEqual({ ok: true, text: '13.500' });
  });
});
