import { foldForSearch } from '@pegase/platform';
import type { Cell } from '../spreadsheets/table-file.ts';
import { normalised } from './effective-rules.ts';

/**
 * The columns of an MCC sheet (docs/assessment.md): one row per path, headers
 * in French or English, any order, case and accents ignored.
 *
 *   chemin | libellé | type | coefficient | note de passage | crédits |
 *   compensation | note éliminatoire | session 2 | ABJ |
 *   session 1 : CC (Contrôle continu) | session 2 : EXAM (Examen) | …
 *
 * `libellé` and `type` are for reading only. A rule column left out of the
 * sheet keeps what the path has; a blank cell takes the default of the
 * object's type (no eliminatory mark). Each `session N : CODE (libellé)`
 * column is an assessment (épreuve) of that session: its cell is the
 * assessment's coefficient in the course element, blank where the element
 * has no such assessment.
 */
export type RuleKey = 'path' | 'label' | 'type' | 'coefficient' | 'passMark' | 'credits' | 'compensates' | 'eliminatory' | 'session2' | 'abjPolicy';

interface RuleColumn {
  key: RuleKey;
  /** The header an export writes. */
  title: string;
  /** Folded headers accepted (French and English). */
  aliases: string[];
}

export const ruleColumns: RuleColumn[] = [
  { key: 'path', title: 'chemin', aliases: ['chemin', 'path', 'chemin maquette'] },
  { key: 'label', title: 'libellé', aliases: ['libelle', 'label', 'intitule'] },
  { key: 'type', title: 'type', aliases: ['type', 'nature'] },
  { key: 'coefficient', title: 'coefficient', aliases: ['coefficient', 'coef', 'coeff'] },
  { key: 'passMark', title: 'note de passage', aliases: ['note de passage', 'seuil', 'seuil de validation', 'pass mark'] },
  { key: 'credits', title: 'crédits', aliases: ['credits', 'ects', 'credits ects', 'ects credits'] },
  { key: 'compensates', title: 'compensation', aliases: ['compensation', 'compense', 'compensable', 'compensates'] },
  { key: 'eliminatory', title: 'note éliminatoire', aliases: ['note eliminatoire', 'note plancher', 'eliminatoire', 'eliminatory', 'eliminatory mark'] },
  { key: 'session2', title: 'session 2', aliases: ['session 2', 'politique session 2', 'seconde session', 'session 2 policy', 'second session'] },
  { key: 'abjPolicy', title: 'ABJ', aliases: ['abj', 'absence justifiee', 'politique abj', 'abj policy', 'justified absence'] },
];

const fold = (text: string) =>
  foldForSearch(text)
    .replace(/[\s_]+/g, ' ')
    .trim();

/** `session 1 : CC (Contrôle continu)`, `S1 CC`, `session 2 - EXAM`: an assessment column, its label optional. */
const ASSESSMENT_HEADER = /^(?:session|sess\.?|s)\s*([12])\s*[:\-–—·]?\s*([A-Za-z0-9][A-Za-z0-9-]{0,39})\s*(?:\((.*)\))?$/iu;

export interface AssessmentColumn {
  session: 1 | 2;
  code: string;
  label: string | null;
}

export type HeaderColumn =
  { kind: 'rule'; key: RuleKey; title: string } | { kind: 'assessment'; title: string; assessment: AssessmentColumn } | { kind: 'unknown'; title: string };

/** What a header cell names. `session 2` alone is the session-2 policy, not an assessment. */
export function headerColumn(cell: Cell): HeaderColumn {
  const title = cell === null ? '' : String(cell).trim();
  const folded = fold(title);
  const rule = ruleColumns.find((column) => column.aliases.includes(folded));
  if (rule !== undefined) return { kind: 'rule', key: rule.key, title };
  const match = ASSESSMENT_HEADER.exec(title.normalize('NFC'));
  if (match !== null) {
    const label = match[3]?.trim() ?? '';
    return { kind: 'assessment', title, assessment: { session: match[1] === '2' ? 2 : 1, code: match[2]!.toUpperCase(), label: label === '' ? null : label } };
  }
  return { kind: 'unknown', title };
}

export const assessmentTitle = (column: AssessmentColumn): string =>
  `session ${column.session} : ${column.code}${column.label === null ? '' : ` (${column.label})`}`;

/** A cell as a decimal string: a number of the sheet or text with a point or a comma. */
function decimalText(cell: Cell): string | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : undefined;
  if (typeof cell === 'string') return cell.replace(/\s/g, '');
  return undefined;
}

export type Parsed<T> = { value: T } | { error: string };

/** A decimal with at most 3 decimals, within bounds: "14,5" → "14.500". */
export function parseDecimal(cell: Cell, { min = 0, max, above = false }: { min?: number; max?: number; above?: boolean }): Parsed<string> {
  const text = decimalText(cell);
  const value = text === undefined || !/^[0-9]+([.,][0-9]+)?$/.test(text) ? undefined : normalised(text);
  const bounds = `${above ? `above ${min}` : `from ${min}`}${max === undefined ? '' : ` to ${max}`}`;
  if (value === undefined) return { error: `must be a number ${bounds} with at most 3 decimals (a comma or a point), not « ${String(cell)} »` };
  const number = Number(value);
  if ((above ? number <= min : number < min) || (max !== undefined && number > max)) return { error: `must be ${bounds}, not ${String(cell)}` };
  return { value };
}

const YES = new Set(['oui', 'o', 'yes', 'y', 'x', 'vrai', 'true', '1']);
const NO = new Set(['non', 'n', 'no', 'faux', 'false', '0']);

export function parseYesNo(cell: Cell): Parsed<boolean> {
  if (typeof cell === 'boolean') return { value: cell };
  const folded = fold(String(cell));
  if (YES.has(folded)) return { value: true };
  if (NO.has(folded)) return { value: false };
  return { error: `must be oui or non (yes or no), not « ${String(cell)} »` };
}

const SESSION2: Record<string, 'best' | 'replace'> = {
  meilleure: 'best',
  'meilleure note': 'best',
  'meilleure des deux': 'best',
  best: 'best',
  remplace: 'replace',
  remplacement: 'replace',
  'remplace la session 1': 'replace',
  replace: 'replace',
};
const ABJ: Record<string, 'neutral' | 'zero'> = {
  neutre: 'neutral',
  neutralisee: 'neutral',
  neutralise: 'neutral',
  neutral: 'neutral',
  zero: 'zero',
  '0': 'zero',
};

export function parseSession2(cell: Cell): Parsed<'best' | 'replace'> {
  const value = SESSION2[fold(String(cell))];
  return value === undefined
    ? { error: `must be « meilleure » (the better of the two sessions) or « remplace » (session 2 replaces session 1), not « ${String(cell)} »` }
    : { value };
}

export function parseAbj(cell: Cell): Parsed<'neutral' | 'zero'> {
  const value = ABJ[fold(String(cell))];
  return value === undefined ? { error: `must be « neutre » (left out of the mean) or « zéro » (counts 0), not « ${String(cell)} »` } : { value };
}

/** The words an export writes, which the import reads back. */
export const words = {
  yesNo: (value: boolean) => (value ? 'oui' : 'non'),
  session2: (value: 'best' | 'replace') => (value === 'best' ? 'meilleure' : 'remplace'),
  abj: (value: 'neutral' | 'zero') => (value === 'neutral' ? 'neutre' : 'zéro'),
};
