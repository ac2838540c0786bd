import type { ReactNode } from 'react';
import { FormationPicker as OfferPicker, useFormationChoice as useOfferChoice } from '@pegase/web-kit';

/** What a registration staff page works on, in the address (`?period=…&formation=…&course=…`): the web kit's year and formation, then a course of it. */
export function useFormationChoice() {
  const choice = useOfferChoice(['course'] as const);
  return { ...choice, course: choice.chosen.course };
}

export type FormationChoice = ReturnType<typeof useFormationChoice>;

/** The web kit's year and formation fields, then the page's own (`children`). */
export function FormationPicker({ choice, idPrefix, children }: { choice: FormationChoice; idPrefix: string; children?: ReactNode }) {
  return (
    <OfferPicker choice={choice} idPrefix={idPrefix} formationFieldId={`${idPrefix}-formation-choice`}>
      {children}
    </OfferPicker>
  );
}
