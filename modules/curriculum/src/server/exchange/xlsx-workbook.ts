import {
  assertReasonableZip as assertZipWithin,
  loadExcelJs,
  readFirstSheet as readSheetRows,
  ruleProblem,
  sheetCellOf,
  XLSX_CONTENT_TYPE,
} from '@pegase/platform';
import { templateColumns, type RawSheet } from './xlsx-sheet.ts';

export { XLSX_CONTENT_TYPE };
/** Largest spreadsheet accepted: a maquette of thousands of rows weighs well under 1 MB. */
export const XLSX_BODY_LIMIT = 10 * 1024 * 1024;

const unreadable = (why: string) =>
  ruleProblem(
    'unreadable-file',
    `The file is not a spreadsheet that can be read (${why}). Save it as an Excel workbook (.xlsx) — in LibreOffice: Save as, "Excel 2007-365" — and import it again. Nothing was imported.`,
  );

/** The first sheet of an .xlsx file, as rows of plain cells numbered as the spreadsheet numbers them (the platform's reader). */
export async function readFirstSheet(bytes: Buffer): Promise<RawSheet> {
  return { rows: await readSheetRows(bytes, unreadable) };
}

/** A cell as the maquette reads it: an error cell (#REF!) stays one, for the row to say so. */
export const cellOf = sheetCellOf;

/** Refuses, in the curriculum's words, a workbook that would inflate too far or is no zip at all. */
export function assertReasonableZip(bytes: Buffer): void {
  assertZipWithin(bytes, unreadable);
}

/** An example maquette: a licence, a year, a semester, two UEs sharing an EC, an option grouping. */
const exampleRows: (string | number | null)[][] = [
  ['LIC-EXEMPLE', null, 'formation', 'Licence exemple', 'Example bachelor', 180, null, null, null, null, 'non', 'non', 'UFR-SCI', null, null],
  ['EX-L1', 'LIC-EXEMPLE', 'year', 'Première année', 'First year', 60, null, null, null, null, 'non', 'oui', 'UFR-SCI', null, null],
  ['EX-S1', 'EX-L1', 'semester', 'Semestre 1', 'Semester 1', 30, null, null, null, null, 'non', 'non', 'UFR-SCI', null, null],
  ['EX-UE1', 'EX-S1', 'ue', 'Fondamentaux', 'Foundations', 6, null, null, null, null, 'non', 'non', 'UFR-SCI', null, null],
  ['EX-EC-MATH', 'EX-UE1', 'ec', 'Mathématiques', 'Mathematics', 3, 18, 24, null, null, 'non', 'non', 'UFR-SCI', null, null],
  ['EX-OPT', 'EX-S1', 'grouping', 'Options (une au choix)', 'Options (choose one)', null, null, null, null, null, 'non', 'non', 'UFR-SCI', 1, 1],
  ['EX-EC-ESP', 'EX-OPT', 'ec', 'Espagnol', 'Spanish', 3, null, 20, null, 30, 'oui', 'non', 'UFR-SCI', null, null],
  ['EX-EC-MATH', 'EX-OPT', null, null, null, null, null, null, null, null, null, null, null, null, null],
];

/** The second sheet, for the gestionnaires who fill the first one in (in French, like the headers). */
const help: [string, string][] = [
  ['code', 'Code de l’objet : majuscules, chiffres et « - » (ex. UE-ALGO-1), unique dans la période.'],
  ['code parent', 'Code de l’objet sous lequel il se place ; vide pour la formation (une seule par feuille). Les enfants suivent l’ordre des lignes.'],
  ['type', 'formation, année (year), semestre (semester), ue, ec, regroupement (grouping), parcours (track), ou un type ajouté par l’établissement.'],
  ['libellé / libellé anglais', 'Libellé français (obligatoire), libellé anglais (facultatif).'],
  ['ECTS', 'Crédits, par pas de 0,5 (6 ou 4,5).'],
  ['heures CM / TD / TP', 'Heures de chaque format d’enseignement ; ajoutez une colonne « heures XX » pour un autre format.'],
  ['capacité', 'Nombre de places, pour les objets ouverts au choix ; vide : sans limite.'],
  ['ouvert au choix / point d’inscription', 'oui ou non (vide : non).'],
  ['structure', 'Code de la structure responsable (celui du référentiel, ex. UFR-SCI).'],
  ['choix min / choix max', 'Regroupements seulement : combien d’enfants l’étudiant choisit.'],
  [
    'Objet partagé',
    'Un objet placé sous plusieurs parents est décrit une fois ; pour chaque autre parent, ajoutez une ligne avec son code et le code de l’autre parent, les autres colonnes vides (voir EX-EC-MATH).',
  ],
  ['Import', 'Tout ou rien : si une ligne est fausse, rien n’est importé et chaque ligne fausse est signalée avec son numéro.'],
];

/** The template: the header row and an example maquette on the first sheet, the columns explained on a second. */
export async function importTemplate(): Promise<Buffer> {
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = 'Pégase';
  const sheet = workbook.addWorksheet('Maquette', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(templateColumns).font = { bold: true };
  for (const row of exampleRows) sheet.addRow(row);
  sheet.columns.forEach((column, index) => {
    column.width = index === 3 || index === 4 ? 28 : Math.max(12, (templateColumns[index]?.length ?? 10) + 2);
  });
  const guide = workbook.addWorksheet('Aide');
  guide.addRow(['colonne', 'contenu']).font = { bold: true };
  for (const row of help) guide.addRow(row);
  guide.getColumn(1).width = 34;
  guide.getColumn(2).width = 120;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
