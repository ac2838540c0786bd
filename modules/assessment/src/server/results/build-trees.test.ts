import { describe, expect, it } from 'vitest';
import { evaluate } from '../engine/index.ts';
import { rules } from '../engine/test-trees.ts';
import { encodeOutcome, frozenTree, overlayOutcome } from '../juries/frozen-results.ts';
import { buildTrees } from './build-trees.ts';
import { indexSnapshot, type FormationSnapshot, type SnapshotPath } from './formation-snapshot.ts';
import { ABI, ABJ, EXEMPTED, NONE, POINT, type LearnerInputs } from './learner-inputs.ts';

const path = (at: string, parentPath: string | null, position: number, type: string, credits = 0): SnapshotPath => ({
  path: at,
  parentPath,
  position,
  code: at.split('>').at(-1)!,
  type,
  labelFr: at,
  labelEn: null,
  rules: rules({ credits }),
});

/** A year with a semester of one UE, a mandatory EC and a grouping of two optional ECs (OPT1, OPT2). */
const snapshot: FormationSnapshot = {
  periodId: 'p',
  formationId: 'f',
  paths: [
    path('F', null, 0, 'formation'),
    path('F>Y', 'F', 0, 'year', 60),
    path('F>Y>S', 'F>Y', 0, 'semester', 30),
    path('F>Y>S>UE', 'F>Y>S', 0, 'ue', 30),
    path('F>Y>S>UE>EC', 'F>Y>S>UE', 0, 'ec', 10),
    path('F>Y>S>UE>CHOICE', 'F>Y>S>UE', 1, 'grouping'),
    path('F>Y>S>UE>CHOICE>OPT2', 'F>Y>S>UE>CHOICE', 2, 'ec', 20),
    path('F>Y>S>UE>CHOICE>OPT1', 'F>Y>S>UE>CHOICE', 1, 'ec', 20),
  ],
  assessments: [
    { id: 'a0', path: 'F>Y>S>UE>EC', session: 1, code: 'EXAM', coefficient: 1000, scale: 20 },
    { id: 'a1', path: 'F>Y>S>UE>CHOICE>OPT1', session: 1, code: 'EXAM', coefficient: 1000, scale: 20 },
    { id: 'a2', path: 'F>Y>S>UE>CHOICE>OPT2', session: 1, code: 'EXAM', coefficient: 1000, scale: 20 },
    { id: 'a3', path: 'F>Y>S>UE>EC', session: 2, code: 'RESIT', coefficient: 1000, scale: 20 },
  ],
};
const index = indexSnapshot(snapshot);

/** Registered: the year (the point) down to EC and OPT1 (chosen); OPT2 is not chosen. */
const inputs = (grades: [number, number][], extra: Partial<LearnerInputs> = {}): LearnerInputs => ({
  entries: [
    [1, POINT, NONE],
    [2, 0, NONE],
    [3, 0, NONE],
    [4, 0, NONE],
    [5, 0, NONE],
    [7, 0, NONE],
  ],
  grades,
  points: [],
  ...extra,
});

describe('a learner’s trees from a formation snapshot and their inputs', () => {
  it('starts at the point, counts what was chosen in a grouping in its parent, in position order, and leaves out what was not chosen', () => {
    const trees = buildTrees(index, inputs([[0, 12_000]]))!;
    const ue = trees.first.children[0]!.children[0]!;
    expect(trees.first.path).toBe('F>Y');
    expect(ue.children.map((child) => child.path)).toEqual(['F>Y>S>UE>EC', 'F>Y>S>UE>CHOICE>OPT1']);
    expect(ue.children[0]!.assessments).toEqual([{ id: 'EXAM', coefficient: 1000, grade: 12_000 }]);
    expect(ue.children[1]!.assessments).toEqual([{ id: 'EXAM', coefficient: 1000, grade: null }]);
    expect(trees.second.children[0]!.children[0]!.children[0]!.assessments).toEqual([{ id: 'RESIT', coefficient: 1000, grade: null }]);
  });

  it('reads absences, exemptions, marks carried over and jury points', () => {
    const trees = buildTrees(
      index,
      inputs(
        [
          [0, ABI],
          [1, ABJ],
        ],
        { points: [[1, 500]] },
      ),
    )!;
    const ue = trees.first.children[0]!.children[0]!;
    expect(ue.children.map((child) => child.assessments[0]!.grade)).toEqual(['ABI', 'ABJ']);
    expect(trees.first.juryPoints).toBe(500);
    const exempted = buildTrees(index, {
      ...inputs([]),
      entries: [
        [1, POINT, NONE],
        [2, 0, NONE],
        [3, 0, NONE],
        [4, EXEMPTED, NONE],
        [5, 0, NONE],
        [7, 0, 14_500],
      ],
    })!;
    const [ec, opt1] = exempted.first.children[0]!.children[0]!.children;
    expect([ec!.exempted, opt1!.carriedMark]).toEqual([true, 14_500]);
  });

  it('has no trees without the enrolment point (a cancelled cursus)', () => {
    expect(buildTrees(index, { entries: [[2, 0, NONE]], grades: [], points: [] })).toBeUndefined();
  });

  it('keeps what was deliberated over a recomputation: the stored outcome is the result of record', () => {
    const learner = inputs([
      [0, 12_000],
      [1, 9_000],
    ]);
    const result = evaluate(buildTrees(index, learner)!.first);
    const outcome = encodeOutcome(result, index);
    expect(outcome).toHaveLength(6 * 5);
    expect(frozenTree(index, 1, learner, outcome)).toMatchObject({ mark: '10.500', decision: 'ADM', credits: '60.000' });
    // Were the engine to compute otherwise one day, the stored marks and decisions would still be shown.
    const tampered = evaluate(buildTrees(index, learner)!.first);
    tampered.mark = 1;
    tampered.decision = 'AJ';
    expect(overlayOutcome(tampered, outcome, index)).toMatchObject({ mark: 10_500, decision: 'ADM' });
  });
});
