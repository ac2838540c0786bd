import { inArray } from 'drizzle-orm';
import type { EventHandler, Transaction } from '@pegase/platform';
import { referentialEvents, type Structure } from '@pegase/referential/contract';
import { structures } from '../shared/tables.ts';

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

/** The referential's structures, for the staff scope of enrolments. */
export function structureReadModel(): EventHandler[] {
  return [referentialEvents.structureCreated, referentialEvents.structureUpdated].map((event) => ({
    consumer: 'enrolment.structures',
    event: event.type,
    handle: (received, tx) => keepStructure(tx, received.data as Structure),
  }));
}
