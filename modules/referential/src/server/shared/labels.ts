/** Labels travel as `{ fr, en? }` in the API and as two columns in the tables. */
export function labelsOf(row: { labelFr: string; labelEn: string | null }): { fr: string; en?: string } {
  return row.labelEn === null ? { fr: row.labelFr } : { fr: row.labelFr, en: row.labelEn };
}

export function labelColumns(labels: { fr: string; en?: string | undefined }): { labelFr: string; labelEn: string | null } {
  return { labelFr: labels.fr, labelEn: labels.en ?? null };
}
