import type { FieldError } from '@pegase/platform';
import { Code } from '@pegase/referential/contract';
import {
  formationDocumentFormat,
  formationDocumentVersion,
  importLimits,
  type ExchangeLink,
  type ExchangeObject,
  type FormationDocument,
  type ObjectType,
} from '../../contract/index.ts';
import { foldForSearch } from '../shared/search-text.ts';

/**
 * The spreadsheet layout of a maquette (docs/curriculum.md): on the first
 * sheet, a header row naming the columns (French or English, any order, case
 * and accents ignored), then one row per object with the code of its parent:
 *
 *   code | code parent | type | libellé | libellé anglais | ECTS | heures CM |
 *   heures TD | heures TP | capacité | ouvert au choix | point d'inscription |
 *   structure | choix min | choix max
 *
 * - the formation's row leaves `code parent` empty; there is one per sheet;
 * - an object shared by several parents is described on its first row; each
 *   further parent is a further row with the same code, the other parent's
 *   code and the other columns empty (or equal to the first row's);
 * - children are placed in the order of their rows;
 * - `type` is a kind's code or name (ue, EC, Semestre, Regroupement…);
 *   `ouvert au choix` and `point d'inscription` take oui/non (yes/no, x);
 *   `structure` is the code of the owner structure; numbers may use a comma;
 * - any `heures XX` column (`XX hours`) gives hours of the teaching format XX;
 * - blank rows are ignored; rows keep the spreadsheet's numbers in errors,
 *   which point at `/rows/<row>/<column>`.
 */
export type Cell = string | number | boolean | null | { error: string };

export interface RawSheet {
  rows: { line: number; cells: Cell[] }[];
}

interface Column {
  key: string;
  /** The header written in the template. */
  title: string;
  /** Folded headers accepted (French and English). */
  aliases: string[];
  required?: boolean;
}

const fixedColumns: Column[] = [
  { key: 'code', title: 'code', aliases: ['code', 'code objet', 'object code'], required: true },
  { key: 'parentCode', title: 'code parent', aliases: ['code parent', 'parent', 'code du parent', 'parent code'], required: true },
  { key: 'type', title: 'type', aliases: ['type', 'nature', 'kind'], required: true },
  { key: 'label', title: 'libellé', aliases: ['libelle', 'libelle francais', 'libelle fr', 'label', 'label fr', 'french label'], required: true },
  { key: 'labelEn', title: 'libellé anglais', aliases: ['libelle anglais', 'libelle en', 'label en', 'english label'] },
  { key: 'ects', title: 'ECTS', aliases: ['ects', 'credits', 'credits ects', 'ects credits'] },
  { key: 'capacity', title: 'capacité', aliases: ['capacite', 'capacity', 'places'] },
  { key: 'openForChoice', title: 'ouvert au choix', aliases: ['ouvert au choix', 'open for choice'] },
  { key: 'enrolmentPoint', title: "point d'inscription", aliases: ["point d'inscription", 'point inscription', 'enrolment point', 'enrollment point'] },
  { key: 'structure', title: 'structure', aliases: ['structure', 'structure porteuse', 'code structure', 'structure code', 'owner structure'] },
  { key: 'choiceMin', title: 'choix min', aliases: ['choix min', 'choix minimum', 'min choice', 'choice min', 'minimum choice'] },
  { key: 'choiceMax', title: 'choix max', aliases: ['choix max', 'choix maximum', 'max choice', 'choice max', 'maximum choice'] },
];

/** The columns of the template, in order (hours of CM, TD and TP after ECTS). */
export const templateColumns: string[] = [
  ...fixedColumns.slice(0, 6).map((column) => column.title),
  'heures CM',
  'heures TD',
  'heures TP',
  ...fixedColumns.slice(6).map((column) => column.title),
];

const HOURS = [/^heures? ([a-z][a-z0-9]{0,9})$/, /^hours? ([a-z][a-z0-9]{0,9})$/, /^([a-z][a-z0-9]{0,9}) hours?$/];
const CODE = new RegExp((Code as unknown as { pattern: string }).pattern);
const LABEL_MAX = 200;
/** A shared object takes a row per parent: twice the objects is plenty. */
export const MAX_ROWS = importLimits.objects * 2;

