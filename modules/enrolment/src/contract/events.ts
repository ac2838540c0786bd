import { defineEvent } from '@pegase/platform';
import { Learner } from './learners.ts';

export const enrolmentEvents = {
  learnerCreated: defineEvent('enrolment.learner.created', 'A learner was created (by staff, an import or the student).', Learner),
  learnerUpdated: defineEvent('enrolment.learner.updated', 'A learner’s identity, contacts or bac changed.', Learner),
} as const;
