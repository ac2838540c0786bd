import type { Executor, Scope } from '@pegase/platform';
import type { Cell, TableFormat } from '../spreadsheets/table-file.ts';
import { writeCsv, writeXlsx } from '../spreadsheets/table-file.ts';
import { effectiveRule, normalised } from './effective-rules.ts';
import { formationPaths } from './formation-paths.ts';
import { assessmentTitle, ruleColumns, words, type AssessmentColumn } from './rule-columns.ts';

/** A decimal as the sheet holds it: a number in a workbook, a decimal comma in CSV ("1.500" → 1.5 or "1,5"). */
function decimalCell(text: string, format: TableFormat): Cell {
  const trimmed = text.replace(/\.?0+$/, '');
  return format === 'xlsx' ? Number(trimmed) : trimmed.replace('.', ',');
}

/** The assessment columns of a formation: each session and code once, with the label most of its assessments carry. */
function assessmentColumns(rows: { session: number; code: string; label: string }[]): AssessmentColumn[] {
  const labels = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const key = `${row.session}:${row.code}`;
    const counts = labels.get(key) ?? new Map<string, number>();
    counts.set(row.label, (counts.get(row.label) ?? 0) + 1);
    labels.set(key, counts);
  }
  return [...labels.entries()]
    .map(([key, counts]) => {
      const [session, code] = key.split(':') as [string, string];
      const [label] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
      return { session: session === '2' ? 2 : 1, code, label: label === code ? null : label } as AssessmentColumn;
    })
    .sort((a, b) => a.session - b.session || a.code.localeCompare(b.code));
}

const help: [string, string][] = [
  ['chemin', 'Le chemin de l’objet dans la maquette, de la formation à l’objet (codes séparés par « > »). Une ligne par chemin ; l’ordre est libre.'],
  ['libellé, type', 'Pour la lecture seulement : l’import ne les lit pas.'],
  ['coefficient', 'Poids de l’objet dans la moyenne de son parent (au-dessus de 0, au plus 3 décimales, virgule ou point).'],
  ['note de passage', 'Note sur 20 à atteindre pour valider (10 par défaut).'],
  ['crédits', 'Crédits ECTS acquis quand l’objet est validé (par défaut ceux de la maquette).'],
  ['compensation', 'oui : les enfants se compensent dans la moyenne ; non : chaque enfant doit être validé.'],
  ['note éliminatoire', 'Note sur 20 sous laquelle cet objet empêche son parent d’être validé ; vide : aucune.'],
  ['session 2', 'meilleure : la meilleure des deux sessions ; remplace : la note de session 2 remplace celle de session 1.'],
  ['ABJ', 'neutre : une absence justifiée est retirée de la moyenne ; zéro : elle compte 0.'],
  [
    'session N : CODE (libellé)',
    'Une colonne par épreuve d’une session (ex. « session 1 : CC (Contrôle continu) ») : la cellule est le coefficient de l’épreuve dans l’EC ; vide si l’EC n’a pas cette épreuve. Les épreuves vont sur les EC (sans enfant). L’import crée les épreuves absentes et ne supprime jamais une épreuve.',
  ],
  ['cellule vide', 'Une colonne de règle présente mais vide reprend la valeur par défaut ; une colonne absente laisse la valeur actuelle.'],
  [
    'Import',
    'Tout ou rien : si une ligne est fausse, rien n’est importé et chaque erreur est signalée avec sa ligne et sa colonne. Réimporter le même fichier ne change rien.',
  ],
];

/** The MCC of a formation for a period as a sheet that imports back unchanged (rule-columns.ts). */
export async function exportRules(tx: Executor, scope: Scope, periodId: string, formationCode: string, format: TableFormat): Promise<Buffer | string> {
  const offer = await formationPaths(tx, scope, periodId, formationCode);
  const columns = assessmentColumns(offer.assessments);
  const header: Cell[] = [...ruleColumns.map((column) => column.title), ...columns.map(assessmentTitle)];
  const rows: Cell[][] = [header];
  for (const node of offer.paths) {
    const rule = effectiveRule(periodId, node.path, node.object, offer.stored.get(node.path));
    const own = offer.assessments.filter((assessment) => assessment.path === node.path);
    rows.push([
      node.path,
      node.object.labelFr,
      node.object.type,
      decimalCell(rule.coefficient, format),
      decimalCell(rule.passMark, format),
      decimalCell(rule.credits, format),
      words.yesNo(rule.compensates),
      rule.eliminatory === null ? null : decimalCell(rule.eliminatory, format),
      words.session2(rule.session2),
      words.abj(rule.abjPolicy),
      ...columns.map((column) => {
        const assessment = own.find((row) => row.session === column.session && row.code === column.code);
        return assessment === undefined ? null : decimalCell(normalised(assessment.coefficient)!, format);
      }),
    ]);
  }
  if (format === 'csv') return writeCsv(rows);
  const widths = [Math.min(60, Math.max(12, ...offer.paths.map((node) => node.path.length))), 32, 10, 12, 16, 10, 14, 18, 12, 8, ...columns.map(() => 24)];
  return writeXlsx([
    { name: 'MCC', rows, widths },
    { name: 'Aide', rows: [['colonne', 'contenu'], ...help], widths: [28, 120] },
  ]);
}
