import { eq } from 'drizzle-orm';
import type { EventHandler } from '@pegase/platform';
import { curriculumEvents, type FormationTree, type TrainingObject } from '@pegase/curriculum/contract';
import { keepValidatedPaths } from '@pegase/curriculum/contract/read-model';
import { objects, paths } from '../shared/tables.ts';

function objectValues(object: TrainingObject) {
  return {
    periodId: object.periodId,
    code: object.code,
    type: object.type,
    labelFr: object.labels.fr,
    labelEn: object.labels.en ?? null,
    ects: object.ects === null ? null : String(object.ects),
    ownerStructureId: object.ownerStructureId,
  };
}

/**
 * The validated offer, as the curriculum announces it: every object of a
 * validated formation and every path. Rules and assessments hang on paths;
 * the staff scope and the default credits (ECTS) on objects.
 */
export function offerReadModel(): EventHandler[] {
  return [
    {
      consumer: 'assessment.offer',
      event: curriculumEvents.objectValidated.type,
      async handle(event, tx) {
        const tree = event.data as FormationTree;
        for (const object of tree.objects) {
          const values = { ...objectValues(object), formationId: tree.root };
          await tx
            .insert(objects)
            .values({ id: object.id, ...values })
            .onConflictDoUpdate({ target: objects.id, set: values });
        }
        await keepValidatedPaths(tx, paths, tree);
      },
    },
    {
      consumer: 'assessment.offer',
      event: curriculumEvents.objectChangedAfterValidation.type,
      async handle(event, tx) {
        const { object } = event.data as { object: TrainingObject; paths: string[] };
        await tx.update(objects).set(objectValues(object)).where(eq(objects.id, object.id));
      },
    },
  ];
}
