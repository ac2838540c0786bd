import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { formatThousandths } from './marks.ts';
import type { NodeResult } from './rules.ts';
import { ec, node, rules } from './test-trees.ts';

/**
 * DOMAIN.md's worked examples: S1 (compensates, 30 credits) with UE1 and UE2
 * (coefficient 1, 15 credits each); UE1 has EC11 (coefficient 2, 9 credits)
 * and EC12 (coefficient 1, 6 credits), UE2 has EC21 and EC22 (coefficient
 * 1, 9 and 6 credits).
 */
function semester(marks: [string, string, string, string], options: { ec21Eliminatory?: number } = {}) {
  const [ec11, ec12, ec21, ec22] = marks;
  return node('S1', rules({ credits: 30 }), [
    node('S1>UE1', rules({ credits: 15 }), [
      ec('S1>UE1>EC11', rules({ coefficient: 2, credits: 9 }), [ec11]),
      ec('S1>UE1>EC12', rules({ credits: 6 }), [ec12]),
    ]),
    node('S1>UE2', rules({ credits: 15 }), [
      ec('S1>UE2>EC21', rules({ credits: 9, eliminatory: options.ec21Eliminatory ?? null }), [ec21]),
      ec('S1>UE2>EC22', rules({ credits: 6 }), [ec22]),
    ]),
  ]);
}

const find = (result: NodeResult, path: string): NodeResult => {
  if (result.path === path) return result;
  for (const child of result.children) {
    const found = child.path === path || path.startsWith(`${child.path}>`) ? find(child, path) : undefined;
    if (found !== undefined) return found;
  }
  throw new Error(`no ${path}`);
};
const shown = (result: NodeResult, path: string) => {
  const found = find(result, path);
  return `${found.mark === null ? '' : `${formatThousandths(found.mark)} `}${found.decision}`;
};

describe('the worked examples of DOMAIN.md', () => {
  it.each([
    { case: 1, marks: ['8', '14', '9', '7'], ue1: '10.000 ADM', ue2: '8.000 AJ', s1: '9.000 AJ', credits: 15, cmp: ['S1>UE1>EC11'] },
    { case: 2, marks: ['8', '14', '9', '11'], ue1: '10.000 ADM', ue2: '10.000 ADM', s1: '10.000 ADM', credits: 30, cmp: ['S1>UE1>EC11', 'S1>UE2>EC21'] },
    {
      case: 3,
      marks: ['11', '14', '9', '8'],
      ue1: '12.000 ADM',
      ue2: '8.500 CMP',
      s1: '10.250 ADM',
      credits: 30,
      cmp: ['S1>UE2', 'S1>UE2>EC21', 'S1>UE2>EC22'],
    },
    { case: 4, marks: ['8', '14', 'ABI', '15'], ue1: '10.000 ADM', ue2: 'DEF', s1: 'DEF', credits: 15, cmp: ['S1>UE1>EC11'] },
    { case: 5, marks: ['8', '14', 'ABJ', '11'], ue1: '10.000 ADM', ue2: '11.000 ADM', s1: '10.500 ADM', credits: 30, cmp: ['S1>UE1>EC11'] },
  ] as const)('case $case', ({ marks, ue1, ue2, s1, credits, cmp }) => {
    const result = evaluate(semester([...marks]));
    expect([shown(result, 'S1>UE1'), shown(result, 'S1>UE2'), shown(result, 'S1')]).toEqual([ue1, ue2, s1]);
    expect(result.credits).toBe(credits * 1000);
    for (const path of cmp) expect(find(result, path).decision, path).toBe('CMP');
  });

  it('case 3 explains itself: UE2 failed on its mark, then passed by compensation of S1', () => {
    const result = evaluate(semester(['11', '14', '9', '8']));
    expect(find(result, 'S1').explanation.counted).toEqual([
      { part: 'S1>UE1', coefficient: 1000, mark: 12_000 },
      { part: 'S1>UE2', coefficient: 1000, mark: 8_500 },
    ]);
    expect(find(result, 'S1>UE2').explanation.reason).toEqual({ kind: 'compensated', by: 'S1' });
  });

  it('case 4 says which unjustified absence makes S1 défaillant', () => {
    const result = evaluate(semester(['8', '14', 'ABI', '15']));
    expect(result.explanation.reason).toEqual({ kind: 'unjustified-absence', below: 'S1>UE2' });
    expect(find(result, 'S1>UE2').explanation.reason).toEqual({ kind: 'unjustified-absence', below: 'S1>UE2>EC21' });
  });

  it('case 5 leaves the justified absence out of UE2’s mean', () => {
    const result = evaluate(semester(['8', '14', 'ABJ', '11']));
    expect(find(result, 'S1>UE2').explanation.leftOut).toEqual([{ part: 'S1>UE2>EC21', why: 'ABJ' }]);
  });

  it('case 6: an eliminatory mark stops UE2 on its own, yet S1 passes and compensates it', () => {
    const result = evaluate(semester(['8', '14', '9', '11'], { ec21Eliminatory: 10 }));
    const ue2 = find(result, 'S1>UE2');
    expect(ue2.mark).toBe(10_000);
    expect(shown(result, 'S1')).toBe('10.000 ADM');
    expect([ue2.decision, find(result, 'S1>UE2>EC21').decision]).toEqual(['CMP', 'CMP']);
    expect(result.credits).toBe(30_000);
    // Alone (as the root), UE2 is failed by the eliminatory mark, and says so.
    const alone = evaluate(semester(['8', '14', '9', '11'], { ec21Eliminatory: 10 }).children[1]!);
    expect(alone.decision).toBe('AJ');
    expect(alone.explanation.reason).toEqual({ kind: 'eliminatory', child: 'S1>UE2>EC21', mark: 9_000, eliminatory: 10_000 });
  });

  it('case 7: exact arithmetic, 2 × 3.7 and 3 × 14.2 make exactly 10.000 (binary floating point makes 9.999999999999998)', () => {
    expect((2 * 3.7 + 3 * 14.2) / 5).toBe(9.999999999999998);
    const result = evaluate(
      ec('EC', rules(), [
        { grade: '3.7', coefficient: 2 },
        { grade: '14.2', coefficient: 3 },
      ]),
    );
    expect([result.mark, result.decision]).toEqual([10_000, 'ADM']);
  });
});
