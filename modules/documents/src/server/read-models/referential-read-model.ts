import { inArray, sql } from 'drizzle-orm';
import type { EventHandler, Transaction } from '@pegase/platform';
import { referentialEvents, type Establishment, type Period, type Structure } from '@pegase/referential/contract';
import { establishment, periods, structures } from '../shared/tables.ts';

/** A structure and the codes of its lineage (its parents are announced before it; a move announces each descendant). */
async function keepStructure(tx: Transaction, structure: Structure): Promise<void> {
  const ancestors = structure.ancestorIds.length === 0 ? [] : await tx.select().from(structures).where(inArray(structures.id, structure.ancestorIds));
  const codeOf = new Map(ancestors.map((row) => [row.id, row.code]));
  const lineageCodes = [...structure.ancestorIds.flatMap((id) => codeOf.get(id) ?? []), structure.code];
  await tx
    .insert(structures)
    .values({ id: structure.id, code: structure.code, lineageCodes })
    .onConflictDoUpdate({ target: structures.id, set: { code: structure.code, lineageCodes } });
}

async function keepPeriod(tx: Transaction, period: Period): Promise<void> {
  const values = {
    code: period.code,
    labelFr: period.labels.fr,
    labelEn: period.labels.en ?? null,
    startDate: period.startDate,
    endDate: period.endDate,
    version: period.version,
  };
  // At-least-once delivery may bring an older version late: it never overwrites a newer one.
  await tx
    .insert(periods)
    .values({ id: period.id, ...values })
    .onConflictDoUpdate({ target: periods.id, set: values, setWhere: sql`${periods.version} <= excluded.version` });
}

async function keepEstablishment(tx: Transaction, value: Establishment): Promise<void> {
  const values = { uai: value.uai, name: value.name, city: value.city, version: value.version };
  await tx
    .insert(establishment)
    .values({ singleton: true, ...values })
    .onConflictDoUpdate({ target: establishment.singleton, set: values, setWhere: sql`${establishment.version} <= excluded.version` });
}

/** The establishment that heads every certificate, the structures of the staff scope, and the academic periods. */
export function referentialReadModel(): EventHandler[] {
  return [
    {
      consumer: 'documents.establishment',
      event: referentialEvents.establishmentUpdated.type,
      handle: (e, tx) => keepEstablishment(tx, e.data as Establishment),
    },
    ...[referentialEvents.structureCreated, referentialEvents.structureUpdated].map((event) => ({
      consumer: 'documents.structures',
      event: event.type,
      handle: (e: { data: unknown }, tx: Transaction) => keepStructure(tx, e.data as Structure),
    })),
    ...[referentialEvents.periodCreated, referentialEvents.periodUpdated].map((event) => ({
      consumer: 'documents.periods',
      event: event.type,
      handle: (e: { data: unknown }, tx: Transaction) => keepPeriod(tx, e.data as Period),
    })),
  ];
}
