import { useState } from 'react';
import { Box, MenuItem, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { api, DataTable, dataOf, formatDate, labelIn, PageHeading, type Column, type paths } from '@pegase/web-kit';

type Query = NonNullable<paths['/api/referential/v1/periods']['get']['parameters']['query']>;
type Period = paths['/api/referential/v1/periods/{id}']['get']['responses'][200]['content']['application/json'];
type PeriodType = NonNullable<Query['type']>;
const PERIOD_TYPES: PeriodType[] = ['academic-year', 'semester', 'trimester', 'other'];

/** The academic periods: years and their semesters, filtered by type or by a day they cover. */
export default function PeriodsPage() {
  const { t, i18n } = useTranslation('referential');
  const [type, setType] = useState<PeriodType | ''>('');
  const [at, setAt] = useState('');
  const columns: Column<Period>[] = [
    { id: 'code', label: t('periods.code'), cell: (row) => row.code, sortable: true, key: true },
    { id: 'label', label: t('periods.label'), cell: (row) => labelIn(i18n.language, row.labels) },
    { id: 'type', label: t('periods.type'), cell: (row) => t(`periods.types.${row.type}`) },
    { id: 'startDate', label: t('periods.start'), cell: (row) => formatDate(row.startDate, i18n.language), text: (row) => row.startDate, sortable: true },
    { id: 'endDate', label: t('periods.end'), cell: (row) => formatDate(row.endDate, i18n.language), text: (row) => row.endDate },
  ];
  const validAt = /^\d{4}-\d{2}-\d{2}$/.test(at) ? at : '';
  return (
    <Box>
      <PageHeading>{t('periods.title')}</PageHeading>
      <DataTable<Period>
        id="periods"
        title={t('periods.table')}
        columns={columns}
        defaultSort="startDate"
        filters={[type, validAt]}
        rowKey={(row) => row.id}
        rowHref={(row) => `/periods/${row.id}`}
        fetchPage={async (request) =>
          dataOf(
            await api.GET('/api/referential/v1/periods', {
              params: {
                query: {
                  ...request,
                  sort: (request.sort ?? 'startDate') as NonNullable<Query['sort']>,
                  ...(type ? { type } : {}),
                  ...(validAt ? { at: validAt } : {}),
                },
              },
            }),
          )
        }
        toolbar={
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} role="search">
            <TextField
              select
              label={t('periods.type')}
              value={type}
              onChange={(event) => setType(event.target.value as PeriodType | '')}
              size="small"
              sx={{ minWidth: 200 }}
            >
              <MenuItem value="">{t('periods.allTypes')}</MenuItem>
              {PERIOD_TYPES.map((value) => (
                <MenuItem key={value} value={value}>
                  {t(`periods.types.${value}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              label={t('periods.at')}
              type="date"
              value={at}
              onChange={(event) => setAt(event.target.value)}
              size="small"
              slotProps={{ inputLabel: { shrink: true } }}
            />
          </Stack>
        }
      />
    </Box>
  );
}
