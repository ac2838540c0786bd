import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import {
  conflict,
  notFound,
  ruleProblem,
  SQLSTATE,
  sqlState,
  type FieldError,
  type ModuleContext,
  type Transaction,
  checkVersion,
  type Origin,
} from '@pegase/platform';
import {
  referentialEvents,
  type CreateNomenclature,
  type CreateNomenclatureValue,
  type Nomenclature,
  type NomenclatureValue,
  type UpdateNomenclature,
  type UpdateNomenclatureValue,
} from '../../contract/index.ts';
import { labelColumns } from '../shared/labels.ts';
import { nomenclatures, nomenclatureValues } from '../shared/tables.ts';
import { toNomenclature, toNomenclatureValue, type NomenclatureRow, type NomenclatureValueRow } from './nomenclature-mapper.ts';
import { findNomenclatureRow, findNomenclatureValueRow, valuesOfCode } from './nomenclature-queries.ts';
import { describeValidity, overlaps, type Validity } from './nomenclature-validity.ts';

export async function createNomenclature(context: ModuleContext, input: CreateNomenclature, origin: Origin): Promise<Nomenclature> {
  try {
    return await context.transaction(async (tx) => {
      const [row] = await tx
        .insert(nomenclatures)
        .values({ code: input.code, ...labelColumns(input.labels), description: input.description ?? null })
        .returning();
      const nomenclature = toNomenclature(row!);
      await context.publish(tx, referentialEvents.nomenclatureCreated, nomenclature, { subject: nomenclature.code, origin });
      return nomenclature;
    });
  } catch (error) {
    if (sqlState(error) === SQLSTATE.uniqueViolation) {
      throw conflict('duplicate-code', `A nomenclature with the code ${input.code} already exists; choose another code.`, [
        { in: 'body', field: '/code', message: 'is already used' },
      ]);
    }
    throw error;
  }
}

export async function updateNomenclature(
  context: ModuleContext,
  code: string,
  patch: UpdateNomenclature,
  expectedVersion: number | undefined,
  origin: Origin,
): Promise<Nomenclature> {
  return context.transaction(async (tx) => {
    const current = await lockNomenclature(tx, code);
    checkVersion(`Nomenclature ${current.code}`, current.version, expectedVersion);
    const [row] = await tx
      .update(nomenclatures)
      .set({
        ...(patch.labels === undefined ? {} : labelColumns(patch.labels)),
        ...(patch.description === undefined ? {} : { description: patch.description }),
        version: sql`${nomenclatures.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(nomenclatures.code, code))
      .returning();
    const nomenclature = toNomenclature(row!);
    await context.publish(tx, referentialEvents.nomenclatureUpdated, nomenclature, { subject: nomenclature.code, origin, before: toNomenclature(current) });
    return nomenclature;
  });
}

/**
 * Locks the nomenclature row: every writer of its values takes this lock
 * first, so the overlap checks of concurrent writers run one after the other.
 */
export async function lockNomenclature(tx: Transaction, code: string): Promise<NomenclatureRow> {
  const row = await findNomenclatureRow(tx, code, { forUpdate: true });
  if (row === undefined) throw notFound('Nomenclature', code);
  return row;
}

export async function createNomenclatureValue(
  context: ModuleContext,
  nomenclature: string,
  input: CreateNomenclatureValue,
  origin: Origin,
): Promise<NomenclatureValue> {
  const validity = { validFrom: input.validFrom, validTo: input.validTo ?? null };
  checkOrder(validity, '/validTo');
  try {
    return await context.transaction(async (tx) => {
      await lockNomenclature(tx, nomenclature);
      const others = await valuesOfCode(tx, nomenclature, input.code);
      if (others.some((other) => other.validFrom === input.validFrom)) throw duplicateValue(nomenclature, input.code, input.validFrom);
      checkNoOverlap(nomenclature, input.code, validity, others, '/validFrom');
      const [row] = await tx
        .insert(nomenclatureValues)
        .values({ id: randomUUID(), nomenclature, code: input.code, ...labelColumns(input.labels), ...validity })
        .returning();
      const value = toNomenclatureValue(row!);
      await context.publish(tx, referentialEvents.nomenclatureValueCreated, value, { subject: value.id, origin });
      return value;
    });
  } catch (error) {
    // The lock makes this unreachable in practice; the unique key still has the last word.
    if (sqlState(error) === SQLSTATE.uniqueViolation) throw duplicateValue(nomenclature, input.code, input.validFrom);
    throw error;
  }
}

export async function updateNomenclatureValue(
  context: ModuleContext,
  nomenclature: string,
  id: string,
  patch: UpdateNomenclatureValue,
  expectedVersion: number | undefined,
  origin: Origin,
): Promise<NomenclatureValue> {
  return context.transaction(async (tx) => {
    await lockNomenclature(tx, nomenclature);
    const current = await findNomenclatureValueRow(tx, nomenclature, id, { forUpdate: true });
    if (current === undefined) throw notFound(`Value of nomenclature ${nomenclature}`, id);
    checkVersion(`${nomenclature} ${current.code} (from ${current.validFrom})`, current.version, expectedVersion);
    if (patch.validTo !== undefined) {
      const validity = { validFrom: current.validFrom, validTo: patch.validTo };
      checkOrder(validity, '/validTo');
      const others = (await valuesOfCode(tx, nomenclature, current.code)).filter((other) => other.id !== current.id);
      checkNoOverlap(nomenclature, current.code, validity, others, '/validTo');
    }
    const [row] = await tx
      .update(nomenclatureValues)
      .set({
        ...(patch.labels === undefined ? {} : labelColumns(patch.labels)),
        ...(patch.validTo === undefined ? {} : { validTo: patch.validTo }),
        version: sql`${nomenclatureValues.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(nomenclatureValues.nomenclature, nomenclature), eq(nomenclatureValues.id, id)))
      .returning();
    const value = toNomenclatureValue(row!);
    await context.publish(tx, referentialEvents.nomenclatureValueUpdated, value, { subject: value.id, origin, before: toNomenclatureValue(current) });
    return value;
  });
}

function checkOrder(validity: Validity, field: string): void {
  if (validity.validTo !== null && validity.validTo < validity.validFrom) {
    throw ruleProblem(
      'invalid-validity',
      `validTo ${validity.validTo} is before validFrom ${validity.validFrom}; a value is valid from validFrom to validTo inclusive.`,
      [{ in: 'body', field, message: 'must not be before validFrom' }],
    );
  }
}

function checkNoOverlap(nomenclature: string, code: string, validity: Validity, others: NomenclatureValueRow[], field: string): void {
  const clash = others.find((other) => overlaps(validity, other));
  if (clash === undefined) return;
  const errors: FieldError[] = [{ in: 'body', field, message: `overlaps the value valid ${describeValidity(clash)}` }];
  throw ruleProblem(
    'validity-overlap',
    `${nomenclature} ${code} valid ${describeValidity(validity)} would overlap its value valid ${describeValidity(clash)}; the intervals of one code must not overlap. Close the other interval first (set its validTo).`,
    errors,
  );
}

function duplicateValue(nomenclature: string, code: string, validFrom: string) {
  return conflict('duplicate-value', `${nomenclature} already has a value ${code} valid from ${validFrom}; change that value instead.`, [
    { in: 'body', field: '/validFrom', message: `a value ${code} already starts on this date` },
  ]);
}
