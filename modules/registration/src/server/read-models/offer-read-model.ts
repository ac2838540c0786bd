import { eq, sql } from 'drizzle-orm';
import type { EventHandler, Transaction } from '@pegase/platform';
import { curriculumEvents, type FormationTree, type TrainingObject } from '@pegase/curriculum/contract';
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
        const periodId = tree.objects[0]?.periodId;
        if (periodId === undefined || tree.nodes.length === 0) return;
        // Set-based: a formation may hold thousands of paths.
        await tx.execute(sql`
          insert into ${paths} (period_id, path, object_id, parent_path, position, depth)
          select ${periodId}::uuid, node.path, node.object_id, node.parent_path, node.position, node.depth
            from jsonb_to_recordset(${JSON.stringify(tree.nodes.map((node) => ({ path: node.path, object_id: node.objectId, parent_path: node.parentPath, position: node.position, depth: node.depth })))}::jsonb)
                 as node (path text, object_id uuid, parent_path text, position integer, depth integer)
          on conflict (period_id, path) do update set object_id = excluded.object_id, parent_path = excluded.parent_path,
                                                     position = excluded.position, depth = excluded.depth`);
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
