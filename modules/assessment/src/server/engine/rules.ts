import type { Thousandths } from './marks.ts';

/** A mark in thousandths, or an absence: unjustified (ABI) or justified (ABJ). */
export type Grade = Thousandths | 'ABI' | 'ABJ';

/** One assessment (épreuve) of a course element, with the learner's grade (null: not entered yet). */
export interface AssessmentGrade {
  id: string;
  coefficient: Thousandths;
  grade: Grade | null;
}

/** The rules (MCC) of a node in its path, as the results need them. */
export interface NodeRules {
  /** Weight in its parent's mean. */
  coefficient: Thousandths;
  passMark: Thousandths;
  credits: Thousandths;
  /** Whether its children compensate one another (a failed child does not stop it from passing). */
  compensates: boolean;
  /** A mark below which this node stops its parent from passing on its own. */
  eliminatory: Thousandths | null;
  /** How an ABJ below it counts: left out of the mean (neutral), or as 0. */
  abjPolicy: 'neutral' | 'zero';
  /** Session 2: the better of the two sessions' marks, or the second's. */
  session2: 'best' | 'replace';
  /** A year or a diploma: a passed result carries honours. */
  honours: boolean;
}

/** One node of a learner's tree for one session: its rules, its children or its assessments, and what the cursus and the jury say. */
export interface LearnerNode {
  path: string;
  rules: NodeRules;
  children: LearnerNode[];
  /** A course element's assessments (a node with children has none). */
  assessments: AssessmentGrade[];
  /** Points the jury adds to the mark before the decision. */
  juryPoints: Thousandths;
  /** Exempted (dispense): left out of its parent's mean, passed, its credits acquired. */
  exempted: boolean;
  /** Acquired in an earlier year with this mark: passed, its credits acquired. */
  carriedMark: Thousandths | null;
}

/**
 * ADM passed; CMP passed by compensation (its parent passed); AJ failed;
 * DEF défaillant (an unjustified absence below, no mark); ABJ left out (a
 * justified absence, neutral); DIS exempted; INC incomplete (a mark not
 * entered yet below).
 */
export type Decision = 'ADM' | 'CMP' | 'AJ' | 'DEF' | 'ABJ' | 'DIS' | 'INC';
export type Honours = 'TB' | 'B' | 'AB' | 'P';

/** Why a node has its decision: what a jury or a student reads. */
export type Reason =
  | { kind: 'pass-mark-reached'; mark: Thousandths; juryPoints: Thousandths; passMark: Thousandths }
  | { kind: 'below-pass-mark'; mark: Thousandths; juryPoints: Thousandths; passMark: Thousandths }
  | { kind: 'eliminatory'; child: string; mark: Thousandths; eliminatory: Thousandths }
  | { kind: 'child-failed'; child: string }
  | { kind: 'unjustified-absence'; below: string }
  | { kind: 'justified-absence' }
  | { kind: 'incomplete'; below: string }
  | { kind: 'exempted' }
  | { kind: 'carried-over'; mark: Thousandths }
  | { kind: 'compensated'; by: string };

/** What a node's mark was made of: each part counted with its coefficient, and each part left out and why. */
export interface Explanation {
  counted: { part: string; coefficient: Thousandths; mark: Thousandths }[];
  leftOut: { part: string; why: 'ABJ' | 'exempted' }[];
  reason: Reason;
}

export interface NodeResult {
  path: string;
  mark: Thousandths | null;
  decision: Decision;
  juryPoints: Thousandths;
  /** Credits acquired: its own when passed, else those its passed children acquired (capitalised). */
  credits: Thousandths;
  honours: Honours | null;
  explanation: Explanation;
  children: NodeResult[];
}
