import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { checkVersion, conflict, notFound, Problem, rowsOf, SQLSTATE, sqlState, type ModuleContext, type Origin } from '@pegase/platform';
import { enrolmentEvents, type CreateLearner, type Learner, type UpdateLearner } from '../../contract/index.ts';
import { learners } from '../shared/tables.ts';
import { identityKeyOf, searchNameOf, toLearner, type LearnerRow } from './learner-mapper.ts';
import { checkLearner } from './learner-rules.ts';

const duplicateIne = (ine: string, code: string) =>
  conflict('duplicate-ine', `The INE ${ine} already belongs to learner ${code}: open that record instead of creating another.`, [
    { in: 'body', field: '/ine', message: 'is already used' },
  ]);

function columnsOf(input: CreateLearner) {
  return {
    ine: input.ine ?? null,
    familyName: input.familyName.trim(),
    usageName: input.usageName?.trim() || null,
    givenNames: input.givenNames.trim(),
    birthDate: input.birthDate,
    birthCountry: input.birthCountry,
    birthCommune: input.birthCommune ?? null,
    sex: input.sex,
    nationality: input.nationality ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    address: input.address ?? null,
    bac: input.bac ?? null,
    firstHigherEducation: input.firstHigherEducation ?? null,
    searchName: searchNameOf(input),
    identityKey: identityKeyOf(input),
  };
}

/**
 * Creates a learner. The same INE twice is refused; the same family name,
 * first given name and birth date as an existing learner is reported as a
 * probable duplicate (409 with the candidates) unless the caller checked
 * them and confirms a new person: never a silent merge, never a silent twin.
 */
export async function createLearner(context: ModuleContext, input: CreateLearner, options: { confirmNew: boolean }, origin: Origin): Promise<Learner> {
  await checkLearner(context.db, input);
  const columns = columnsOf(input);
  try {
    return await context.transaction(async (tx) => {
      // One person typed twice at the same moment: the second waits and sees the first.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`enrolment.identity:${columns.identityKey}`}, 0))`);
      if (columns.ine !== null) {
        const [same] = await tx.select({ code: learners.code }).from(learners).where(eq(learners.ine, columns.ine));
        if (same !== undefined) throw duplicateIne(columns.ine, same.code);
      }
      const candidates = await tx.select().from(learners).where(eq(learners.identityKey, columns.identityKey)).limit(10);
      if (candidates.length > 0 && !options.confirmNew) {
        throw new Problem(
          409,
          'probable-duplicate',
          'Conflict',
          `${candidates.length} learner(s) already have this name and birth date (${candidates.map((c) => c.code).join(', ')}): check them; if this is another person, send the request again with ?confirmNew=true.`,
          {
            candidates: candidates.map((c) => ({
              id: c.id,
              code: c.code,
              familyName: c.familyName,
              givenNames: c.givenNames,
              birthDate: c.birthDate,
              ine: c.ine,
            })),
          },
        );
      }
      const [number] = await rowsOf<{ n: string }>(tx, sql`select nextval('enrolment.learner_numbers')::text as n`);
      const [row] = await tx
        .insert(learners)
        .values({ id: randomUUID(), code: `PGS${number!.n.padStart(7, '0')}`, ...columns })
        .returning();
      const learner = toLearner(row!);
      await context.publish(tx, enrolmentEvents.learnerCreated, learner, { subject: learner.id, origin });
      return learner;
    });
  } catch (error) {
    if (sqlState(error) === SQLSTATE.uniqueViolation && columns.ine !== null) throw duplicateIne(columns.ine, 'another learner');
    throw error;
  }
}

export async function updateLearner(
  context: ModuleContext,
  id: string,
  patch: UpdateLearner,
  expectedVersion: number | undefined,
  origin: Origin,
): Promise<Learner> {
  try {
    return await context.transaction(async (tx) => {
      const [current] = await tx.select().from(learners).where(eq(learners.id, id)).for('update');
      if (current === undefined) throw notFound('Learner', id);
      checkVersion(`Learner ${current.code}`, current.version, expectedVersion);
      const before = toLearner(current);
      const merged: CreateLearner = { ...withoutBookkeeping(before), ...patch } as CreateLearner;
      await checkLearner(tx, merged);
      const [row] = await tx
        .update(learners)
        .set({ ...columnsOf(merged), version: sql`${learners.version} + 1`, updatedAt: sql`now()` })
        .where(eq(learners.id, id))
        .returning();
      const learner = toLearner(row!);
      await context.publish(tx, enrolmentEvents.learnerUpdated, learner, { subject: learner.id, origin, before });
      return learner;
    });
  } catch (error) {
    if (sqlState(error) === SQLSTATE.uniqueViolation && patch.ine != null) throw duplicateIne(patch.ine, 'another learner');
    throw error;
  }
}

function withoutBookkeeping(learner: Learner): Omit<Learner, 'id' | 'code' | 'version' | 'createdAt' | 'updatedAt'> {
  const { id: _id, code: _code, version: _version, createdAt: _createdAt, updatedAt: _updatedAt, ...rest } = learner;
  return rest;
}

export type { LearnerRow };
