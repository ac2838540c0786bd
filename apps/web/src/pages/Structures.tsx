import { useEffect, useState } from 'react';
import {
  Box,
  Button,
  MenuItem,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TableSortLabel,
  TextField,
  Typography,
  LinearProgress,
} from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, dataOf, type paths } from '../api/client.ts';
import { ProblemAlert } from '../api/ProblemAlert.tsx';
import { download, toCsv } from '../csv.ts';
import { formatDate } from '../i18n/index.ts';

type Query = NonNullable<paths['/api/referential/v1/structures']['get']['parameters']['query']>;
type Sort = NonNullable<Query['sort']>;
type StructureType = NonNullable<Query['type']>;
type Column = 'code' | 'label';

const TYPES: StructureType[] = ['ufr', 'institute', 'school', 'department', 'laboratory', 'service'];
const PAGE_SIZE = 25;

function useDebounced<T>(value: T, delay = 300): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

export function StructuresPage() {
  const { t, i18n } = useTranslation();
  const [sort, setSort] = useState<Sort>('code');
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const [type, setType] = useState<StructureType | ''>('');
  // cursors[i] opens page i; the first page has none.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const page = cursors.length - 1;

  useEffect(() => setCursors([undefined]), [sort, q, type]);

  const query = useQuery({
    queryKey: ['structures', sort, q, type, cursors[page]],
    queryFn: () =>
      api
        .GET('/api/referential/v1/structures', {
          params: {
            query: {
              limit: PAGE_SIZE,
              sort,
              ...(q ? { q } : {}),
              ...(type ? { type } : {}),
              ...(cursors[page] ? { cursor: cursors[page] } : {}),
            },
          },
        })
        .then(dataOf),
    placeholderData: keepPreviousData,
  });
  const rows = query.data?.items ?? [];
  const labelOf = (labels: { fr: string; en?: string }) => (i18n.language === 'en' ? (labels.en ?? labels.fr) : labels.fr);

  const column: Column = sort.replace('-', '') as Column;
  const descending = sort.startsWith('-');
  const toggle = (target: Column) => setSort((target === column ? (descending ? target : `-${target}`) : target) as Sort);

  const exportCsv = () => {
    const header = [t('structures.code'), t('structures.label'), t('structures.type'), t('structures.closedOn')];
    const lines = rows.map((row) => [row.code, labelOf(row.labels), t(`structures.types.${row.type}`), row.closedOn ?? '']);
    download(`structures-${new Date().toISOString().slice(0, 10)}.csv`, toCsv([header, ...lines]));
  };

  const sortHeader = (target: Column) => (
    <TableCell sortDirection={column === target ? (descending ? 'desc' : 'asc') : false}>
      <TableSortLabel active={column === target} direction={column === target && descending ? 'desc' : 'asc'} onClick={() => toggle(target)}>
        {t(`structures.${target}`)}
      </TableSortLabel>
    </TableCell>
  );

  return (
    <Box>
      <Typography component="h1" variant="h4" sx={{ mb: 2 }}>
        {t('structures.title')}
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }} role="search">
        <TextField
          label={t('structures.search')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          size="small"
          type="search"
          sx={{ minWidth: 280 }}
        />
        <TextField
          select
          label={t('structures.type')}
          value={type}
          onChange={(event) => setType(event.target.value as StructureType | '')}
          size="small"
          sx={{ minWidth: 180 }}
        >
          <MenuItem value="">{t('structures.allTypes')}</MenuItem>
          {TYPES.map((value) => (
            <MenuItem key={value} value={value}>
              {t(`structures.types.${value}`)}
            </MenuItem>
          ))}
        </TextField>
        <Box sx={{ flexGrow: 1 }} />
        <Button variant="contained" onClick={exportCsv} disabled={rows.length === 0}>
          {t('structures.exportCsv')}
        </Button>
      </Stack>
      {query.error && <ProblemAlert error={query.error} />}
      <Box sx={{ height: 4 }}>{query.isFetching && <LinearProgress aria-label={t('app.loading')} />}</Box>
      <TableContainer component={Paper} variant="outlined">
        <Table size="small">
          <caption style={{ captionSide: 'top', textAlign: 'left', padding: '8px 16px' }}>
            {t('structures.caption', { column: t(`structures.${column}`), direction: t(descending ? 'structures.descending' : 'structures.ascending') })}
          </caption>
          <TableHead>
            <TableRow>
              {sortHeader('code')}
              {sortHeader('label')}
              <TableCell>{t('structures.type')}</TableCell>
              <TableCell>{t('structures.closedOn')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.id} hover>
                <TableCell>{row.code}</TableCell>
                <TableCell>{labelOf(row.labels)}</TableCell>
                <TableCell>{t(`structures.types.${row.type}`)}</TableCell>
                <TableCell>{row.closedOn ? formatDate(row.closedOn, i18n.language) : t('structures.open')}</TableCell>
              </TableRow>
            ))}
            {query.isSuccess && rows.length === 0 && (
              <TableRow>
                <TableCell colSpan={4}>{t('structures.empty')}</TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>
      <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Button variant="outlined" disabled={page === 0} onClick={() => setCursors((list) => list.slice(0, -1))}>
          {t('structures.previous')}
        </Button>
        <Typography role="status">{t('structures.page', { page: page + 1, count: rows.length })}</Typography>
        <Button
          variant="outlined"
          disabled={!query.data?.nextCursor || query.isPlaceholderData}
          onClick={() => {
            const next = query.data?.nextCursor;
            if (next) setCursors((list) => [...list, next]);
          }}
        >
          {t('structures.next')}
        </Button>
      </Stack>
    </Box>
  );
}
