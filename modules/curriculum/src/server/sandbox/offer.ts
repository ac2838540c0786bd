import type { ModuleContext, Origin } from '@pegase/platform';
import { createObject } from '../objects/object-commands.ts';
import { linkChild } from '../links/link-commands.ts';

/**
 * One training object of a demo maquette and what lies below it, in reading
 * order. `{ shared: code }` places an object already built elsewhere (in this
 * formation or another one of the period) under this parent as well.
 */
export interface OfferNode {
  code: string;
  type: string;
  labels: { fr: string; en: string };
  ects?: number;
  hours?: Record<string, number>;
  capacity?: number;
  openForChoice?: boolean;
  enrolmentPoint?: boolean;
  choice?: { min: number; max: number };
  /** Code of the structure in charge; by default, the one of its parent. */
  owner?: string;
  children?: (OfferNode | { shared: string })[];
}

/** Hours by teaching format: lectures (CM), tutorials (TD), practicals (TP); zeros left out. */
export function hours(cm: number, td: number, tp = 0): Record<string, number> {
  return Object.fromEntries(Object.entries({ CM: cm, TD: td, TP: tp }).filter(([, value]) => value > 0));
}

export function ec(code: string, fr: string, en: string, ects: number, hoursByFormat: Record<string, number>, extra: Partial<OfferNode> = {}): OfferNode {
  return { code, type: 'ec', labels: { fr, en }, ects, hours: hoursByFormat, ...extra };
}

export function ue(code: string, fr: string, en: string, ects: number, children: OfferNode['children'], extra: Partial<OfferNode> = {}): OfferNode {
  return { code, type: 'ue', labels: { fr, en }, ects, children, ...extra };
}

/** A UE taught as one piece, without ECs (an internship, a project). */
export function wholeUe(code: string, fr: string, en: string, ects: number, hoursByFormat: Record<string, number>, extra: Partial<OfferNode> = {}): OfferNode {
  return { code, type: 'ue', labels: { fr, en }, ects, hours: hoursByFormat, ...extra };
}

export function semester(code: string, fr: string, en: string, children: OfferNode['children']): OfferNode {
  return { code, type: 'semester', labels: { fr, en }, ects: 30, children };
}

export interface OfferTarget {
  periodId: string;
  /** Structure ids by code (the curriculum's read model of the referential). */
  structures: ReadonlyMap<string, string>;
  /** Object ids by code in the period, filled as objects are built (shared objects are found here). */
  ids: Map<string, string>;
}

/**
 * Builds a maquette through the module's own commands, object by object, so
 * that every rule holds and every creation and link is announced and audited
 * as in real use. Returns the id of its top object.
 */
export async function buildOffer(
  context: ModuleContext,
  target: OfferTarget,
  node: OfferNode,
  origin: Origin,
  parent?: { id: string; owner: string | undefined },
): Promise<string> {
  const owner = node.owner ?? parent?.owner;
  const ownerStructureId = owner === undefined ? null : target.structures.get(owner);
  if (ownerStructureId === undefined) throw new Error(`curriculum sandbox: ${node.code} is owned by ${owner}, which the referential does not hold`);
  const created = await createObject(
    context,
    {
      periodId: target.periodId,
      code: node.code,
      type: node.type,
      labels: node.labels,
      ects: node.ects ?? null,
      hours: node.hours ?? {},
      capacity: node.capacity ?? null,
      openForChoice: node.openForChoice ?? false,
      enrolmentPoint: node.enrolmentPoint ?? false,
      ownerStructureId,
      choice: node.choice ?? null,
      parentId: parent?.id ?? null,
    },
    origin,
  );
  target.ids.set(node.code, created.id);
  for (const child of node.children ?? []) {
    if ('shared' in child) {
      const childId = target.ids.get(child.shared);
      if (childId === undefined) throw new Error(`curriculum sandbox: ${child.shared}, shared under ${node.code}, must be built before`);
      await context.transaction((tx) => linkChild(context, tx, created.id, childId, undefined, origin));
    } else {
      await buildOffer(context, target, child, origin, { id: created.id, owner });
    }
  }
  return created.id;
}
