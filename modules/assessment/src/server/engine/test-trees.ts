import { parseThousandths, type Thousandths } from './marks.ts';
import type { Grade, LearnerNode, NodeRules } from './rules.ts';

/** Rules with DOMAIN.md's defaults: coefficient 1, pass mark 10, compensating, ABJ neutral, best of two sessions. */
export function rules(
  overrides: Partial<Omit<NodeRules, 'coefficient' | 'passMark' | 'credits' | 'eliminatory'>> & {
    coefficient?: number;
    passMark?: number;
    credits?: number;
    eliminatory?: number | null;
  } = {},
): NodeRules {
  const t = (value: number) => Math.round(value * 1000);
  return {
    coefficient: t(overrides.coefficient ?? 1),
    passMark: t(overrides.passMark ?? 10),
    credits: t(overrides.credits ?? 0),
    compensates: overrides.compensates ?? true,
    eliminatory: overrides.eliminatory === undefined || overrides.eliminatory === null ? null : t(overrides.eliminatory),
    abjPolicy: overrides.abjPolicy ?? 'neutral',
    session2: overrides.session2 ?? 'best',
    honours: overrides.honours ?? false,
  };
}

/** "14.2" → thousandths; ABI, ABJ as they are; null: not entered. */
export const grade = (value: string | null): Grade | null => (value === null || value === 'ABI' || value === 'ABJ' ? value : parseThousandths(value)!);

export function node(path: string, nodeRules: NodeRules, children: LearnerNode[], extra: Partial<LearnerNode> = {}): LearnerNode {
  return { path, rules: nodeRules, children, assessments: [], juryPoints: 0, exempted: false, carriedMark: null, ...extra };
}

/** A course element with one assessment per grade given (coefficient 1 unless told). */
export function ec(
  path: string,
  nodeRules: NodeRules,
  grades: (string | null | { grade: string | null; coefficient: number })[],
  extra: Partial<LearnerNode> = {},
): LearnerNode {
  return node(path, nodeRules, [], {
    assessments: grades.map((value, index) =>
      typeof value === 'object' && value !== null
        ? { id: `E${index + 1}`, coefficient: Math.round(value.coefficient * 1000), grade: grade(value.grade) }
        : { id: `E${index + 1}`, coefficient: 1000, grade: grade(value) },
    ),
    ...extra,
  });
}

export const t = (value: string): Thousandths => parseThousandths(value)!;
