import { sql } from 'drizzle-orm';
import { Problem, ruleProblem, type Executor, type ModuleContext, checkVersion, type Origin } from '@pegase/platform';
import { referentialEvents, type Establishment, type EstablishmentInput } from '../../contract/index.ts';
import { establishment } from '../shared/tables.ts';
import { isValidUai, uaiControlLetter } from './uai.ts';

type EstablishmentRow = typeof establishment.$inferSelect;

function toEstablishment(row: EstablishmentRow): Establishment {
  return {
    uai: row.uai,
    name: row.name,
    shortName: row.shortName,
    city: row.city,
    website: row.website,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function getEstablishment(db: Executor): Promise<Establishment> {
  const [row] = await db.select().from(establishment);
  if (row === undefined)
    throw new Problem(
      404,
      'not-found',
      'Not found',
      'The establishment is not set up yet; an administrator sets it with PUT /api/referential/v1/establishment.',
    );
  return toEstablishment(row);
}

/** Sets the establishment: created the first time, replaced afterwards. */
export async function putEstablishment(
  context: ModuleContext,
  input: EstablishmentInput,
  expectedVersion: number | undefined,
  origin: Origin,
): Promise<{ establishment: Establishment; created: boolean }> {
  if (!isValidUai(input.uai)) {
    const expected = uaiControlLetter(input.uai.slice(0, 7));
    throw ruleProblem('invalid-uai', `The UAI ${input.uai} has a wrong control letter: for ${input.uai.slice(0, 7)} it is ${expected}.`, [
      { in: 'body', field: '/uai', message: `control letter should be ${expected}` },
    ]);
  }
  return context.transaction(async (tx) => {
    const [current] = await tx.select().from(establishment).for('update');
    if (current !== undefined) checkVersion('The establishment', current.version, expectedVersion);
    const values = { uai: input.uai, name: input.name, shortName: input.shortName ?? null, city: input.city ?? null, website: input.website ?? null };
    const [row] = await tx
      .insert(establishment)
      .values({ singleton: true, ...values })
      .onConflictDoUpdate({ target: establishment.singleton, set: { ...values, version: sql`${establishment.version} + 1`, updatedAt: sql`now()` } })
      .returning();
    const result = toEstablishment(row!);
    await context.publish(tx, referentialEvents.establishmentUpdated, result, {
      subject: result.uai,
      origin,
      before: current === undefined ? null : toEstablishment(current),
    });
    return { establishment: result, created: current === undefined };
  });
}
