import type * as ExcelJs from 'exceljs';
import type { CellValue } from 'exceljs';
import { ruleProblem } from '@pegase/platform';
import { templateColumns, type Cell, type RawSheet } from './xlsx-sheet.ts';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Largest spreadsheet accepted: a maquette of thousands of rows weighs well under 1 MB. */
export const XLSX_BODY_LIMIT = 10 * 1024 * 1024;
/** Largest total of the files inside the workbook (a zip): refuses a "zip bomb" before it is inflated. */
const XLSX_INFLATED_LIMIT = 200 * 1024 * 1024;

/** exceljs takes a third of a second to load: only the first spreadsheet request pays it, not every start of the server. */
let exceljs: Promise<typeof ExcelJs> | undefined;
async function loadExcelJs(): Promise<typeof ExcelJs> {
  // A CommonJS package: its exports arrive as the default export.
  exceljs ??= import('exceljs').then((loaded) => (loaded as unknown as { default?: typeof ExcelJs }).default ?? loaded);
  return exceljs;
}

const unreadable = (why: string) =>
  ruleProblem(
    'unreadable-file',
    `The file is not a spreadsheet that can be read (${why}). Save it as an Excel workbook (.xlsx) — in LibreOffice: Save as, "Excel 2007-365" — and import it again. Nothing was imported.`,
  );

/** The first sheet of an .xlsx file, as rows of plain cells numbered as the spreadsheet numbers them. */
export async function readFirstSheet(bytes: Buffer): Promise<RawSheet> {
  assertReasonableZip(bytes);
  const workbook = new (await loadExcelJs()).Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw unreadable((error as Error).message);
  }
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) throw unreadable('it has no sheet');
  const rows: RawSheet['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const values = row.values as CellValue[];
    // exceljs numbers the cells from 1, like the columns A, B, C…
    rows.push({ line, cells: Array.from({ length: Math.max(values.length - 1, 0) }, (_, index) => cellOf(values[index + 1])) });
  });
  return { rows };
}

export function cellOf(value: CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('error' in value) return { error: String(value.error) };
  if ('richText' in value) return cellOf(value.richText.map((part) => part.text).join(''));
  if ('hyperlink' in value) return cellOf(value.text);
  if ('formula' in value || 'sharedFormula' in value) return cellOf((value.result ?? null) as CellValue);
  return null;
}

/**
 * Reads the zip's central directory (no inflating) and refuses a workbook
 * whose files would inflate past the limit, or that is no zip at all.
 */
export function assertReasonableZip(bytes: Buffer): void {
  const END = 0x06054b50;
  const ENTRY = 0x02014b50;
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
    if (bytes.readUInt32LE(at) === END) {
      end = at;
      break;
    }
  }
  if (end < 0) throw unreadable('it is not an .xlsx workbook');
  const entries = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== ENTRY) throw unreadable('its zip directory is damaged');
    const size = bytes.readUInt32LE(at + 24);
    total += size === 0xffffffff ? Number.POSITIVE_INFINITY : size;
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  if (total > XLSX_INFLATED_LIMIT) throw unreadable(`it would inflate to more than ${XLSX_INFLATED_LIMIT / 1024 / 1024} MB`);
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
