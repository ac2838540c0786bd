import type { ReactNode } from 'react';
import { ModuleProblem } from '@pegase/web-kit';

/**
 * A problem of the API, with registration's own problem types (a refused
 * choice, the choice window closed, an offer already answered…) in the
 * person's language; the others as the web kit shows them.
 */
export function RegistrationProblem({ error, children }: { error: unknown; children?: ReactNode }) {
  return (
    <ModuleProblem error={error} ns="registration">
      {children}
    </ModuleProblem>
  );
}
