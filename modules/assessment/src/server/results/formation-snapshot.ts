import { sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '@pegase/platform';
import { parseThousandths, type NodeRules, type Thousandths } from '../engine/index.ts';
import { effectiveRule, engineRules, storedRules } from '../rules/effective-rules.ts';

/** One path of a formation as its results need it: where it hangs, what it is, its effective rules. */
export interface SnapshotPath {
  path: string;
  parentPath: string | null;
  position: number;
  code: string;
  type: string;
  labelFr: string;
  labelEn: string | null;
  rules: NodeRules;
}

/** One assessment (épreuve) of a course element's path, for one session. */
export interface SnapshotAssessment {
  id: string;
  path: string;
  session: 1 | 2;
  code: string;
  coefficient: Thousandths;
  /** What its marks are out of (decision 0015): they are converted to 20 when read. */
  scale: number;
}

/**
 * Everything of a formation in a period that is the same for all its
 * learners: its paths with their rules, and its assessments. A learner's
 * trees are this plus their own inputs (learner-inputs.ts); a deliberation
 * stores it once with the jury, so that its results stay frozen whatever
 * later happens to the rules. Paths and assessments are referred to by
 * their index in these arrays.
 */
export interface FormationSnapshot {
  periodId: string;
  formationId: string;
  paths: SnapshotPath[];
  assessments: SnapshotAssessment[];
}

interface PathRow extends Record<string, unknown> {
  path: string;
  parent_path: string | null;
  position: number;
  code: string;
  type: string;
  label_fr: string;
  label_en: string | null;
  ects: string | null;
}

/** The snapshot of a formation as the rules and assessments are now: three statements whatever the number of learners. */
export async function formationSnapshot(tx: Executor, periodId: string, formationId: string): Promise<FormationSnapshot> {
  // A formation's paths all start with its own code; objects shared with another formation keep their path under each.
  const pathRows = await rowsOf<PathRow>(
    tx,
    sql`select p.path, p.parent_path, p.position, o.code, o.type, o.label_fr, o.label_en, o.ects::text as ects
          from assessment.paths p
          join assessment.objects o on o.id = p.object_id
         where p.period_id = ${periodId}
           and exists (select 1 from assessment.objects f
                        where f.id = ${formationId} and (p.path = f.code or starts_with(p.path, f.code || '>')))
         order by p.depth, p.parent_path, p.position`,
  );
  const stored = await storedRules(
    tx,
    periodId,
    pathRows.map((row) => row.path),
  );
  const paths = pathRows.map((row): SnapshotPath => ({
    path: row.path,
    parentPath: row.parent_path,
    position: row.position,
    code: row.code,
    type: row.type,
    labelFr: row.label_fr,
    labelEn: row.label_en,
    rules: engineRules(effectiveRule(periodId, row.path, row, stored.get(row.path))),
  }));
  const assessmentRows =
    paths.length === 0
      ? []
      : await rowsOf<{ id: string; path: string; session: number; code: string; coefficient: string; scale: number }>(
          tx,
          sql`select a.id, a.path, a.session, a.code, a.coefficient::text as coefficient, a.scale
                from assessment.assessments a
               where a.period_id = ${periodId} and a.path = any(${sql.param(paths.map((path) => path.path))}::text[])
               order by a.path, a.session, a.code`,
        );
  const assessments = assessmentRows.map((row): SnapshotAssessment => ({
    id: row.id,
    path: row.path,
    session: row.session as 1 | 2,
    code: row.code,
    coefficient: parseThousandths(row.coefficient)!,
    scale: row.scale,
  }));
  return { periodId, formationId, paths, assessments };
}

/** The snapshot's lookups, built once per snapshot: index of a path, children in order, assessments by path and session. */
export interface SnapshotIndex {
  snapshot: FormationSnapshot;
  pathIndex: Map<string, number>;
  childrenOf: number[][];
  assessmentsOf: (pathIndex: number, session: 1 | 2) => number[];
}

export function indexSnapshot(snapshot: FormationSnapshot): SnapshotIndex {
  const pathIndex = new Map(snapshot.paths.map((path, index) => [path.path, index]));
  const childrenOf: number[][] = snapshot.paths.map(() => []);
  snapshot.paths.forEach((path, index) => {
    const parent = path.parentPath === null ? undefined : pathIndex.get(path.parentPath);
    if (parent !== undefined) childrenOf[parent]!.push(index);
  });
  for (const children of childrenOf) children.sort((a, b) => snapshot.paths[a]!.position - snapshot.paths[b]!.position);
  const bySession: Record<1 | 2, Map<number, number[]>> = { 1: new Map(), 2: new Map() };
  snapshot.assessments.forEach((assessment, index) => {
    const path = pathIndex.get(assessment.path);
    if (path === undefined) return;
    const map = bySession[assessment.session];
    map.set(path, [...(map.get(path) ?? []), index]);
  });
  return { snapshot, pathIndex, childrenOf, assessmentsOf: (path, session) => bySession[session].get(path) ?? [] };
}