function foldHeader(text: string): string {
  return foldForSearch(text.replace(/[’‘`´]/g, "'"))
    .replace(/\s*'\s*/g, "'")
    .replace(/[_*:]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The column a header names, or undefined. */
function columnOf(header: string): Column | undefined {
  const folded = foldHeader(header);
  const fixed = fixedColumns.find((column) => column.aliases.includes(folded));
  if (fixed !== undefined) return fixed;
  for (const pattern of HOURS) {
    const format = pattern.exec(folded)?.[1];
    if (format !== undefined) return { key: `hours${format.toUpperCase()}`, title: header, aliases: [] };
  }
  return undefined;
}

export interface SheetReading {
  /** The objects of the rows that could be read; complete only when `errors` is empty. */
  document: FormationDocument;
  /** The row describing each object of the document, by index. */
  objectLines: number[];
  /** The row placing each link of the document, by index. */
  linkLines: number[];
  headerLine: number;
  /** The column headers as the sheet writes them, by key. */
  titles: Map<string, string>;
  /** The errors of the rows themselves; the import adds those against the period. */
  errors: FieldError[];
}

interface RowObject {
  line: number;
  code: string;
  object: ExchangeObject | undefined;
  /** The attribute cells, to compare with a row repeating the code. */
  attributes: Map<string, string>;
}

/** Reads the rows into a formation document, with every error of every row. */
export function readSheet(sheet: RawSheet, kinds: ObjectType[]): SheetReading {
  const errors: FieldError[] = [];
  const titles = new Map<string, string>();
  const reading = (headerLine: number): SheetReading => ({
    document: { format: formationDocumentFormat, version: formationDocumentVersion, root: '', objects: [], links: [] },
    objectLines: [],
    linkLines: [],
    headerLine,
    titles,
    errors,
  });
  const [header, ...body] = sheet.rows.filter((row) => row.cells.some((cell) => cell !== null));
  if (header === undefined) {
    errors.push({ in: 'body', field: '/rows/1', message: `the sheet is empty: its first row names the columns (${templateColumns.join(', ')})` });
    return reading(1);
  }

  // The header: which column holds what.
  const positions = new Map<string, number>();
  header.cells.forEach((cell, index) => {
    if (cell === null) return;
    const text = textOf(cell);
    const column = columnOf(text);
    if (column === undefined) {
      errors.push({
        in: 'body',
        field: `/rows/${header.line}/${foldHeader(text) || index + 1}`,
        message: `"${text}" is not a known column; the columns are ${templateColumns.join(', ')} (or their English names)`,
      });
    } else if (positions.has(column.key)) {
      errors.push({ in: 'body', field: `/rows/${header.line}/${column.key}`, message: `"${text}" names the column ${titles.get(column.key)} a second time` });
    } else {
      positions.set(column.key, index);
      titles.set(column.key, text);
    }
  });
  for (const column of fixedColumns.filter((c) => c.required === true && !positions.has(c.key))) {
    errors.push({ in: 'body', field: `/rows/${header.line}/${column.key}`, message: `the column "${column.title}" is missing from the header row` });
  }
  if (errors.length > 0) return reading(header.line);
  if (body.length > MAX_ROWS) {
    errors.push({ in: 'body', field: `/rows/${header.line}`, message: `the sheet has ${body.length} rows; an import takes at most ${MAX_ROWS}` });
    return reading(header.line);
  }
  if (body.length === 0) {
    errors.push({ in: 'body', field: `/rows/${header.line}`, message: 'the sheet has no row below its header: one row per object, the formation first' });
    return reading(header.line);
  }

  const result = reading(header.line);
  const kindOf = kindResolver(kinds);
  const attributeKeys = [...positions.keys()].filter((key) => key !== 'code' && key !== 'parentCode');
  const hoursFormats = attributeKeys.filter((key) => key.startsWith('hours')).map((key) => key.slice('hours'.length));
  const described = new Map<string, RowObject>();
  /** Every code written in the code column, valid or not: a parent refused already is not reported again as unknown. */
  const written = new Set<string>();
  const placements: { line: number; code: string; parent: string }[] = [];
  let root: RowObject | undefined;
  const headed = new Set(positions.values());

  for (const row of body) {
    const cellAt = (key: string): Cell => {
      const position = positions.get(key);
      return position === undefined ? null : (row.cells[position] ?? null);
    };
    const fail = (key: string, message: string) => errors.push({ in: 'body', field: `/rows/${row.line}/${key}`, message: `${titles.get(key)}: ${message}` });
    row.cells.forEach((cell, index) => {
      if (cell !== null && !headed.has(index)) {
        const letter = columnLetter(index);
        errors.push({ in: 'body', field: `/rows/${row.line}/${letter}`, message: `column ${letter} has no header: name it in the header row, or empty it` });
      }
    });

    const code = codeCell(cellAt('code'), 'code', fail, true);
    const parent = codeCell(cellAt('parentCode'), 'parentCode', fail, false);
    if (code === undefined) continue;
    if (code.text !== null) written.add(code.text);
    if (!code.valid || code.text === null) continue;

    const attributes = new Map<string, string>();
    for (const key of attributeKeys) {
      const cell = cellAt(key);
      if (cell !== null) attributes.set(key, canonical(cell));
    }
    const first = described.get(code.text);
    if (first !== undefined) {
      // A further parent of an object described above.
      for (const [key, value] of attributes) {
        if (first.attributes.get(key) !== value) {
          fail(key, `differs from row ${first.line}, where ${code.text} is described; leave it empty on a row that only adds a parent`);
        }
      }
      if (parent?.text === null || parent === undefined) {
        fail(
          'parentCode',
          `${code.text} is already described on row ${first.line}: a row repeating a code places it under one more parent, so fill in this parent's code`,
        );
      } else if (parent.valid) {
        placements.push({ line: row.line, code: code.text, parent: parent.text });
      }
      continue;
    }

    const object = readObject(cellAt, fail, code.text, kindOf, hoursFormats);
    const entry: RowObject = { line: row.line, code: code.text, object, attributes };
    described.set(code.text, entry);
    if (parent?.text === null || parent === undefined) {
      if (root === undefined) root = entry;
      else {
        fail('parentCode', `is empty, as on row ${root.line} (${root.code}): a sheet holds one formation, so fill in the code of this object's parent`);
      }
    } else if (parent.valid) {
      placements.push({ line: row.line, code: code.text, parent: parent.text });
    }
    if (object !== undefined) {
      if (entry === root) {
        result.document.objects.unshift(object);
        result.objectLines.unshift(row.line);
      } else {
        result.document.objects.push(object);
        result.objectLines.push(row.line);
      }
    }
  }

  // Parents: known codes, each placement once, children in the order of the rows.
  const placed = new Map<string, number>();
  const rank = new Map<string, number>();
  for (const placement of placements) {
    const fail = (message: string) =>
      errors.push({ in: 'body', field: `/rows/${placement.line}/parentCode`, message: `${titles.get('parentCode')}: ${message}` });
    if (!written.has(placement.parent)) {
      fail(`no row has the code ${placement.parent}: each parent needs its own row (check the spelling)`);
      continue;
    }
    const key = `${placement.parent}>${placement.code}`;
    const first = placed.get(key);
    if (first !== undefined) {
      fail(`repeats row ${first}: ${placement.code} is already placed under ${placement.parent}`);
      continue;
    }
    placed.set(key, placement.line);
    const position = rank.get(placement.parent) ?? 0;
    rank.set(placement.parent, position + 1);
    const link: ExchangeLink = { parentCode: placement.parent, childCode: placement.code, position };
    result.document.links.push(link);
    result.linkLines.push(placement.line);
  }

  if (root === undefined) {
    errors.push({
      in: 'body',
      field: `/rows/${header.line}/parentCode`,
      message: `${titles.get('parentCode')}: no row leaves it empty; the formation's row must, as it has no parent`,
    });
  } else {
    result.document.root = root.code;
  }
  errors.sort((a, b) => lineOf(a) - lineOf(b));
  return result;
}

