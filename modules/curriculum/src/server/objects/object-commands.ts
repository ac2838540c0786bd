import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { checkVersion, conflict, notFound, SQLSTATE, sqlState, type ModuleContext, type Origin } from '@pegase/platform';
import {
  curriculumEvents,
  type CreateObjectType,
  type CreateTrainingObject,
  type ObjectType,
  type TrainingObject,
  type UpdateTrainingObject,
} from '../../contract/index.ts';
import { linkChild } from '../links/link-commands.ts';
import { pathsOf } from '../tree/tree-queries.ts';
import { lockPeriodGraph } from '../shared/period-lock.ts';
import { searchTextOf } from '../shared/search-text.ts';
import { objects, objectTypes } from '../shared/tables.ts';
import { toTrainingObject } from './object-mapper.ts';
import { findObjectRow } from './object-queries.ts';
import { assertEditable, assertPeriodExists, checkChoice, kindOf } from './object-rules.ts';
import { assertOwns, assertStructureExists } from './object-scope.ts';

const duplicate = (code: string) =>
  conflict('duplicate-code', `A training object with the code ${code} already exists in this period; choose another code.`, [
    { in: 'body', field: '/code', message: 'is already used' },
  ]);

export async function createObject(context: ModuleContext, input: CreateTrainingObject, origin: Origin): Promise<TrainingObject> {
  try {
    return await context.transaction(async (tx) => {
      await assertPeriodExists(tx, input.periodId);
      await lockPeriodGraph(tx, input.periodId);
      const kind = await kindOf(tx, input.type);
      checkChoice(kind.grouping, input.choice, input.type);
      await assertStructureExists(tx, input.ownerStructureId);
      await assertOwns(tx, origin.scope, input.ownerStructureId ?? null, `create ${input.code}`);
      const [row] = await tx
        .insert(objects)
        .values({
          id: randomUUID(),
          periodId: input.periodId,
          code: input.code,
          type: input.type,
          labelFr: input.labels.fr,
          labelEn: input.labels.en ?? null,
          ects: input.ects ?? null,
          hours: input.hours ?? {},
          capacity: input.capacity ?? null,
          openForChoice: input.openForChoice ?? false,
          enrolmentPoint: input.enrolmentPoint ?? false,
          ownerStructureId: input.ownerStructureId ?? null,
          choiceMin: input.choice?.min ?? null,
          choiceMax: input.choice?.max ?? null,
          status: 'draft',
          searchText: searchTextOf(input.code, input.labels),
        })
        .returning();
      const created = toTrainingObject(row!);
      await context.publish(tx, curriculumEvents.objectCreated, created, { subject: created.id, origin });
      if (input.parentId != null) await linkChild(context, tx, input.parentId, created.id, undefined, origin);
      return created;
    });
  } catch (error) {
    if (sqlState(error) === SQLSTATE.uniqueViolation) throw duplicate(input.code);
    throw error;
  }
}

export async function updateObject(
  context: ModuleContext,
  id: string,
  patch: UpdateTrainingObject,
  expectedVersion: number | undefined,
  options: { unfreeze: boolean },
  origin: Origin,
): Promise<TrainingObject> {
  return context.transaction(async (tx) => {
    const current = await findObjectRow(tx, id, { forUpdate: true });
    if (current === undefined) throw notFound('Training object', id);
    checkVersion(`Training object ${current.code}`, current.version, expectedVersion);
    assertEditable(current, options.unfreeze);
    await assertOwns(tx, origin.scope, current.ownerStructureId, `change ${current.code}`);
    await lockPeriodGraph(tx, current.periodId);
    if (patch.ownerStructureId !== undefined && patch.ownerStructureId !== current.ownerStructureId) {
      await assertStructureExists(tx, patch.ownerStructureId);
      await assertOwns(tx, origin.scope, patch.ownerStructureId, `give ${current.code} to that structure`);
    }
    const kind = await kindOf(tx, current.type);
    checkChoice(kind.grouping, patch.choice, current.type);
    const labels = patch.labels ?? { fr: current.labelFr, ...(current.labelEn === null ? {} : { en: current.labelEn }) };
    const [row] = await tx
      .update(objects)
      .set({
        ...(patch.labels === undefined ? {} : { labelFr: patch.labels.fr, labelEn: patch.labels.en ?? null, searchText: searchTextOf(current.code, labels) }),
        ...(patch.ects === undefined ? {} : { ects: patch.ects }),
        ...(patch.hours === undefined ? {} : { hours: patch.hours }),
        ...(patch.capacity === undefined ? {} : { capacity: patch.capacity }),
        ...(patch.openForChoice === undefined ? {} : { openForChoice: patch.openForChoice }),
        ...(patch.enrolmentPoint === undefined ? {} : { enrolmentPoint: patch.enrolmentPoint }),
        ...(patch.ownerStructureId === undefined ? {} : { ownerStructureId: patch.ownerStructureId }),
        ...(patch.choice === undefined ? {} : { choiceMin: patch.choice?.min ?? null, choiceMax: patch.choice?.max ?? null }),
        version: sql`${objects.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(objects.id, id))
      .returning();
    const updated = toTrainingObject(row!);
    const before = toTrainingObject(current);
    if (current.status === 'validated') {
      const paths = await pathsOf(tx, current.id);
      await context.publish(
        tx,
        curriculumEvents.objectChangedAfterValidation,
        { object: updated, paths },
        { subject: updated.id, origin, before: { object: before } },
      );
    } else {
      await context.publish(tx, curriculumEvents.objectUpdated, updated, { subject: updated.id, origin, before });
    }
    return updated;
  });
}

export async function createObjectType(context: ModuleContext, input: CreateObjectType): Promise<ObjectType> {
  try {
    await context.db
      .insert(objectTypes)
      .values({ code: input.code, labelFr: input.labels.fr, labelEn: input.labels.en ?? null, grouping: input.grouping ?? false, builtin: false });
  } catch (error) {
    if (sqlState(error) === SQLSTATE.uniqueViolation) {
      throw conflict('duplicate-code', `The kind ${input.code} already exists.`, [{ in: 'body', field: '/code', message: 'is already used' }]);
    }
    throw error;
  }
  return { code: input.code, labels: input.labels, grouping: input.grouping ?? false, builtin: false };
}
