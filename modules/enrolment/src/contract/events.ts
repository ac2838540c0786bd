import { defineEvent } from '@pegase/platform';
import { Admission } from './admissions.ts';
import { Enrolment } from './enrolments.ts';
import { Learner } from './learners.ts';

export const enrolmentEvents = {
  learnerCreated: defineEvent('enrolment.learner.created', 'A learner was created (by staff, an import or the student).', Learner),
  learnerUpdated: defineEvent('enrolment.learner.updated', 'A learner’s identity, contacts or bac changed.', Learner),
} as const;

export const enrolmentLifecycleEvents = {
  admissionCreated: defineEvent('enrolment.admission.created', 'A candidate was admitted at an enrolment point and given an invitation code.', Admission),
  accountActivated: defineEvent(
    'enrolment.admission.account-activated',
    'An admitted candidate opened their account from their invitation (code and birth date); the admission is now linked to their learner record.',
    Admission,
  ),
  enrolmentCreated: defineEvent('enrolment.enrolment.created', 'An enrolment was started (draft), by staff or the student.', Enrolment),
  enrolmentUpdated: defineEvent(
    'enrolment.enrolment.updated',
    'A draft enrolment changed (régime, profiles, CVEC number or previous situation), by its student or staff.',
    Enrolment,
  ),
  enrolmentSubmitted: defineEvent('enrolment.enrolment.submitted', 'A student (or staff) submitted an enrolment: it joins the back-office queue.', Enrolment),
  enrolmentValidated: defineEvent(
    'enrolment.enrolment.validated',
    'An enrolment was validated: course choices and certificates open for the learner at this point.',
    Enrolment,
  ),
  enrolmentCancelled: defineEvent('enrolment.enrolment.cancelled', 'An enrolment was cancelled, with its reason; its certificate shows as revoked.', Enrolment),
  enrolmentDocumentsChanged: defineEvent(
    'enrolment.enrolment.documents-changed',
    'A supporting document of an enrolment was received, accepted or rejected.',
    Enrolment,
  ),
  enrolmentPaymentChanged: defineEvent('enrolment.enrolment.payment-changed', 'The payment status of an enrolment changed.', Enrolment),
} as const;
