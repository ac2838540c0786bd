import { randomUUID } from 'node:crypto';
import { eq, getTableColumns, sql } from 'drizzle-orm';
import { Problem, type FieldError, type ModuleContext, type Transaction, type Origin } from '@pegase/platform';
import { referentialEvents, type ImportReport } from '../../contract/index.ts';
import { nomenclatureValues } from '../shared/tables.ts';
import { lockNomenclature } from './nomenclature-commands.ts';
import { parseNomenclatureCsv, sortByLine } from './nomenclature-csv.ts';
import { planImport, type PlannedCreate, type PlannedUpdate } from './nomenclature-import-plan.ts';
import { toNomenclatureValue } from './nomenclature-mapper.ts';

/** Rows per statement: 500 × 9 parameters stays far below PostgreSQL's 65,535. */
const BATCH = 500;
/** Errors listed in the problem; the detail gives the total. */
const MAX_ERRORS = 100;

/**
 * Imports the values of one nomenclature from CSV text (format in
 * nomenclature-csv.ts), all or nothing: any invalid line, duplicate key or
 * overlap refuses the whole file with every error listed (422), and nothing is
 * written. Otherwise it upserts by (code, validFrom) and announces each value
 * created or changed. Importing the same file again changes nothing.
 *
 * The API and the sandbox both go through here.
 */
export async function importNomenclatureValues(context: ModuleContext, nomenclature: string, text: string, origin: Origin): Promise<ImportReport> {
  const parsed = parseNomenclatureCsv(text);
  return context.transaction(async (tx) => {
    // Writers of this nomenclature's values wait here for each other: the
    // overlap check below sees every value committed before it.
    await lockNomenclature(tx, nomenclature);
    const existing = await tx.select().from(nomenclatureValues).where(eq(nomenclatureValues.nomenclature, nomenclature));
    const plan = planImport(parsed.lines, existing);
    // The audit trail shows each updated value as it was before the import.
    const previous = new Map(existing.map((row) => [row.id, toNomenclatureValue(row)]));
    const errors = sortByLine([...parsed.errors, ...plan.errors]);
    if (errors.length > 0) throw invalidImport(nomenclature, errors);

    for (let start = 0; start < plan.creates.length; start += BATCH) {
      const rows = await tx
        .insert(nomenclatureValues)
        .values(plan.creates.slice(start, start + BATCH).map((create) => insertRow(nomenclature, create)))
        .returning();
      const values = rows.map(toNomenclatureValue);
      await context.publishMany(
        tx,
        referentialEvents.nomenclatureValueCreated,
        values.map((data) => ({ data, subject: data.id })),
        origin,
      );
    }

    for (let start = 0; start < plan.updates.length; start += BATCH) {
      const rows = await updateBatch(tx, plan.updates.slice(start, start + BATCH));
      const values = rows.map(toNomenclatureValue);
      await context.publishMany(
        tx,
        referentialEvents.nomenclatureValueUpdated,
        values.map((data) => ({ data, subject: data.id, before: previous.get(data.id) ?? null })),
        origin,
      );
    }

    return { created: plan.creates.length, updated: plan.updates.length, unchanged: plan.unchanged };
  });
}

function insertRow(nomenclature: string, create: PlannedCreate): typeof nomenclatureValues.$inferInsert {
  return {
    id: randomUUID(),
    nomenclature,
    code: create.code,
    labelFr: create.labelFr,
    labelEn: create.labelEn,
    validFrom: create.validFrom,
    validTo: create.validTo,
  };
}

/** One `update … from (values …)` statement for a whole batch. */
async function updateBatch(tx: Transaction, updates: PlannedUpdate[]) {
  const values = sql.join(
    updates.map((u) => sql`(${u.id}::uuid, ${u.labelFr}::text, ${u.labelEn}::text, ${u.validTo}::date)`),
    sql`, `,
  );
  return tx
    .update(nomenclatureValues)
    .set({
      labelFr: sql`changes.label_fr`,
      labelEn: sql`changes.label_en`,
      validTo: sql`changes.valid_to`,
      version: sql`${nomenclatureValues.version} + 1`,
      updatedAt: sql`now()`,
    })
    .from(sql`(values ${values}) as changes (id, label_fr, label_en, valid_to)`)
    .where(eq(nomenclatureValues.id, sql`changes.id`))
    .returning(getTableColumns(nomenclatureValues));
}

function invalidImport(nomenclature: string, errors: FieldError[]): Problem {
  const lines = new Set(errors.map((error) => /^\/line\/(\d+)/.exec(error.field)?.[1])).size;
  const listed = errors.length > MAX_ERRORS ? ` The first ${MAX_ERRORS} are listed.` : '';
  return new Problem(
    422,
    'invalid-import',
    'Business rule violated',
    `The file has ${errors.length} error(s) on ${lines} line(s); nothing was imported into ${nomenclature}. Correct the lines listed and import the whole file again.${listed}`,
    { errors: errors.slice(0, MAX_ERRORS) },
  );
}
