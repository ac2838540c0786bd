import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { conflict, notFound, ruleProblem, SQLSTATE, sqlState, type ModuleContext, type Origin, type Transaction } from '@pegase/platform';
import { enrolmentLifecycleEvents, type Admission, type Enrolment } from '../../contract/index.ts';
import { identityKeyOf } from '../learners/learner-mapper.ts';
import { checkNomenclatureCodes } from '../learners/learner-rules.ts';
import { toEnrolment } from '../enrolments/enrolment-mapper.ts';
import { assertManagesPoint } from '../enrolments/enrolment-scope.ts';
import { admissions, enrolmentPoints, enrolments, learners } from '../shared/tables.ts';
import type { CandidateLine } from './admission-csv.ts';

/** 16 characters from an alphabet without look-alikes (no 0/O, 1/I/L): easy to type from a letter. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export function invitationCode(): string {
  return [...randomBytes(16)].map((byte) => ALPHABET[byte % ALPHABET.length]).join('');
}

/** A learner's admissions: linked to their record, or with their INE, or with their name and birth date (an import that predates the record). */
export function admissionsOf(learner: { id: string; identityKey: string; ine: string | null }): SQL {
  return or(eq(admissions.learnerId, learner.id), eq(admissions.identityKey, learner.identityKey), ...(learner.ine ? [eq(admissions.ine, learner.ine)] : []))!;
}

export function toAdmission(row: typeof admissions.$inferSelect): Admission {
  return {
    id: row.id,
    pointId: row.pointId,
    periodId: row.periodId,
    source: row.source,
    candidateNumber: row.candidateNumber,
    familyName: row.familyName,
    givenNames: row.givenNames,
    birthDate: row.birthDate,
    ine: row.ine,
    email: row.email,
    learnerId: row.learnerId,
    invitationCode: row.invitationCode,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    usedAt: row.usedAt?.toISOString() ?? null,
  };
}

async function pointFor(tx: Transaction, pointId: string) {
  const [point] = await tx.select().from(enrolmentPoints).where(eq(enrolmentPoints.objectId, pointId));
  if (point === undefined) throw notFound('Enrolment point', pointId);
  return point;
}

/**
 * Imports admitted candidates at a point, all or nothing: each new one gets
 * an invitation code; a candidate already admitted there (same name, first
 * given name and birth date) is kept as is, so importing a file again adds
 * nothing. A candidate whose INE belongs to a learner is linked to them.
 */
export async function importAdmissions(context: ModuleContext, pointId: string, source: string, candidates: CandidateLine[], origin: Origin) {
  await checkNomenclatureCodes(context.db, [{ field: '/source', nomenclature: 'ENROLMENT-ORIGIN', code: source }]);
  return context.transaction(async (tx) => {
    const point = await pointFor(tx, pointId);
    await assertManagesPoint(tx, origin.scope, point.ownerStructureId, `admit candidates at ${point.path}`);
    const ines = candidates.map((c) => c.ine).filter((ine): ine is string => ine !== null);
    const known = ines.length === 0 ? [] : await tx.select({ id: learners.id, ine: learners.ine }).from(learners).where(inArray(learners.ine, ines));
    const learnerOf = new Map(known.map((row) => [row.ine, row.id]));
    const rows = candidates.map((candidate) => ({
      id: randomUUID(),
      pointId,
      periodId: point.periodId,
      source,
      candidateNumber: candidate.candidateNumber,
      familyName: candidate.familyName,
      givenNames: candidate.givenNames,
      birthDate: candidate.birthDate,
      ine: candidate.ine,
      email: candidate.email,
      learnerId: candidate.ine === null ? null : (learnerOf.get(candidate.ine) ?? null),
      identityKey: identityKeyOf(candidate),
      invitationCode: invitationCode(),
      status: 'invited' as const,
    }));
    const inserted =
      rows.length === 0
        ? []
        : await tx
            .insert(admissions)
            .values(rows)
            .onConflictDoNothing({ target: [admissions.pointId, admissions.identityKey] })
            .returning();
    const all = await tx
      .select()
      .from(admissions)
      .where(
        and(
          eq(admissions.pointId, pointId),
          inArray(
            admissions.identityKey,
            rows.map((row) => row.identityKey),
          ),
        ),
      );
    const byKey = new Map(all.map((row) => [row.identityKey, row]));
    if (inserted.length > 0) {
      await context.publishMany(
        tx,
        enrolmentLifecycleEvents.admissionCreated,
        inserted.map((row) => ({ data: toAdmission(row), subject: row.id })),
        origin,
      );
    }
    return {
      invited: inserted.length,
      alreadyInvited: rows.length - inserted.length,
      admissions: rows.map((row) => toAdmission(byKey.get(row.identityKey)!)),
    };
  });
}

/**
 * Invites the learners validated in an earlier period again, at the point of
 * the same code in this period (the offer copied to the next year keeps its
 * codes). Points without a match are reported, not guessed.
 */
