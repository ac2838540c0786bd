import { useEffect, useState, type ReactNode } from 'react';
import {
  Box,
  Button,
  Checkbox,
  LinearProgress,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TableSortLabel,
  Typography,
} from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { ProblemAlert } from '../api/ProblemAlert.tsx';
import { ColumnChooser } from './ColumnChooser.tsx';
import { download, toCsv } from './csv.ts';
import { useColumnChoice } from './useColumnChoice.ts';

export interface Column<Row> {
  id: string;
  label: string;
  cell: (row: Row) => ReactNode;
  /** The text exported to CSV; the cell when it is text. */
  text?: (row: Row) => string;
  /** The API sorts by this column (the sort parameter is the column id). */
  sortable?: boolean;
  /** Shown until the person chooses otherwise. */
  hiddenByDefault?: boolean;
  /** Identifies the row: always shown, and links to the row's page when the table has one. */
  key?: boolean;
}

export interface Page<Row> {
  items: Row[];
  nextCursor: string | null;
}

export interface PageRequest {
  limit: number;
  sort?: string;
  cursor?: string;
}

/**
 * Rows the person may select (for actions on several rows at once). The
 * selection is the page's: it holds rows of the page shown only, and is
 * emptied of the rows that leave it (another page, other filters, a refresh).
 */
export interface RowSelection<Row> {
  /** The rowKey of each selected row. */
  selected: ReadonlySet<string>;
  onChange: (selected: Set<string>) => void;
  /** Names a row in its check box's label (« Sélectionner PGS0000001 … »): what identifies it to a person. */
  rowLabel: (row: Row) => string;
}

export interface DataTableProps<Row> {
  /** Remembers the column choice under this name. */
  id: string;
  title: string;
  columns: Column<Row>[];
  /** Query key of the current filters: the first page comes back when they change. */
  filters: readonly unknown[];
  fetchPage: (request: PageRequest) => Promise<Page<Row>>;
  rowKey: (row: Row) => string;
  rowHref?: (row: Row) => string;
  defaultSort?: string;
  pageSize?: number;
  /** Filter fields and actions, shown above the table. */
  toolbar?: ReactNode;
  exportName?: string;
  /** A check box on each row and one for the whole page; no selection without it. */
  selection?: RowSelection<Row>;
}

/**
 * The table a gestionnaire works in: pages from the server (cursor), sorting
 * by the API, a choice of columns, a CSV export of what is shown, and — when
 * the page asks for it — check boxes to select rows for an action.
 */
