import { inArray } from 'drizzle-orm';
import type { EventHandler, Transaction } from '@pegase/platform';
import { referentialEvents, type Structure } from '@pegase/referential/contract';
import { structures } from '../shared/tables.ts';

/** A structure and the codes of its lineage: staff manage the cursus of the points their structures (or those above) own. */
async function keepStructure(tx: Transaction, structure: Structure): Promise<void> {
  const ancestors = structure.ancestorIds.length === 0 ? [] : await tx.select().from(structures).where(inArray(structures.id, structure.ancestorIds));
  const codes = new Map(ancestors.map((row) => [row.id, row.code]));
  const lineageCodes = [...structure.ancestorIds.flatMap((id) => codes.get(id) ?? []), structure.code];
  await tx
    .insert(structures)
    .values({ id: structure.id, code: structure.code, lineageCodes })
    .onConflictDoUpdate({ target: structures.id, set: { code: structure.code, lineageCodes } });
}

export function referentialReadModel(): EventHandler[] {
  return [referentialEvents.structureCreated, referentialEvents.structureUpdated].map((definition) => ({
    consumer: 'registration.structures',
    event: definition.type,
    handle: (event: { data: unknown }, tx: Transaction) => keepStructure(tx, event.data as Structure),
  }));
}
