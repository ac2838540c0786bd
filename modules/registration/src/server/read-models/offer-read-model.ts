import { eq } from 'drizzle-orm';
import type { EventHandler, Transaction } from '@pegase/platform';
import { curriculumEvents, type FormationTree, type TrainingObject } from '@pegase/curriculum/contract';
import { keepValidatedPaths } from '@pegase/curriculum/contract/read-model';
import { objects, paths, seats } from '../shared/tables.ts';

function objectValues(object: TrainingObject) {
  return {
    periodId: object.periodId,
    code: object.code,
    type: object.type,
    labelFr: object.labels.fr,
    labelEn: object.labels.en ?? null,
    ects: object.ects,
    capacity: object.capacity,
    openForChoice: object.openForChoice,
    choiceMin: object.choice?.min ?? null,
    choiceMax: object.choice?.max ?? null,
    enrolmentPoint: object.enrolmentPoint,
    ownerStructureId: object.ownerStructureId,
  };
}

/** The seats of an object follow its capacity; seats already taken stay taken when it shrinks (nobody loses a place). */
async function keepSeats(tx: Transaction, object: TrainingObject): Promise<void> {
  if (object.capacity === null) {
    await tx.delete(seats).where(eq(seats.objectId, object.id));
    return;
  }
  await tx
    .insert(seats)
    .values({ objectId: object.id, capacity: object.capacity })
    .onConflictDoUpdate({ target: seats.objectId, set: { capacity: object.capacity } });
}

/**
 * The validated offer, as the curriculum announces it: every object of a
 * validated formation and every path (an object shared by two parents has
 * two). Choices hang on paths; capacities on objects.
 */
export function offerReadModel(): EventHandler[] {
  return [
    {
      consumer: 'registration.offer',
      event: curriculumEvents.objectValidated.type,
      async handle(event, tx) {
        const tree = event.data as FormationTree;
        for (const object of tree.objects) {
          const values = { ...objectValues(object), formationId: tree.root };
          await tx
            .insert(objects)
            .values({ id: object.id, ...values })
            .onConflictDoUpdate({ target: objects.id, set: values });
          await keepSeats(tx, object);
        }
        await keepValidatedPaths(tx, paths, tree);
      },
    },
    {
      consumer: 'registration.offer',
      event: curriculumEvents.objectChangedAfterValidation.type,
      async handle(event, tx) {
        const { object } = event.data as { object: TrainingObject; paths: string[] };
        const values = objectValues(object);
        const updated = await tx.update(objects).set(values).where(eq(objects.id, object.id)).returning({ id: objects.id });
        if (updated.length > 0) await keepSeats(tx, object);
      },
    },
  ];
}
