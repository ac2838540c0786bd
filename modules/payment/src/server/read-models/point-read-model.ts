import type { EventHandler, Transaction } from '@pegase/platform';
import { curriculumEvents, type FormationTree, type TrainingObject } from '@pegase/curriculum/contract';
import { points } from '../shared/tables.ts';

async function keepPoint(tx: Transaction, object: TrainingObject, path: string): Promise<void> {
  const values = {
    periodId: object.periodId,
    code: object.code,
    path,
    labelFr: object.labels.fr,
    labelEn: object.labels.en ?? null,
    ownerStructureId: object.ownerStructureId,
  };
  await tx
    .insert(points)
    .values({ objectId: object.id, ...values })
    .onConflictDoUpdate({ target: points.objectId, set: values });
}

/**
 * The enrolment points of the validated offer, as enrolment keeps them: each
 * validated object flagged as an enrolment point, with its first path and
 * its owner structure (the staff scope of its enrolments' fees).
 */
export function pointReadModel(): EventHandler[] {
  return [
    {
      consumer: 'payment.points',
      event: curriculumEvents.objectValidated.type,
      async handle(event, tx) {
        const tree = event.data as FormationTree;
        const firstPath = new Map<string, string>();
        for (const node of tree.nodes) if (!firstPath.has(node.objectId)) firstPath.set(node.objectId, node.path);
        for (const object of tree.objects) if (object.enrolmentPoint && object.status === 'validated') await keepPoint(tx, object, firstPath.get(object.id)!);
      },
    },
    {
      consumer: 'payment.points',
      event: curriculumEvents.objectChangedAfterValidation.type,
      async handle(event, tx) {
        const { object, paths } = event.data as { object: TrainingObject; paths: string[] };
        if (object.enrolmentPoint && paths[0] !== undefined) await keepPoint(tx, object, paths[0]);
      },
    },
  ];
}
