import type { Assessment, SheetLine } from '../../contract/index.ts';
import { writeCsv, writeXlsx, type Cell } from '../spreadsheets/table-file.ts';

/** The header of the template: the import reads « code apprenant » and « note », and ignores the names (there for the person filling it). */
const header = (scale: number): Cell[] => ['code apprenant', 'nom', 'prénoms', `note (/${scale})`];

/** A stored mark as a spreadsheet holds it: a number, so that the spreadsheet computes with it; ABI and ABJ as they are. */
const markCell = (mark: string | null): Cell => (mark === null ? null : mark === 'ABI' || mark === 'ABJ' ? mark : Number(mark));

/** A stored mark as a French Excel reads it in CSV: a decimal comma, no useless zeros. */
const markText = (mark: string | null): Cell => (mark === null || mark === 'ABI' || mark === 'ABJ' ? mark : mark.replace(/\.?0+$/, '').replace('.', ','));

const rowsOf = (assessment: Assessment, lines: SheetLine[], mark: (text: string | null) => Cell): Cell[][] => [
  header(assessment.scale),
  ...lines.map((line) => [line.learnerCode, line.usageName ?? line.familyName, line.givenNames, mark(line.mark)]),
];

/** The help sheet of the workbook, in French as the headers are: the assessment and how the file is imported. */
function helpRows(assessment: Assessment): Cell[][] {
  return [
    ['épreuve', `${assessment.code} — ${assessment.label}`],
    ['chemin', assessment.path],
    ['session', assessment.session],
    ['barème', `note de 0 à ${assessment.scale}`],
    ['feuille verrouillée', assessment.locked === null ? 'non' : `oui, par ${assessment.locked.by} (déverrouiller avant d’importer)`],
    ['note', `De 0 à ${assessment.scale}, trois décimales au plus (virgule ou point), ou ABI (absence injustifiée), ABJ (absence justifiée).`],
    ['note vide', 'La note reste telle qu’elle est : seules les notes écrites sont importées.'],
    ['import', 'Tout ou rien : si une ligne est fausse, aucune note n’est importée et chaque ligne fausse est signalée avec son numéro.'],
    ['attention', 'Les notes de ce fichier remplacent celles de la feuille : téléchargez-le de nouveau si d’autres notes ont été saisies depuis.'],
  ];
}

/** The sheet as a file to fill in and import back: its learners by name with their current marks, on the assessment's scale. */
export async function markTemplate(assessment: Assessment, lines: SheetLine[], format: 'xlsx' | 'csv'): Promise<Buffer> {
  if (format === 'csv') return Buffer.from(writeCsv(rowsOf(assessment, lines, markText)), 'utf8');
  return writeXlsx([
    { name: 'Notes', rows: rowsOf(assessment, lines, markCell), widths: [18, 24, 24, 14] },
    { name: 'Aide', rows: helpRows(assessment), widths: [20, 110] },
  ]);
}