/** A, B, … Z, AA, AB…: the spreadsheet's name of a column (from 0). */
function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export function lineOf(error: FieldError): number {
  return Number(/^\/rows\/(\d+)/.exec(error.field)?.[1] ?? 0);
}

type Fail = (key: string, message: string) => void;

function codeCell(cell: Cell, key: string, fail: Fail, required: boolean): { text: string | null; valid: boolean } | undefined {
  if (cell === null) {
    if (required) {
      fail(key, 'is empty: every row needs the code of its object');
      return undefined;
    }
    return { text: null, valid: true };
  }
  if (typeof cell === 'object') {
    fail(key, `holds the spreadsheet error ${cell.error}`);
    return { text: null, valid: false };
  }
  const text = textOf(cell);
  if (!CODE.test(text)) {
    const hint = CODE.test(text.toUpperCase()) ? ` (write ${text.toUpperCase()})` : '';
    fail(key, `"${text}" is not a valid code: upper-case letters A–Z, digits and "-", 1 to 40 characters${hint}`);
    return { text, valid: false };
  }
  return { text, valid: true };
}

function readObject(cellAt: (key: string) => Cell, refuse: Fail, code: string, kindOf: KindResolver, hoursFormats: string[]): ExchangeObject | undefined {
  const text = (key: string): string | null => {
    const cell = cellAt(key);
    if (cell === null) return null;
    if (typeof cell === 'object') {
      refuse(key, `holds the spreadsheet error ${cell.error}`);
      return null;
    }
    return textOf(cell);
  };

  const typeText = text('type');
  let type: string | undefined;
  if (typeText === null) refuse('type', 'is empty: write the kind of object (formation, year, semester, ue, ec, grouping, track…)');
  else {
    type = kindOf(typeText);
    if (type === undefined) refuse('type', `"${typeText}" is not a kind of training object; write one of ${kindOf.list}`);
  }
  const label = text('label');
  if (label === null) refuse('label', 'is empty: every object needs its French label');
  else if (label.length > LABEL_MAX) refuse('label', `has ${label.length} characters; at most ${LABEL_MAX}`);
  const labelEn = text('labelEn');
  if (labelEn !== null && labelEn.length > LABEL_MAX) refuse('labelEn', `has ${labelEn.length} characters; at most ${LABEL_MAX}`);

  const number = (key: string, what: string, check: (n: number) => boolean): number | null => {
    const cell = cellAt(key);
    if (cell === null) return null;
    const value = numberOf(cell);
    if (value === undefined || !check(value)) {
      refuse(key, `"${textOf(cell)}" is not ${what}`);
      return null;
    }
    return value;
  };
  const ects = number('ects', 'a number of credits from 0 to 999 in steps of 0.5 (e.g. 6 or 4,5)', (n) => n >= 0 && n <= 999 && Number.isInteger(n * 2));
  const hours: Record<string, number> = {};
  for (const format of hoursFormats) {
    const value = number(`hours${format}`, 'a number of hours from 0 to 10000', (n) => n >= 0 && n <= 10_000);
    if (value !== null) hours[format] = value;
  }
  const capacity = number('capacity', 'a whole number of places (0 or more), or empty for no limit', (n) => Number.isInteger(n) && n >= 0 && n <= 1_000_000);
  const openForChoice = yesNo(cellAt('openForChoice'), 'openForChoice', refuse);
  const enrolmentPoint = yesNo(cellAt('enrolmentPoint'), 'enrolmentPoint', refuse);
  const structure = text('structure');
  if (structure !== null && !CODE.test(structure)) refuse('structure', `"${structure}" is not a structure code: upper-case letters A–Z, digits and "-"`);
  const range = (n: number) => Number.isInteger(n) && n >= 0 && n <= 1000;
  const min = number('choiceMin', 'a whole number from 0 to 1000', range);
  const max = number('choiceMax', 'a whole number from 0 to 1000', range);
  if (cellAt('choiceMin') === null && cellAt('choiceMax') !== null) refuse('choiceMin', 'is empty while choix max is filled in: fill in both, or neither');
  if (cellAt('choiceMax') === null && cellAt('choiceMin') !== null) refuse('choiceMax', 'is empty while choix min is filled in: fill in both, or neither');

  // An object refused for its type cannot be checked further; one refused for another cell keeps its place in the tree.
  if (type === undefined) return undefined;
  return {
    code,
    type,
    labels: labelEn === null ? { fr: label ?? code } : { fr: label ?? code, en: labelEn },
    ects,
    hours,
    capacity,
    openForChoice,
    enrolmentPoint,
    ownerStructureCode: structure !== null && CODE.test(structure) ? structure : null,
    choice: min !== null && max !== null ? { min, max } : null,
  };
}

