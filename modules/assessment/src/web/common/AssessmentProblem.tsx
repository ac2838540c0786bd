import type { ReactNode } from 'react';
import { ModuleProblem } from '@pegase/web-kit';

/**
 * A problem of the API, with assessment's own problem types (a locked
 * sheet, marks refused, a jury already deliberated…) in the person's
 * language; the others as the web kit shows them.
 */
export function AssessmentProblem({ error, children }: { error: unknown; children?: ReactNode }) {
  return (
    <ModuleProblem error={error} ns="assessment">
      {children}
    </ModuleProblem>
  );
}