export async function inviteReturningLearners(context: ModuleContext, periodId: string, fromPeriodId: string, origin: Origin) {
  return context.transaction(async (tx) => {
    const previous = await tx
      .select({ learner: learners, pointCode: enrolmentPoints.code })
      .from(enrolments)
      .innerJoin(learners, eq(learners.id, enrolments.learnerId))
      .innerJoin(enrolmentPoints, eq(enrolmentPoints.objectId, enrolments.pointId))
      .where(and(eq(enrolments.periodId, fromPeriodId), eq(enrolments.status, 'validated')));
    const points = await tx.select().from(enrolmentPoints).where(eq(enrolmentPoints.periodId, periodId));
    const pointOf = new Map(points.map((point) => [point.code, point]));
    const withoutPoint = [...new Set(previous.filter((row) => !pointOf.has(row.pointCode)).map((row) => row.pointCode))];
    const rows = previous
      .filter((row) => pointOf.has(row.pointCode))
      .map(({ learner, pointCode }) => ({
        id: randomUUID(),
        pointId: pointOf.get(pointCode)!.objectId,
        periodId,
        source: 'REINSCRIPTION',
        candidateNumber: null,
        familyName: learner.familyName,
        givenNames: learner.givenNames,
        birthDate: learner.birthDate,
        ine: learner.ine,
        email: learner.email,
        learnerId: learner.id,
        identityKey: learner.identityKey,
        invitationCode: invitationCode(),
        status: 'invited' as const,
      }));
    const inserted =
      rows.length === 0
        ? []
        : await tx
            .insert(admissions)
            .values(rows)
            .onConflictDoNothing({ target: [admissions.pointId, admissions.identityKey] })
            .returning();
    if (inserted.length > 0) {
      await context.publishMany(
        tx,
        enrolmentLifecycleEvents.admissionCreated,
        inserted.map((row) => ({ data: toAdmission(row), subject: row.id })),
        origin,
      );
    }
    return { invited: inserted.length, alreadyInvited: rows.length - inserted.length, withoutPoint };
  });
}

/**
 * A student starts their own enrolment from an invitation: the admission
 * must be theirs (linked to their record, or same INE, or same name and
 * birth date) and still open. One invitation, one enrolment.
 */
export async function enrolFromInvitation(
  context: ModuleContext,
  learnerCode: string,
  input: { invitationCode: string; regime: string; profiles?: string[] | undefined },
  origin: Origin,
): Promise<Enrolment> {
  await checkNomenclatureCodes(context.db, [
    { field: '/regime', nomenclature: 'REGIME', code: input.regime },
    ...(input.profiles ?? []).map((code, index) => ({ field: `/profiles/${index}`, nomenclature: 'PROFILE', code })),
  ]);
  try {
    return await startFromInvitation(context, learnerCode, input, origin);
  } catch (error) {
    if (sqlState(error) === SQLSTATE.uniqueViolation) {
      throw conflict('already-enrolled', 'You already have an enrolment this year (or at this point): open it from your home page.');
    }
    throw error;
  }
}

async function startFromInvitation(
  context: ModuleContext,
  learnerCode: string,
  input: { invitationCode: string; regime: string; profiles?: string[] | undefined },
  origin: Origin,
) {
  return context.transaction(async (tx) => {
    const [learner] = await tx.select().from(learners).where(eq(learners.code, learnerCode));
    if (learner === undefined) throw notFound('Learner record of the account', learnerCode);
    const [admission] = await tx.select().from(admissions).where(eq(admissions.invitationCode, input.invitationCode.trim().toUpperCase())).for('update');
    const mine =
      admission !== undefined &&
      (admission.learnerId === learner.id || (admission.ine !== null && admission.ine === learner.ine) || admission.identityKey === learner.identityKey);
    if (!mine) {
      throw ruleProblem('unknown-invitation', 'No invitation of yours has this code: check the code in your admission letter.', [
        { in: 'body', field: '/invitationCode', message: 'does not exist' },
      ]);
    }
    if (admission.status !== 'invited') throw conflict('invitation-used', `This invitation was already ${admission.status === 'used' ? 'used' : 'withdrawn'}.`);
    const [row] = await tx
      .insert(enrolments)
      .values({
        id: randomUUID(),
        learnerId: learner.id,
        pointId: admission.pointId,
        periodId: admission.periodId,
        origin: admission.source,
        kind: 'main',
        regime: input.regime,
        profiles: input.profiles ?? [],
        status: 'draft',
        paymentStatus: 'unpaid',
        createdAt: new Date(),
      })
      .returning();
    await tx
      .update(admissions)
      .set({ status: 'used', usedAt: sql`now()`, learnerId: learner.id })
      .where(eq(admissions.id, admission.id));
    const enrolment = toEnrolment(row!);
    await context.publish(tx, enrolmentLifecycleEvents.enrolmentCreated, enrolment, { subject: enrolment.id, origin });
    return enrolment;
  });
}
