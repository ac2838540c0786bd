import { inArray } from 'drizzle-orm';
import type { Executor } from '@pegase/platform';
import { formationDocumentFormat, formationDocumentVersion, type ExchangeLink, type ExchangeObject, type FormationDocument } from '../../contract/index.ts';
import { links, structures } from '../shared/tables.ts';
import { readTree } from '../tree/tree-queries.ts';

/**
 * One formation (or any object and what is below it) as a document: every
 * object once, in reading order (first appearance in the tree), and the links
 * by parent in that order then by position. No id, date or period, and hours
 * with sorted keys: the same formation always gives the same bytes.
 */
export async function exportFormation(db: Executor, rootId: string): Promise<FormationDocument> {
  const tree = await readTree(db, rootId);
  const byId = new Map(tree.objects.map((object) => [object.id, object]));
  const order = new Map<string, number>();
  for (const node of tree.nodes) if (!order.has(node.objectId)) order.set(node.objectId, order.size);
  const ids = [...order.keys()];

  const ownerIds = [...new Set(tree.objects.map((object) => object.ownerStructureId).filter((id): id is string => id !== null))];
  const owners =
    ownerIds.length === 0 ? [] : await db.select({ id: structures.id, code: structures.code }).from(structures).where(inArray(structures.id, ownerIds));
  const ownerCode = new Map(owners.map((row) => [row.id, row.code]));

  // Every child of an object of the tree is in the tree: the links whose parent is in it are the tree's.
  const rows = await db.select().from(links).where(inArray(links.parentId, ids));
  rows.sort((a, b) => order.get(a.parentId)! - order.get(b.parentId)! || a.position - b.position);

  const objects = ids.map((id): ExchangeObject => {
    const object = byId.get(id)!;
    return {
      code: object.code,
      type: object.type,
      labels: object.labels.en === undefined ? { fr: object.labels.fr } : { fr: object.labels.fr, en: object.labels.en },
      ects: object.ects,
      hours: Object.fromEntries(Object.entries(object.hours).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
      capacity: object.capacity,
      openForChoice: object.openForChoice,
      enrolmentPoint: object.enrolmentPoint,
      ownerStructureCode: object.ownerStructureId === null ? null : (ownerCode.get(object.ownerStructureId) ?? null),
      choice: object.choice,
    };
  });
  // Positions as ranks among the siblings (0, 1, 2…), whatever gaps the table may hold.
  const rank = new Map<string, number>();
  const exchanged = rows.map((row): ExchangeLink => {
    const position = rank.get(row.parentId) ?? 0;
    rank.set(row.parentId, position + 1);
    return { parentCode: byId.get(row.parentId)!.code, childCode: byId.get(row.childId)!.code, position };
  });
  return { format: formationDocumentFormat, version: formationDocumentVersion, root: byId.get(rootId)!.code, objects, links: exchanged };
}
