import { Type } from 'typebox';
import { defineEvent } from '@pegase/platform';
import { Id } from '@pegase/referential/contract';
import { CursusEntry, CursusPath } from './cursus.ts';
import { Group } from './groups.ts';

/** The cursus as events carry it: what assessment builds its mark sheets from. */
export const CursusChanged = Type.Object({
  enrolmentId: Id,
  learnerId: Id,
  periodId: Id,
  pointId: Id,
  entries: Type.Array(CursusEntry, { description: 'The whole cursus after the change; empty once the enrolment is cancelled.' }),
  version: Type.Integer({ minimum: 1 }),
});

export const registrationEvents = {
  cursusChanged: defineEvent(
    'registration.cursus.changed',
    'A learner’s cursus was built, changed by a choice, an offer answered or a seat freed, or removed with its enrolment: the whole cursus.',
    CursusChanged,
  ),
  seatOffered: defineEvent(
    'registration.seat.offered',
    'A seat freed up in a full object and is held for the first learner of its waiting list, who accepts or declines it.',
    Type.Object({ enrolmentId: Id, learnerId: Id, objectId: Id, path: CursusPath }),
  ),
  groupChanged: defineEvent(
    'registration.group.changed',
    'A teaching group was created, or learners were placed in it or taken out of it (by hand or by an even split): the group with its member count.',
    Group,
  ),
  groupDeleted: defineEvent('registration.group.deleted', 'A teaching group was deleted; its members are left without a group of its kind.', Group),
} as const;