export function DataTable<Row>({
  id,
  title,
  columns,
  filters,
  fetchPage,
  rowKey,
  rowHref,
  defaultSort,
  pageSize = 25,
  toolbar,
  exportName,
  selection,
}: DataTableProps<Row>) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<string | undefined>(defaultSort);
  // cursors[i] opens page i; the first page has none.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const page = cursors.length - 1;
  const [shown, toggle] = useColumnChoice(
    id,
    columns.filter((c) => !c.hiddenByDefault).map((c) => c.id),
  );
  const filterKey = JSON.stringify(filters);
  useEffect(() => setCursors([undefined]), [sort, filterKey]);

  const query = useQuery({
    queryKey: [id, filterKey, sort, cursors[page]],
    queryFn: () => fetchPage({ limit: pageSize, ...(sort ? { sort } : {}), ...(cursors[page] ? { cursor: cursors[page] } : {}) }),
    placeholderData: keepPreviousData,
  });
  const rows = query.data?.items ?? [];
  const visible = columns.filter((c) => c.key || shown.has(c.id));
  const sortColumn = sort?.replace(/^-/, '');
  const descending = sort?.startsWith('-') ?? false;
  const sortedBy = columns.find((c) => c.id === sortColumn);
  const toggleSort = (column: string) => setSort(column === sortColumn ? (descending ? column : `-${column}`) : column);

  // The selection keeps the rows of the page shown only (once that page has come: not the previous one, kept while it loads).
  const settled = query.isSuccess && !query.isPlaceholderData;
  useEffect(() => {
    if (selection === undefined || !settled || selection.selected.size === 0) return;
    const keys = new Set(rows.map(rowKey));
    const kept = [...selection.selected].filter((key) => keys.has(key));
    if (kept.length !== selection.selected.size) selection.onChange(new Set(kept));
  }, [selection, settled, rows, rowKey]);
  const selectedOnPage = selection === undefined ? 0 : rows.filter((row) => selection.selected.has(rowKey(row))).length;
  const selectPage = (checked: boolean) => selection?.onChange(checked ? new Set(rows.map(rowKey)) : new Set());
  const selectRow = (key: string, checked: boolean) => {
    if (selection === undefined) return;
    const next = new Set(selection.selected);
    if (checked) next.add(key);
    else next.delete(key);
    selection.onChange(next);
  };

  const exportCsv = () => {
    const header = visible.map((c) => c.label);
    const lines = rows.map((row) => visible.map((c) => (c.text ? c.text(row) : String(c.cell(row) ?? ''))));
    download(`${exportName ?? id}-${new Date().toISOString().slice(0, 10)}.csv`, toCsv([header, ...lines]));
  };

  return (
    <Box>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { md: 'center' } }}>
        {toolbar}
        <Box sx={{ flexGrow: 1 }} />
        <Stack direction="row" spacing={1}>
          <ColumnChooser
            columns={columns.map((c) => ({ id: c.id, label: c.label, ...(c.key ? { required: true } : {}) }))}
            shown={new Set(visible.map((c) => c.id))}
            onToggle={toggle}
          />
          <Button variant="contained" onClick={exportCsv} disabled={rows.length === 0}>
            {t('table.exportCsv')}
          </Button>
        </Stack>
      </Stack>
      {query.error && <ProblemAlert error={query.error} />}
      <Box sx={{ height: 4 }}>{query.isFetching && <LinearProgress aria-label={t('app.loading')} />}</Box>
      {/* Focusable and named: a wide table scrolls sideways, and keyboard users must reach it (WCAG 2.1.1). */}
      <TableContainer component={Paper} variant="outlined" tabIndex={0} role="region" aria-label={title}>
        <Table size="small">
          <caption style={{ captionSide: 'top', textAlign: 'left', padding: '8px 16px' }}>
            {sortedBy
              ? t('table.caption', { title, column: sortedBy.label, direction: t(descending ? 'table.descending' : 'table.ascending') })
              : t('table.captionUnsorted', { title })}
          </caption>
          <TableHead>
            <TableRow>
              {selection && (
                <TableCell padding="checkbox">
                  <Checkbox
                    checked={rows.length > 0 && selectedOnPage === rows.length}
                    indeterminate={selectedOnPage > 0 && selectedOnPage < rows.length}
                    disabled={rows.length === 0}
                    onChange={(event) => selectPage(event.target.checked)}
                    slotProps={{ input: { 'aria-label': t('table.selectPage') } }}
                  />
                </TableCell>
              )}
              {visible.map((column) =>
                column.sortable ? (
                  <TableCell key={column.id} sortDirection={sortColumn === column.id ? (descending ? 'desc' : 'asc') : false}>
                    <TableSortLabel
                      active={sortColumn === column.id}
                      direction={sortColumn === column.id && descending ? 'desc' : 'asc'}
                      onClick={() => toggleSort(column.id)}
                    >
                      {column.label}
                    </TableSortLabel>
                  </TableCell>
                ) : (
                  <TableCell key={column.id}>{column.label}</TableCell>
                ),
              )}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={rowKey(row)} hover selected={selection?.selected.has(rowKey(row)) ?? false}>
                {selection && (
                  <TableCell padding="checkbox">
                    <Checkbox
                      checked={selection.selected.has(rowKey(row))}
                      onChange={(event) => selectRow(rowKey(row), event.target.checked)}
                      slotProps={{ input: { 'aria-label': t('table.selectRow', { row: selection.rowLabel(row) }) } }}
                    />
                  </TableCell>
                )}
                {visible.map((column) => (
                  <TableCell key={column.id}>
                    {column.key && rowHref ? (
                      <RouterLink to={rowHref(row)} style={{ color: 'inherit', fontWeight: 600 }}>
                        {column.cell(row)}
                      </RouterLink>
                    ) : (
                      column.cell(row)
                    )}
                  </TableCell>
                ))}
              </TableRow>
            ))}
            {query.isSuccess && rows.length === 0 && (
              <TableRow>
                <TableCell colSpan={visible.length + (selection ? 1 : 0)}>{t('table.empty')}</TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>
      <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Button variant="outlined" disabled={page === 0} onClick={() => setCursors((list) => list.slice(0, -1))}>
          {t('table.previous')}
        </Button>
        <Typography role="status">{t('table.page', { page: page + 1, count: rows.length })}</Typography>
        <Button
          variant="outlined"
          disabled={!query.data?.nextCursor || query.isPlaceholderData}
          onClick={() => {
            const next = query.data?.nextCursor;
            if (next) setCursors((list) => [...list, next]);
          }}
        >
          {t('table.next')}
        </Button>
      </Stack>
    </Box>
  );
}
