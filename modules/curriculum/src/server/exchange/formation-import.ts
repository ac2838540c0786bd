import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { conflict, notFound, Problem, SQLSTATE, sqlState, type FieldError, type ModuleContext, type Origin, type Transaction } from '@pegase/platform';
import { curriculumEvents, type FormationDocument, type FormationImportReport } from '../../contract/index.ts';
import { toTrainingObject } from '../objects/object-mapper.ts';
import { assertOwns } from '../objects/object-scope.ts';
import { lockPeriodGraph } from '../shared/period-lock.ts';
import { searchTextOf } from '../shared/search-text.ts';
import { links, objects, objectTypes, periods, structures } from '../shared/tables.ts';
import { checkFormationDocument, type ImportFacts, type ImportIssue } from './formation-check.ts';

/** Objects per insert: 500 × 16 parameters stays far below PostgreSQL's 65,535. */
const OBJECT_BATCH = 500;
const LINK_BATCH = 2000;
/** Errors listed in a problem; the detail gives the total. */
export const MAX_LISTED_ERRORS = 1000;

/** Turns the issues of a document into the problem to answer, or undefined to go on. */
export type IssueReporter = (issues: ImportIssue[]) => Problem | undefined;

/**
 * Imports a formation document into a period as drafts, all or nothing, in
 * one transaction holding the period's graph lock: the document is checked
 * against the period (codes free, kinds and owner structures known), then
 * the caller's scope (staff import only objects owned within their
 * structures), then every object and link is inserted in a few statements and
 * announced (`object.created` for each object, then `object.linked` for each
 * link). The JSON and the spreadsheet imports both come here; `report` says
 * how each answers the issues found.
 */
export async function importFormation(
  context: ModuleContext,
  periodId: string,
  document: FormationDocument,
  origin: Origin,
  options: { report: IssueReporter; partial?: boolean },
): Promise<FormationImportReport> {
  try {
    return await context.transaction(async (tx) => {
      const [period] = await tx.select({ id: periods.id }).from(periods).where(eq(periods.id, periodId));
      if (period === undefined) throw notFound('Period', periodId);
      await lockPeriodGraph(tx, periodId);

      const codes = document.objects.map((object) => object.code);
      const ownerCodes = [...new Set(document.objects.map((object) => object.ownerStructureCode ?? null).filter((code) => code !== null))];
      // One after the other: the transaction's one connection takes one query at a time.
      const kinds = await tx.select({ code: objectTypes.code, grouping: objectTypes.grouping }).from(objectTypes);
      const owners =
        ownerCodes.length === 0
          ? []
          : await tx
              .select({ id: structures.id, code: structures.code })
              .from(structures)
              .where(sql`${structures.code} = any(${sql.param(ownerCodes)}::text[])`);
      const existing = await tx
        .select({ code: objects.code })
        .from(objects)
        .where(and(eq(objects.periodId, periodId), sql`${objects.code} = any(${sql.param(codes)}::text[])`));
      const facts: ImportFacts = {
        kinds: new Map(kinds.map((kind) => [kind.code, { grouping: kind.grouping }])),
        structures: new Map(owners.map((owner) => [owner.code, owner.id])),
        existingCodes: new Set(existing.map((row) => row.code)),
      };
      const problem = options.report(checkFormationDocument(document, facts, { partial: options.partial === true }));
      if (problem !== undefined) throw problem;

      const ownerIdOf = (code: string | null | undefined) => (code === null || code === undefined ? null : facts.structures.get(code)!);
      await assertScope(tx, origin, document, ownerIdOf);

      const idOf = new Map<string, string>();
      for (let start = 0; start < document.objects.length; start += OBJECT_BATCH) {
        const batch = document.objects.slice(start, start + OBJECT_BATCH).map((object) => {
          const id = randomUUID();
          idOf.set(object.code, id);
          return {
            id,
            periodId,
            code: object.code,
            type: object.type,
            labelFr: object.labels.fr,
            labelEn: object.labels.en ?? null,
            ects: object.ects ?? null,
            hours: object.hours ?? {},
            capacity: object.capacity ?? null,
            openForChoice: object.openForChoice ?? false,
            enrolmentPoint: object.enrolmentPoint ?? false,
            ownerStructureId: ownerIdOf(object.ownerStructureCode),
            choiceMin: object.choice?.min ?? null,
            choiceMax: object.choice?.max ?? null,
            status: 'draft' as const,
            searchText: searchTextOf(object.code, object.labels),
          };
        });
        const rows = await tx.insert(objects).values(batch).returning();
        const created = rows.map(toTrainingObject);
        await context.publishMany(
          tx,
          curriculumEvents.objectCreated,
          created.map((data) => ({ data, subject: data.id })),
          origin,
        );
      }

      const placed = linksInOrder(document).map((link) => ({
        parentId: idOf.get(link.parentCode)!,
        childId: idOf.get(link.childCode)!,
        position: link.position,
      }));
      for (let start = 0; start < placed.length; start += LINK_BATCH) {
        const batch = placed.slice(start, start + LINK_BATCH);
        await tx.insert(links).values(batch);
        await context.publishMany(
          tx,
          curriculumEvents.objectLinked,
          batch.map((link) => ({ data: { ...link, periodId }, subject: link.childId })),
          origin,
        );
      }
      return { objects: document.objects.length, links: placed.length, root: { id: idOf.get(document.root)!, code: document.root } };
    });
  } catch (error) {
    // A code taken meanwhile by a single creation (which does not wait for the graph lock).
    if (sqlState(error) === SQLSTATE.uniqueViolation) {
      throw conflict(
        'duplicate-code',
        'A code of the document was just used in this period by another change; nothing was imported. Import again to see which.',
      );
    }
    throw error;
  }
}

