import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { formatThousandths, parseThousandths, weightedMean } from './marks.ts';
import { evaluateSessions } from './sessions.ts';
import { ec, node, rules, t } from './test-trees.ts';

describe('marks in thousandths', () => {
  it('reads and prints decimals with up to 3 decimals, a comma too', () => {
    expect([parseThousandths('14.5'), parseThousandths('14,25'), parseThousandths('0.001'), parseThousandths('20')]).toEqual([14_500, 14_250, 1, 20_000]);
    expect([parseThousandths('14.2505'), parseThousandths('-1'), parseThousandths('abc')]).toEqual([undefined, undefined, undefined]);
    expect(formatThousandths(10_250)).toBe('10.250');
  });

  it('rounds a mean half up at the thousandth', () => {
    // 10.0005 → 10.001; 10.0004999… → 10.000
    expect(weightedMean(20_001, 2)).toBe(10_001);
    expect(weightedMean(30_001, 3)).toBe(10_000);
    expect(weightedMean(30_002, 3)).toBe(10_001);
  });
});

describe('the rules of a node', () => {
  it('adds the jury’s points to the mark for the decision, not to the mark', () => {
    const result = evaluate(ec('EC', rules(), ['9.5'], { juryPoints: t('0.5') }));
    expect([result.mark, result.decision, result.juryPoints]).toEqual([9_500, 'ADM', 500]);
    expect(result.explanation.reason).toEqual({ kind: 'pass-mark-reached', mark: 9_500, juryPoints: 500, passMark: 10_000 });
  });

  it('does not pass a node that does not compensate when one of its children failed, whatever its mean', () => {
    const ue = node('UE', rules({ compensates: false, credits: 6 }), [ec('UE>A', rules({ credits: 3 }), ['18']), ec('UE>B', rules({ credits: 3 }), ['9'])]);
    const result = evaluate(ue);
    expect([result.mark, result.decision, result.credits]).toEqual([13_500, 'AJ', 3_000]);
    expect(result.explanation.reason).toEqual({ kind: 'child-failed', child: 'UE>B' });
  });

  it('gives honours to a passed year: TB from 16, B from 14, AB from 12, else P', () => {
    const year = (mark: string) => evaluate(node('Y', rules({ honours: true }), [ec('Y>A', rules(), [mark])]));
    expect(['16', '15.999', '14', '12', '11.999', '9'].map((mark) => year(mark).honours)).toEqual(['TB', 'B', 'B', 'AB', 'P', null]);
  });

  it('leaves an exempted child out of the mean and counts its credits; a carried-over one counts its mark', () => {
    const ue = node('UE', rules({ credits: 9 }), [
      ec('UE>A', rules({ credits: 3 }), ['8']),
      ec('UE>B', rules({ credits: 3 }), [null], { exempted: true }),
      ec('UE>C', rules({ credits: 3 }), [null], { carriedMark: t('13') }),
    ]);
    const result = evaluate(ue);
    expect([result.mark, result.decision, result.credits]).toEqual([10_500, 'ADM', 9_000]);
    expect(result.explanation.leftOut).toEqual([{ part: 'UE>B', why: 'exempted' }]);
    expect(result.children.map((child) => child.decision)).toEqual(['CMP', 'DIS', 'ADM']);
  });

  it('counts a justified absence as 0 when the node says so', () => {
    const result = evaluate(node('UE', rules({ abjPolicy: 'zero' }), [ec('UE>A', rules(), ['ABJ']), ec('UE>B', rules(), ['16'])]));
    expect([result.mark, result.decision]).toEqual([8_000, 'AJ']);
  });

  it('waits for every mark: a mark not entered makes the results incomplete, and says where', () => {
    const result = evaluate(node('UE', rules(), [ec('UE>A', rules(), ['12', null])]));
    expect(result.decision).toBe('INC');
    expect(result.explanation.reason).toEqual({ kind: 'incomplete', below: 'UE' + '>A' });
  });
});

describe('session 2', () => {
  const year = (a: (string | null)[], b: (string | null)[], policy: 'best' | 'replace' = 'best') =>
    node('Y', rules({ credits: 6 }), [ec('Y>A', rules({ credits: 3, session2: policy }), a), ec('Y>B', rules({ credits: 3, session2: policy }), b)]);

  it('keeps session 1 for a learner who passed it', () => {
    const { session1, session2 } = evaluateSessions(year(['12'], ['11']), year(['2'], ['3']));
    expect(session2).toBe(session1);
  });

  it('keeps the elements passed at session 1, takes the better mark of the others', () => {
    // Session 1: A 12 ADM, B 6 AJ → 9 AJ. Session 2: B resat 9 (better) ; A's 5 is ignored (passed at session 1).
    const { session1, session2 } = evaluateSessions(year(['12'], ['6']), year(['5'], ['9']));
    expect([session1.mark, session1.decision]).toEqual([9_000, 'AJ']);
    expect([session2.mark, session2.decision, session2.credits]).toEqual([10_500, 'ADM', 6_000]);
    // A worse resit does not lower the mark under « best »; it does under « replace ».
    expect(evaluateSessions(year(['12'], ['6']), year([null], ['4'])).session2.mark).toBe(9_000);
    expect(evaluateSessions(year(['12'], ['6'], 'replace'), year([null], ['4'], 'replace')).session2.mark).toBe(8_000);
  });
});
