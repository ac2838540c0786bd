import { and, eq, inArray, like, or, asc } from 'drizzle-orm';
import type { Executor, Scope } from '@pegase/platform';
import { assessments, objects, paths, structures } from '../shared/tables.ts';
import { storedRules } from './effective-rules.ts';

export interface FormationPath {
  path: string;
  depth: number;
  object: typeof objects.$inferSelect;
  /** A course element: no child, so it holds assessments. */
  leaf: boolean;
  /** Within the caller's structures (or one above them). */
  inScope: boolean;
}

/**
 * Every path of a formation in the validated offer of a period, in tree
 * order (parents before children, siblings in order), with its object, its
 * stored rule and its assessments: what an export writes and an import checks.
 */
export async function formationPaths(tx: Executor, scope: Scope, periodId: string, formationCode: string) {
  const rows = await tx
    .select({ path: paths.path, parentPath: paths.parentPath, position: paths.position, depth: paths.depth, object: objects, lineage: structures.lineageCodes })
    .from(paths)
    .innerJoin(objects, eq(objects.id, paths.objectId))
    .leftJoin(structures, eq(structures.id, objects.ownerStructureId))
    .where(and(eq(paths.periodId, periodId), or(eq(paths.path, formationCode), like(paths.path, `${formationCode.replace(/[\\%_]/g, '\\$&')}>%`))));
  const parents = new Set(rows.map((row) => row.parentPath));
  const children = new Map<string | null, typeof rows>();
  for (const row of rows) children.set(row.parentPath, [...(children.get(row.parentPath) ?? []), row]);
  const ordered: FormationPath[] = [];
  const visit = (parent: string | null) => {
    for (const row of (children.get(parent) ?? []).sort((a, b) => a.position - b.position)) {
      const inScope = scope.global || (row.lineage ?? []).some((code) => scope.structureCodes.includes(code));
      ordered.push({ path: row.path, depth: row.depth, object: row.object, leaf: !parents.has(row.path), inScope });
      visit(row.path);
    }
  };
  visit(null);
  const pathList = ordered.map((row) => row.path);
  const stored = await storedRules(tx, periodId, pathList);
  const assessmentRows =
    pathList.length === 0
      ? []
      : await tx
          .select()
          .from(assessments)
          .where(and(eq(assessments.periodId, periodId), inArray(assessments.path, pathList)))
          .orderBy(asc(assessments.session), asc(assessments.code));
  return { paths: ordered, stored, assessments: assessmentRows };
}
