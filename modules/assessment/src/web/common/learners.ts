/** « MARTIN (Nguyễn) Camille Louise »: the family name, the usage name when there is one, the given names. */
export function learnerName(learner: { familyName: string; usageName?: string | null; givenNames: string }): string {
  return `${learner.familyName.toLocaleUpperCase('fr')}${learner.usageName ? ` (${learner.usageName})` : ''} ${learner.givenNames}`;
}
