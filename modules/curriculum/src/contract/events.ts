import { Type } from 'typebox';
import { defineEvent } from '@pegase/platform';
import { Id } from '@pegase/referential/contract';
import { CopyReport } from './consistency.ts';
import { Link, TrainingObject } from './objects.ts';
import { FormationTree, Path } from './tree.ts';

/**
 * What the curriculum announces. Drafts change often and concern the
 * scolarité only; other modules keep their read model from
 * `object.validated` (a whole validated formation, with every path) and
 * `object.changed-after-validation`.
 */
export const curriculumEvents = {
  objectCreated: defineEvent('curriculum.object.created', 'A training object was created (draft).', TrainingObject),
  objectUpdated: defineEvent('curriculum.object.updated', 'A draft training object changed.', TrainingObject),
  objectLinked: defineEvent(
    'curriculum.object.linked',
    'An object was placed under a parent (or moved among its siblings).',
    Type.Object({ ...Link.properties, periodId: Id }),
  ),
  objectUnlinked: defineEvent('curriculum.object.unlinked', 'An object was taken from under a parent.', Type.Object({ ...Link.properties, periodId: Id })),
  objectValidated: defineEvent(
    'curriculum.object.validated',
    'A formation (the subject) and everything below it were validated and frozen: the tree, every object once and every path.',
    FormationTree,
  ),
  objectChangedAfterValidation: defineEvent(
    'curriculum.object.changed-after-validation',
    'An administrator unfroze and changed a validated object; the paths tell where it is used.',
    Type.Object({ object: TrainingObject, paths: Type.Array(Path) }),
  ),
  periodCopied: defineEvent('curriculum.period.copied', 'The whole offer of a period was copied, as drafts, to another period.', CopyReport),
  periodArchived: defineEvent(
    'curriculum.period.archived',
    'The offer of a period was archived: read-only, kept for transcripts.',
    Type.Object({ periodId: Id, objects: Type.Integer() }),
  ),
} as const;
