import { Type, type Static } from 'typebox';
import { defineEvent } from '@pegase/platform';
import { Id, Timestamp } from '@pegase/referential/contract';
import { Assessment, Decimal, MarkChange, Rule, Session } from './assessment.ts';
import { Jury } from './juries.ts';
import { ObjectTeachers } from './teaching.ts';
import { RulesCopied, RulesFreeze } from './rules.ts';

/** One node of a published result, flat: what a transcript prints of it (no explanation). */
export const PublishedResultLine = Type.Object({
  path: Type.String(),
  depth: Type.Integer({ minimum: 0, description: '0 for the root (the enrolment point), 1 for its children, and so on.' }),
  code: Type.String(),
  type: Type.String(),
  labelFr: Type.String(),
  labelEn: Type.Union([Type.String(), Type.Null()]),
  mark: Type.Union([Decimal, Type.Null()]),
  decision: Type.String({ description: 'ADM, CMP, AJ, DEF, ABJ, DIS or INC.' }),
  credits: Decimal,
  session: Type.Union([Session, Type.Null()], { description: 'The session the line’s mark comes from when the results say so; null: the jury’s session.' }),
});
export type PublishedResultLine = Static<typeof PublishedResultLine>;

export const PublishedHonours = Type.Union([Type.Literal('TB'), Type.Literal('B'), Type.Literal('AB'), Type.Literal('P')], {
  description: 'Très bien, bien, assez bien, passable.',
});

/** A learner's published result, slim (a few kB): the root's outcome and every node as a line, in tree order. */
export const LearnerResultsPublished = Type.Object({
  juryId: Id,
  formationId: Id,
  periodId: Id,
  session: Session,
  enrolmentId: Id,
  learnerId: Id,
  publishedAt: Timestamp,
  mark: Type.Union([Decimal, Type.Null()]),
  decision: Type.String(),
  rank: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
  honours: Type.Union([PublishedHonours, Type.Null()]),
  lines: Type.Array(PublishedResultLine),
});
export type LearnerResultsPublished = Static<typeof LearnerResultsPublished>;

export const assessmentEvents = {
  ruleChanged: defineEvent('assessment.rule.changed', 'The assessment rules (MCC) of a path were set: the effective rule.', Rule),
  assessmentCreated: defineEvent('assessment.assessment.created', 'An assessment (épreuve) of a course element was created for a session.', Assessment),
  marksChanged: defineEvent(
    'assessment.marks.changed',
    'Marks of one assessment were entered, changed or cleared in one batch: each change with the mark before and after.',
    Type.Object({ assessmentId: Id, changes: Type.Array(MarkChange) }),
  ),
  sheetLocked: defineEvent('assessment.sheet.locked', 'The mark sheet of an assessment was locked or unlocked.', Assessment),
  teachingChanged: defineEvent(
    'assessment.teaching.changed',
    'The teachers of a course element were set: who reads and enters the marks of its sheets.',
    ObjectTeachers,
  ),
  juryPointsChanged: defineEvent(
    'assessment.jury.points-changed',
    'A jury gave points to a node of a learner’s results (or took them back: 0), before deliberating.',
    Type.Object({ juryId: Id, enrolmentId: Id, path: Type.String(), points: Type.String() }),
  ),
  resultsDeliberated: defineEvent('assessment.results.deliberated', 'A jury deliberated: the results of its learners are stored and frozen.', Jury),
  resultsPublished: defineEvent('assessment.results.published', 'A jury’s deliberated results were published: its learners see them.', Jury),
  learnerResultsPublished: defineEvent(
    'assessment.learner-results.published',
    'One learner’s result of a jury that was just published (one event per learner, once): the root’s mark, decision, rank and honours, and each node as a line in tree order, for transcripts and pass certificates.',
    LearnerResultsPublished,
  ),
  rulesFrozen: defineEvent(
    'assessment.rules.frozen',
    'The MCC of a formation for a period were frozen (adopted by staff, or the period archived by the curriculum): its rules and assessments no longer change.',
    RulesFreeze,
  ),
  rulesUnfrozen: defineEvent(
    'assessment.rules.unfrozen',
    'An administrator unfroze the adopted MCC of a formation for a period, giving a reason.',
    Type.Object({ ...RulesFreeze.properties, reason: Type.String() }),
  ),
  rulesCopied: defineEvent(
    'assessment.rules.copied',
    'The curriculum copied a period’s offer: its MCC (rules and assessments) were copied to the new period, as drafts.',
    RulesCopied,
  ),
  assessmentChanged: defineEvent(
    'assessment.assessment.changed',
    'The coefficient of an assessment (épreuve) changed (spreadsheet import of the MCC).',
    Assessment,
  ),
} as const;
