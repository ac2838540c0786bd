import { eq, sql } from 'drizzle-orm';
import type { EventHandler } from '@pegase/platform';
import { curriculumEvents, type FormationTree, type TrainingObject } from '@pegase/curriculum/contract';
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
        const periodId = tree.objects[0]?.periodId;
        if (periodId === undefined || tree.nodes.length === 0) return;
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
      consumer: 'assessment.offer',
      event: curriculumEvents.objectChangedAfterValidation.type,
      async handle(event, tx) {
        const { object } = event.data as { object: TrainingObject; paths: string[] };
        await tx.update(objects).set(objectValues(object)).where(eq(objects.id, object.id));
      },
    },
  ];
}
