import { parse } from 'csv-parse/sync';
import { foldForSearch, ruleProblem, type FieldError } from '@pegase/platform';
import { INE_PATTERN } from '../../contract/index.ts';

/**
 * The file of admitted candidates, as Parcoursup, eCandidat or a jury export
 * it: a header line, one candidate a line, `,` or `;` between cells, UTF-8
 * (a BOM is fine). Columns, in any order, French or English names:
 *
 *   numero | candidate_number   (optional)
 *   nom | family_name
 *   prenoms | given_names
 *   date_naissance | birth_date  (YYYY-MM-DD or DD/MM/YYYY)
 *   ine                          (optional)
 *   email                        (optional)
 */
export interface CandidateLine {
  line: number;
  candidateNumber: string | null;
  familyName: string;
  givenNames: string;
  birthDate: string;
  ine: string | null;
  email: string | null;
}

const COLUMNS: Record<string, keyof Omit<CandidateLine, 'line'>> = {
  numero: 'candidateNumber',
  candidate_number: 'candidateNumber',
  nom: 'familyName',
  family_name: 'familyName',
  prenoms: 'givenNames',
  prenom: 'givenNames',
  given_names: 'givenNames',
  date_naissance: 'birthDate',
  birth_date: 'birthDate',
  ine: 'ine',
  email: 'email',
  courriel: 'email',
};
const REQUIRED: (keyof Omit<CandidateLine, 'line'>)[] = ['familyName', 'givenNames', 'birthDate'];
const INE = new RegExp(INE_PATTERN);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isoDate(text: string): string | null {
  const french = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  const iso = french ? `${french[3]}-${french[2]}-${french[1]}` : text;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? null : iso;
}

/** Every line checked; every error reported with its line number; nothing returned if any is wrong. */
export function parseCandidates(text: string): CandidateLine[] {
  let rows: string[][];
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), { delimiter: [',', ';'], relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    throw ruleProblem('invalid-file', `The file is not a readable CSV file: ${(error as Error).message}.`);
  }
  const headerIndex = rows.findIndex((row) => row.some((cell) => cell.trim() !== ''));
  if (headerIndex < 0) throw ruleProblem('invalid-file', 'The file is empty: it needs a header line and one candidate a line.');
  const header = rows[headerIndex]!.map((cell) => COLUMNS[foldForSearch(cell).replace(/[\s-]+/g, '_')]);
  const missing = REQUIRED.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw ruleProblem('invalid-file', `The header line lacks the column(s) ${missing.join(', ')} (see the expected columns in the documentation).`, [
      { in: 'body', field: `/lines/${headerIndex + 1}`, message: `lacks ${missing.join(', ')}` },
    ]);
  }
  const errors: FieldError[] = [];
  const candidates: CandidateLine[] = [];
  rows.slice(headerIndex + 1).forEach((row, index) => {
    const line = headerIndex + index + 2;
    if (row.every((cell) => cell.trim() === '')) return;
    const value = (column: keyof Omit<CandidateLine, 'line'>) => {
      const at = header.indexOf(column);
      const cell = at < 0 ? '' : (row[at] ?? '').trim();
      return cell === '' ? null : cell;
    };
    const fail = (column: string, message: string) => errors.push({ in: 'body', field: `/lines/${line}/${column}`, message });
    const familyName = value('familyName');
    const givenNames = value('givenNames');
    const birth = value('birthDate');
    const birthDate = birth === null ? null : isoDate(birth);
    const ine = value('ine')?.toUpperCase() ?? null;
    const email = value('email');
    if (familyName === null) fail('familyName', 'is required');
    if (givenNames === null) fail('givenNames', 'is required');
    if (birth === null) fail('birthDate', 'is required');
    else if (birthDate === null) fail('birthDate', `must be a date, YYYY-MM-DD or DD/MM/YYYY (got ${birth})`);
    if (ine !== null && !INE.test(ine)) fail('ine', `is not an INE (got ${ine})`);
    if (email !== null && !EMAIL.test(email)) fail('email', `is not an e-mail address (got ${email})`);
    if (familyName && givenNames && birthDate)
      candidates.push({ line, candidateNumber: value('candidateNumber'), familyName, givenNames, birthDate, ine, email });
  });
  if (errors.length > 0) {
    const lines = [...new Set(errors.map((error) => error.field.split('/')[2]))];
    throw ruleProblem(
      'invalid-file',
      `${errors.length} error(s) on line(s) ${lines.join(', ')}: nothing was imported. Correct the file and import it again.`,
      errors,
    );
  }
  return candidates;
}
