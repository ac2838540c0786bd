import { and, eq, sql } from 'drizzle-orm';
import type { EventHandler, Transaction } from '@pegase/platform';
import { curriculumEvents, type FormationTree, type TrainingObject } from '@pegase/curriculum/contract';
import { enrolmentPoints } from '../shared/tables.ts';

interface FormationOf {
  formationId: string;
  formationCode: string;
  formationLabelFr: string;
  formationLabelEn: string | null;
}

async function keepPoint(tx: Transaction, object: TrainingObject, path: string, formation: FormationOf): Promise<void> {
  const values = {
    periodId: object.periodId,
    code: object.code,
    path,
    labelFr: object.labels.fr,
    labelEn: object.labels.en ?? null,
    ownerStructureId: object.ownerStructureId,
    ...formation,
    updatedAt: new Date(),
  };
  await tx
    .insert(enrolmentPoints)
    .values({ objectId: object.id, ...values })
    .onConflictDoUpdate({ target: enrolmentPoints.objectId, set: values });
}

const formationFields = (row: FormationOf): FormationOf => ({
  formationId: row.formationId,
  formationCode: row.formationCode,
  formationLabelFr: row.formationLabelFr,
  formationLabelEn: row.formationLabelEn,
});

const formationOf = (root: TrainingObject): FormationOf => ({
  formationId: root.id,
  formationCode: root.code,
  formationLabelFr: root.labels.fr,
  formationLabelEn: root.labels.en ?? null,
});

/**
 * The enrolment points of the validated offer (each validated object flagged
 * as one, with its first path) and the formation each belongs to: what a
 * certificate names. Only validated formations reach enrolment.
 */
export function offerReadModel(): EventHandler[] {
  return [
    {
      consumer: 'documents.points',
      event: curriculumEvents.objectValidated.type,
      async handle(event, tx) {
        const tree = event.data as FormationTree;
        const root = tree.objects.find((object) => object.id === tree.root);
        if (root === undefined) return;
        const firstPath = new Map<string, string>();
        for (const node of tree.nodes) if (!firstPath.has(node.objectId)) firstPath.set(node.objectId, node.path);
        for (const object of tree.objects) {
          const path = firstPath.get(object.id);
          if (object.enrolmentPoint && object.status === 'validated' && path !== undefined) await keepPoint(tx, object, path, formationOf(root));
        }
      },
    },
    {
      consumer: 'documents.points',
      event: curriculumEvents.objectChangedAfterValidation.type,
      async handle(event, tx) {
        const { object, paths } = event.data as { object: TrainingObject; paths: string[] };
        // A formation renamed: the points below it print its new name.
        await tx
          .update(enrolmentPoints)
          .set({ formationCode: object.code, formationLabelFr: object.labels.fr, formationLabelEn: object.labels.en ?? null, updatedAt: new Date() })
          .where(eq(enrolmentPoints.formationId, object.id));
        const path = paths[0];
        if (!object.enrolmentPoint || path === undefined) return;
        const [known] = await tx.select().from(enrolmentPoints).where(eq(enrolmentPoints.objectId, object.id));
        if (known !== undefined) return keepPoint(tx, object, path, formationFields(known));
        // A new point: its formation is the first code of its path, known from a sibling point or itself.
        const formationCode = path.split('>')[0]!;
        if (formationCode === object.code) return keepPoint(tx, object, path, formationOf(object));
        const [sibling] = await tx
          .select()
          .from(enrolmentPoints)
          .where(and(eq(enrolmentPoints.periodId, object.periodId), eq(enrolmentPoints.formationCode, formationCode)))
          .orderBy(sql`${enrolmentPoints.updatedAt} desc`)
          .limit(1);
        if (sibling !== undefined) await keepPoint(tx, object, path, formationFields(sibling));
      },
    },
  ];
}
