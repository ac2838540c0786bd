import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { notFound, type Executor } from '@pegase/platform';
import type { ChoiceOption, ChoiceWindow, Cursus, CursusEntry, CursusGrouping } from '../../contract/index.ts';
import { arrangements, choiceWindows, cursus, enrolments, entries, learners, objects, paths, seats } from '../shared/tables.ts';

/** A numeric(6,3) as PostgreSQL prints it (14.500) as people write it (14.5). */
export const normaliseMark = (mark: string) => (mark.includes('.') ? mark.replace(/0+$/, '').replace(/\.$/, '') : mark);

const labelsOf = (row: { labelFr: string; labelEn: string | null }) => ({ fr: row.labelFr, en: row.labelEn });

export function windowOf(row: typeof choiceWindows.$inferSelect | undefined, now = new Date()): ChoiceWindow | null {
  if (row === undefined) return null;
  return {
    formationId: row.formationId,
    opensAt: row.opensAt.toISOString(),
    closesAt: row.closesAt.toISOString(),
    open: row.opensAt <= now && now < row.closesAt,
  };
}

/** Parents before children, siblings in the curriculum's order. */
function inTreeOrder<T extends { path: string; parentPath: string | null; position: number }>(rows: T[]): T[] {
  const children = new Map<string | null, T[]>();
  const known = new Set(rows.map((row) => row.path));
  for (const row of rows) {
    const parent = row.parentPath !== null && known.has(row.parentPath) ? row.parentPath : null;
    children.set(parent, [...(children.get(parent) ?? []), row]);
  }
  const ordered: T[] = [];
  const walk = (parent: string | null) => {
    for (const row of (children.get(parent) ?? []).sort((a, b) => a.position - b.position || a.path.localeCompare(b.path))) {
      ordered.push(row);
      walk(row.path);
    }
  };
  walk(null);
  return ordered;
}

/** Rank on its object's waiting list (1: next to be offered a seat) of each waiting entry of an enrolment. */
async function waitingRanks(db: Executor, enrolmentId: string, objectIds: string[]): Promise<Map<string, number>> {
  if (objectIds.length === 0) return new Map();
  const ranked = db
    .select({
      enrolmentId: entries.enrolmentId,
      path: entries.path,
      rank: sql<number>`row_number() over (partition by ${entries.objectId} order by ${entries.waitingSince}, ${entries.enrolmentId}, ${entries.path})`
        .mapWith(Number)
        .as('rank'),
    })
    .from(entries)
    .where(and(eq(entries.status, 'waiting'), inArray(entries.objectId, objectIds)))
    .as('ranked');
  const rows = await db.select().from(ranked).where(eq(ranked.enrolmentId, enrolmentId));
  return new Map(rows.map((row) => [row.path, row.rank]));
}

/** The options of the cursus's groupings: their children, with seats left and waiting lists. */
async function groupingsOf(db: Executor, periodId: string, groupingEntries: (CursusEntry & { min: number; max: number })[], all: CursusEntry[]) {
  if (groupingEntries.length === 0) return [];
  const rows = await db
    .select({
      parentPath: paths.parentPath,
      path: paths.path,
      position: paths.position,
      object: objects,
      capacity: seats.capacity,
      taken: seats.taken,
      waiting: sql<number>`(select count(*) from ${entries} w where w.object_id = ${objects.id} and w.status = 'waiting')`.mapWith(Number),
    })
    .from(paths)
    .innerJoin(objects, eq(objects.id, paths.objectId))
    .leftJoin(seats, eq(seats.objectId, objects.id))
    .where(
      and(
        eq(paths.periodId, periodId),
        inArray(
          paths.parentPath,
          groupingEntries.map((grouping) => grouping.path),
        ),
      ),
    )
    .orderBy(asc(paths.position), asc(paths.path));
  return groupingEntries.map((grouping): CursusGrouping => {
    const options = rows
      .filter((row) => row.parentPath === grouping.path)
      .map((row): ChoiceOption => ({
        path: row.path,
        objectId: row.object.id,
        code: row.object.code,
        labels: labelsOf(row.object),
        ects: row.object.ects,
        openForChoice: row.object.openForChoice,
        capacity: row.capacity,
        remainingSeats: row.capacity === null || row.taken === null ? null : Math.max(0, row.capacity - row.taken),
        waiting: row.waiting,
      }));
    return {
      path: grouping.path,
      code: grouping.code,
      labels: grouping.labels,
      min: grouping.min,
      max: grouping.max,
      chosen: all.filter((entry) => entry.parentPath === grouping.path).map((entry) => entry.path),
      options,
    };
  });
}

