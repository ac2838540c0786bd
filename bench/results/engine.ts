/**
 * The results engine (issue 8): 60,000 learners, each with a year of two
 * semesters of five teaching units of four course elements (40 course
 * elements, 1 or 2 assessments each: 3.6 million marks), evaluated by
 * the pure engine. Goal: at least 1 million nodes a second for the engine
 * alone. (Computing and storing every result of a session on PostgreSQL in
 * under 60 s comes with the assessment module's tables.)
 *
 *   npm run bench:results
 *   LEARNERS=10000 npm run bench:results
 *
 * The trees are generated first (not measured), with seeded marks so that
 * runs compare; each is evaluated for session 1 and, for the learners who
 * failed it, session 2. Prints the figure with its goal, PASS or MISS; exits
 * 1 when the goal is missed.
 */
import { performance } from 'node:perf_hooks';
import { evaluate, evaluateSessions, type LearnerNode, type NodeRules, type NodeResult } from '@pegase/assessment/engine';

const learners = Number(process.env['LEARNERS'] ?? 60_000);

const base: NodeRules = {
  coefficient: 1000,
  passMark: 10_000,
  credits: 0,
  compensates: true,
  eliminatory: null,
  abjPolicy: 'neutral',
  session2: 'best',
  honours: false,
};

/** A small, fast, seeded generator (mulberry32): the same marks on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function learnerTree(next: () => number, session: number): LearnerNode {
  const grade = () => {
    const roll = next();
    if (roll < 0.004) return 'ABJ' as const;
    if (roll < 0.006 && session === 1) return 'ABI' as const;
    return Math.round((6 + next() * 12 + (session === 2 ? 2 : 0)) * 1000);
  };
  const nodeOf = (path: string, rules: NodeRules, children: LearnerNode[], assessments: LearnerNode['assessments'] = []): LearnerNode => ({
    path,
    rules,
    children,
    assessments,
    juryPoints: 0,
    exempted: false,
    carriedMark: null,
  });
  const semesters = [1, 2].map((s) => {
    const ues = [1, 2, 3, 4, 5].map((u) => {
      const ecs = [1, 2, 3, 4].map((e) => {
        const path = `L1>S${s}>UE${u}>EC${e}`;
        const assessments = (e % 2 === 0 ? [1, 2] : [1]).map((a) => ({ id: `E${a}`, coefficient: a * 1000, grade: grade() }));
        return nodeOf(path, { ...base, coefficient: e === 1 ? 2000 : 1000, credits: 1500 }, [], assessments);
      });
      return nodeOf(`L1>S${s}>UE${u}`, { ...base, credits: 6000, eliminatory: u === 1 ? 7000 : null }, ecs);
    });
    return nodeOf(`L1>S${s}`, { ...base, credits: 30_000 }, ues);
  });
  return nodeOf('L1', { ...base, credits: 60_000, honours: true }, semesters);
}

const count = (result: NodeResult): number => 1 + result.children.reduce((sum, child) => sum + count(child), 0);

const prepared = performance.now();
const next = random(2026);
const trees = Array.from({ length: learners }, () => ({ first: learnerTree(next, 1), second: learnerTree(next, 2) }));
const marks = trees.reduce((sum, { first }) => sum + first.children.length * 30, 0);
console.log(
  `${learners.toLocaleString('en')} learners, ${marks.toLocaleString('en')} marks per session, generated in ${((performance.now() - prepared) / 1000).toFixed(1)} s`,
);

// Warm the engine up (the JIT), then measure session 1 alone, then both sessions.
for (let i = 0; i < Math.min(2_000, learners); i++) evaluate(trees[i]!.first);
let nodes = 0;
const started = performance.now();
for (const { first } of trees) nodes += count(evaluate(first));
const session1Seconds = (performance.now() - started) / 1000;
const perSecond = nodes / session1Seconds;

let evaluated = 0;
let failedFirst = 0;
const both = performance.now();
for (const { first, second } of trees) {
  const { session1, session2 } = evaluateSessions(first, second);
  evaluated += count(session1) + (session2 === session1 ? 0 : count(session2));
  if (session1.decision !== 'ADM') failedFirst++;
}
const bothSeconds = (performance.now() - both) / 1000;

const met = perSecond >= 1_000_000;
console.log(
  `${'the engine alone, session 1'.padEnd(44)} ${`${Math.round(perSecond).toLocaleString('en')} nodes/s`.padStart(20)}   goal ≥ 1,000,000 nodes/s ${met ? 'PASS' : 'MISS'}`,
);
console.log(`   ${nodes.toLocaleString('en')} nodes (year, semesters, UEs, course elements) in ${session1Seconds.toFixed(2)} s`);
console.log(
  `   both sessions: ${evaluated.toLocaleString('en')} nodes in ${bothSeconds.toFixed(2)} s (${Math.round(evaluated / bothSeconds).toLocaleString('en')} nodes/s); ` +
    `${failedFirst.toLocaleString('en')} learners not passed at session 1 take session 2`,
);
if (!met) process.exitCode = 1;
