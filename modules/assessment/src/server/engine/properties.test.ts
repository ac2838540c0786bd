import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import type { LearnerNode, NodeResult } from './rules.ts';
import { rules } from './test-trees.ts';

/**
 * Random learners' trees: up to 3 levels of nodes over course elements of 1
 * to 3 assessments, marks from 0 to 20 with 3 decimals, coefficients from 1
 * to 5 (with decimals), compensating or not, eliminatory marks here and
 * there, and credits consistent (a node's are its children's sum).
 */
const mark = fc.integer({ min: 0, max: 20_000 });
const coefficient = fc.integer({ min: 1, max: 5_000 });
const common = fc.record({
  coefficient,
  eliminatory: fc.option(fc.integer({ min: 0, max: 12_000 }), { freq: 4 }),
  compensates: fc.boolean(),
  passMark: fc.constantFrom(10_000, 10_000, 12_000),
});

const courseElement = fc
  .record({ common, credits: fc.integer({ min: 0, max: 9 }), assessments: fc.array(fc.record({ coefficient, grade: mark }), { minLength: 1, maxLength: 3 }) })
  .map(({ common: c, credits, assessments }) => ({
    path: '',
    rules: { ...rules(), ...c, credits: credits * 1000 },
    children: [],
    assessments: assessments.map((assessment, index) => ({ id: `E${index}`, ...assessment })),
    juryPoints: 0,
    exempted: false,
    carriedMark: null,
  }));

const tree: fc.Arbitrary<LearnerNode> = fc
  .letrec<{ node: LearnerNode }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      courseElement,
      fc.record({ common, children: fc.array(tie('node'), { minLength: 1, maxLength: 4 }) }).map(({ common: c, children }) => ({
        path: '',
        rules: { ...rules(), ...c, credits: children.reduce((sum, child) => sum + child.rules.credits, 0) },
        children,
        assessments: [],
        juryPoints: 0,
        exempted: false,
        carriedMark: null,
      })),
    ),
  }))
  .node.map((root) => withPaths(root, 'R'));

function withPaths(node: LearnerNode, path: string): LearnerNode {
  return { ...node, path, children: node.children.map((child, index) => withPaths(child, `${path}>${index}`)) };
}

function all(result: NodeResult): NodeResult[] {
  return [result, ...result.children.flatMap(all)];
}

function nodes(node: LearnerNode): LearnerNode[] {
  return [node, ...node.children.flatMap(nodes)];
}

const passedRank = (decision: string) => (decision === 'ADM' || decision === 'CMP' ? 1 : 0);

describe('the results engine’s properties', () => {
  it('raising one mark never lowers any result: no mark goes down, no pass becomes a failure, no credit is lost', () => {
    fc.assert(
      fc.property(tree, fc.nat(), fc.integer({ min: 1, max: 20_000 }), (root, pick, raise) => {
        const leaves = nodes(root).filter((node) => node.assessments.length > 0);
        const leaf = leaves[pick % leaves.length]!;
        const which = pick % leaf.assessments.length;
        const raised = mapTree(root, (node) =>
          node.path !== leaf.path
            ? node
            : { ...node, assessments: node.assessments.map((a, i) => (i === which ? { ...a, grade: Math.min(20_000, (a.grade as number) + raise) } : a)) },
        );
        const before = all(evaluate(root));
        const after = all(evaluate(raised));
        for (let i = 0; i < before.length; i++) {
          expect(after[i]!.mark!, before[i]!.path).toBeGreaterThanOrEqual(before[i]!.mark!);
          expect(passedRank(after[i]!.decision), before[i]!.path).toBeGreaterThanOrEqual(passedRank(before[i]!.decision));
          expect(after[i]!.credits, before[i]!.path).toBeGreaterThanOrEqual(before[i]!.credits);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('multiplying every coefficient under a node by the same factor changes nothing', () => {
    fc.assert(
      fc.property(tree, fc.nat(), fc.integer({ min: 2, max: 7 }), (root, pick, factor) => {
        const inner = nodes(root);
        const target = inner[pick % inner.length]!;
        const scaled = mapTree(root, (node) =>
          node.path !== target.path
            ? node
            : {
                ...node,
                children: node.children.map((child) => ({ ...child, rules: { ...child.rules, coefficient: child.rules.coefficient * factor } })),
                assessments: node.assessments.map((a) => ({ ...a, coefficient: a.coefficient * factor })),
              },
        );
        const strip = (results: NodeResult[]) => results.map(({ path, mark, decision, credits }) => ({ path, mark, decision, credits }));
        expect(strip(all(evaluate(scaled)))).toEqual(strip(all(evaluate(root))));
      }),
      { numRuns: 500 },
    );
  });

  it('a node never acquires more credits than its children carry', () => {
    fc.assert(
      fc.property(tree, (root) => {
        const pairs = (node: LearnerNode, result: NodeResult): [LearnerNode, NodeResult][] => [
          [node, result],
          ...node.children.flatMap((child, index) => pairs(child, result.children[index]!)),
        ];
        for (const [node, result] of pairs(root, evaluate(root))) {
          if (node.children.length === 0) continue;
          expect(result.credits, node.path).toBeLessThanOrEqual(node.children.reduce((sum, child) => sum + child.rules.credits, 0));
        }
      }),
      { numRuns: 500 },
    );
  });
});

function mapTree(node: LearnerNode, change: (node: LearnerNode) => LearnerNode): LearnerNode {
  const changed = change(node);
  return { ...changed, children: changed.children.map((child) => mapTree(child, change)) };
}