/** Staff import only objects owned within their structures: every distinct owner is checked once. */
async function assertScope(
  tx: Transaction,
  origin: Origin,
  document: FormationDocument,
  ownerIdOf: (code: string | null | undefined) => string | null,
): Promise<void> {
  if (origin.scope.global) return;
  const byOwner = new Map<string | null, string[]>();
  for (const object of document.objects) {
    const owner = object.ownerStructureCode ?? null;
    const list = byOwner.get(owner) ?? [];
    list.push(object.code);
    byOwner.set(owner, list);
  }
  for (const [owner, codes] of byOwner) {
    const some = codes.length > 3 ? `${codes.slice(0, 3).join(', ')} and ${codes.length - 3} more` : codes.join(', ');
    await assertOwns(
      tx,
      origin.scope,
      ownerIdOf(owner),
      owner === null ? `import objects without an owner structure (${some})` : `import objects owned by ${owner} (${some})`,
    );
  }
}

/** The links with their positions made ranks among siblings (0, 1, 2…), in the document's order for equal positions. */
function linksInOrder(document: FormationDocument): { parentCode: string; childCode: string; position: number }[] {
  const byParent = new Map<string, { childCode: string; position: number; index: number }[]>();
  document.links.forEach((link, index) => {
    const list = byParent.get(link.parentCode) ?? [];
    list.push({ childCode: link.childCode, position: link.position, index });
    byParent.set(link.parentCode, list);
  });
  return [...byParent].flatMap(([parentCode, children]) =>
    children.sort((a, b) => a.position - b.position || a.index - b.index).map((child, rank) => ({ parentCode, childCode: child.childCode, position: rank })),
  );
}

/** A JSON pointer into the document for an issue. */
export function pointerOf(issue: ImportIssue): string {
  if (issue.at === 'root') return '/root';
  const [list, index] = 'objects' in issue.at ? ['objects', issue.at.objects] : ['links', issue.at.links];
  return `/${list}/${index}${issue.field === '' ? '' : `/${issue.field}`}`;
}

/**
 * The JSON import's answers: 422 `unknown-structure` (the codes listed) or
 * `invalid-import` (every error listed) for a document that cannot be
 * imported anywhere; 409 `duplicate-code` (the codes listed) when only codes
 * already used in the period stand in the way.
 */
export function reportJsonIssues(issues: ImportIssue[]): Problem | undefined {
  const errorOf = (issue: ImportIssue): FieldError => ({ in: 'body', field: pointerOf(issue), message: issue.message });
  const listed = (list: ImportIssue[]) => list.slice(0, MAX_LISTED_ERRORS).map(errorOf);
  const codesOf = (list: ImportIssue[]) => [...new Set(list.map((issue) => issue.code!))];
  const unprocessable = issues.filter((issue) => issue.rule !== 'duplicate-code');
  if (unprocessable.length > 0) {
    if (unprocessable.every((issue) => issue.rule === 'unknown-structure')) {
      const codes = codesOf(unprocessable);
      return new Problem(
        422,
        'unknown-structure',
        'Business rule violated',
        `The owner structure code(s) ${codes.join(', ')} are not structures of the referential; nothing was imported. Correct them, or create the structures first.`,
        { codes, errors: listed(unprocessable) },
      );
    }
    const first = unprocessable
      .slice(0, 3)
      .map((issue) => `${pointerOf(issue)}: ${issue.message}`)
      .join('; ');
    const more = unprocessable.length > 3 ? ` (and ${unprocessable.length - 3} more)` : '';
    return new Problem(
      422,
      'invalid-import',
      'Business rule violated',
      `The document has ${unprocessable.length} error(s); nothing was imported. ${first}${more}.`,
      { errors: listed(unprocessable) },
    );
  }
  if (issues.length > 0) {
    const codes = codesOf(issues);
    return new Problem(
      409,
      'duplicate-code',
      'Conflict',
      `${codes.length} code(s) of the document already exist in this period: ${codes.slice(0, 20).join(', ')}${codes.length > 20 ? '…' : ''}. Nothing was imported: import into another period, or change these codes.`,
      { codes, errors: listed(issues) },
    );
  }
  return undefined;
}