function yesNo(cell: Cell, key: string, refuse: Fail): boolean {
  if (cell === null) return false;
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number' && (cell === 0 || cell === 1)) return cell === 1;
  const folded = typeof cell === 'string' ? foldForSearch(cell) : '';
  if (['oui', 'o', 'yes', 'y', 'vrai', 'true', 'x'].includes(folded)) return true;
  if (['non', 'n', 'no', 'faux', 'false'].includes(folded)) return false;
  refuse(key, `"${textOf(cell)}" is neither oui nor non`);
  return false;
}

type KindResolver = ((text: string) => string | undefined) & { list: string };

function kindResolver(kinds: ObjectType[]): KindResolver {
  const names = new Map<string, string>();
  for (const kind of kinds) {
    names.set(foldHeader(kind.code), kind.code);
    names.set(foldHeader(kind.labels.fr), kind.code);
    if (kind.labels.en !== undefined) names.set(foldHeader(kind.labels.en), kind.code);
  }
  const usual = ['formation', 'year', 'semester', 'ue', 'ec', 'grouping', 'track'];
  const rank = (code: string) => (usual.includes(code) ? usual.indexOf(code) : usual.length);
  const list = kinds
    .map((kind) => kind.code)
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1))
    .join(', ');
  return Object.assign((text: string) => names.get(foldHeader(text)), { list: `${list} (or their names)` });
}

export function textOf(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'object') return cell.error;
  return String(cell).trim();
}

function canonical(cell: Cell): string {
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'oui' : 'non';
  return foldForSearch(textOf(cell));
}

function numberOf(cell: Cell): number | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell !== 'string') return undefined;
  const text = cell.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return /^\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
}