/** A learner's cursus for one enrolment, as the API shows it (404 when the enrolment has none). */
export async function cursusOf(db: Executor, enrolmentId: string, now = new Date()): Promise<Cursus> {
  const [head] = await db
    .select({ enrolment: enrolments, learnerCode: learners.code, cursus, point: objects })
    .from(enrolments)
    .innerJoin(cursus, eq(cursus.enrolmentId, enrolments.id))
    .innerJoin(learners, eq(learners.id, enrolments.learnerId))
    .leftJoin(objects, eq(objects.id, enrolments.pointId))
    .where(eq(enrolments.id, enrolmentId));
  if (head === undefined) throw notFound('Cursus of the enrolment', enrolmentId);
  const rows = await db
    .select({ entry: entries, object: objects, position: sql<number>`coalesce(${paths.position}, 0)`.mapWith(Number) })
    .from(entries)
    .innerJoin(objects, eq(objects.id, entries.objectId))
    .leftJoin(paths, and(eq(paths.periodId, head.enrolment.periodId), eq(paths.path, entries.path)))
    .where(eq(entries.enrolmentId, enrolmentId));
  const waitingObjects = [...new Set(rows.filter((row) => row.entry.status === 'waiting').map((row) => row.object.id))];
  const ranks = await waitingRanks(db, enrolmentId, waitingObjects);
  const ordered = inTreeOrder(rows.map((row) => ({ ...row, path: row.entry.path, parentPath: row.entry.parentPath })));
  const list = ordered.map(({ entry, object }) => ({
    entry: {
      path: entry.path,
      parentPath: entry.parentPath,
      objectId: entry.objectId,
      code: object.code,
      labels: labelsOf(object),
      type: object.type,
      ects: object.ects,
      kind: entry.kind,
      status: entry.status,
      offeredAt: entry.status === 'offered' && entry.offeredAt !== null ? entry.offeredAt.toISOString() : null,
      waitingRank: entry.status === 'waiting' ? (ranks.get(entry.path) ?? null) : null,
      chosenBy: entry.chosenBy,
      exemption: entry.exemptionReason === null ? null : { reason: entry.exemptionReason },
      carriedOver: entry.carriedMark === null ? null : { mark: normaliseMark(entry.carriedMark), fromPeriod: entry.carriedFrom ?? '' },
    } satisfies CursusEntry,
    object,
  }));
  const all = list.map(({ entry }) => entry);
  const groupings = list
    .filter(({ entry, object }) => entry.status === 'registered' && object.choiceMin !== null && object.choiceMax !== null)
    .map(({ entry, object }) => ({ ...entry, min: object.choiceMin!, max: object.choiceMax! }));
  const [window] = head.point === null ? [] : await db.select().from(choiceWindows).where(eq(choiceWindows.formationId, head.point.formationId));
  const kept = await db
    .select({ code: arrangements.code, details: arrangements.details })
    .from(arrangements)
    .where(eq(arrangements.enrolmentId, enrolmentId))
    .orderBy(asc(arrangements.code));
  return {
    enrolmentId,
    learnerId: head.enrolment.learnerId,
    learnerCode: head.learnerCode,
    periodId: head.enrolment.periodId,
    pointId: head.enrolment.pointId,
    formationId: head.point?.formationId ?? null,
    entries: all,
    groupings: await groupingsOf(db, head.enrolment.periodId, groupings, all),
    window: windowOf(window, now),
    arrangements: kept,
    version: head.cursus.version,
    updatedAt: head.cursus.updatedAt.toISOString(),
  };
}
