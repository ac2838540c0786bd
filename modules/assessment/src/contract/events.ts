import { Type } from 'typebox';
import { defineEvent } from '@pegase/platform';
import { Id } from '@pegase/referential/contract';
import { Assessment, MarkChange, Rule } from './assessment.ts';
import { Jury } from './juries.ts';

export const assessmentEvents = {
  ruleChanged: defineEvent('assessment.rule.changed', 'The assessment rules (MCC) of a path were set: the effective rule.', Rule),
  assessmentCreated: defineEvent('assessment.assessment.created', 'An assessment (épreuve) of a course element was created for a session.', Assessment),
  marksChanged: defineEvent(
    'assessment.marks.changed',
    'Marks of one assessment were entered, changed or cleared in one batch: each change with the mark before and after.',
    Type.Object({ assessmentId: Id, changes: Type.Array(MarkChange) }),
  ),
  sheetLocked: defineEvent('assessment.sheet.locked', 'The mark sheet of an assessment was locked or unlocked.', Assessment),
  juryPointsChanged: defineEvent(
    'assessment.jury.points-changed',
    'A jury gave points to a node of a learner’s results (or took them back: 0), before deliberating.',
    Type.Object({ juryId: Id, enrolmentId: Id, path: Type.String(), points: Type.String() }),
  ),
  resultsDeliberated: defineEvent('assessment.results.deliberated', 'A jury deliberated: the results of its learners are stored and frozen.', Jury),
  resultsPublished: defineEvent('assessment.results.published', 'A jury’s deliberated results were published: its learners see them.', Jury),
} as const;
