import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { FormationPicker as OfferPicker, LOOKUP_STALE_MS, useFormationChoice as useOfferChoice } from '@pegase/web-kit';
import { keys, offerTree } from '../assessment-api.ts';
import { AssessmentProblem } from './AssessmentProblem.tsx';

/**
 * What an assessment page works on, in the address
 * (`?period=…&formation=…&path=…&assessment=…` or `…&jury=…`): the web
 * kit's year and formation, then the formation's tree, which the pages
 * pick their paths from.
 */
export function useFormationChoice() {
  const choice = useOfferChoice(['path', 'assessment', 'jury'] as const);
  const { formation } = choice;
  const tree = useQuery({
    queryKey: keys.tree(formation?.id ?? ''),
    queryFn: () => offerTree(formation!.id),
    enabled: formation !== undefined,
    staleTime: LOOKUP_STALE_MS,
  });
  return { ...choice, tree, path: choice.chosen.path, assessment: choice.chosen.assessment, jury: choice.chosen.jury };
}

export type FormationChoice = ReturnType<typeof useFormationChoice>;

/** The web kit's year and formation fields, the page's own below them, and why the formation's tree could not be read. */
export function FormationPicker({ choice, idPrefix, children }: { choice: FormationChoice; idPrefix: string; children?: ReactNode }) {
  return (
    <>
      <OfferPicker choice={choice} idPrefix={idPrefix}>
        {children}
      </OfferPicker>
      {choice.tree.error && <AssessmentProblem error={choice.tree.error} />}
    </>
  );
}
