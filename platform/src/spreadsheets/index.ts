export {
  assertReasonableZip,
  loadExcelJs,
  readFirstSheet,
  sheetCellOf,
  XLSX_CONTENT_TYPE,
  XLSX_INFLATED_LIMIT,
  type Refusal,
  type SheetCell,
  type SheetRow,
} from './xlsx.ts';
