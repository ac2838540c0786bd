import { useState } from 'react';
import { Alert, Box, Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { DataTable, formatDate, labelIn, mayUse, PageHeading, useDebounced, useSession, type Column } from '@pegase/web-kit';
import { CURRICULUM, listObjects, type ObjectQuery, type Structure, type TrainingObject } from '../curriculum-api.ts';
import { StatusChip } from '../common/chips.tsx';
import { CurriculumProblem } from '../common/CurriculumProblem.tsx';
import { usePeriodChoice } from '../common/periods.ts';
import { StructureName } from '../common/structures.tsx';

/** The formations of an academic year: search, open one, create one (staff). */
export default function FormationsPage() {
  const { t, i18n } = useTranslation('curriculum');
  const session = useSession();
  const { years, period, choose } = usePeriodChoice();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const mayWrite = mayUse(session, ['staff']);
  const client = useQueryClient();
  // The CSV names the owner as the table shows it, from the structures already read.
  const ownerCode = (row: TrainingObject) => client.getQueryData<Structure>([CURRICULUM, 'structure', row.ownerStructureId])?.code ?? '';

  const columns: Column<TrainingObject>[] = [
    { id: 'code', label: t('fields.code'), cell: (row) => row.code, sortable: true, key: true },
    { id: 'label', label: t('fields.label'), cell: (row) => labelIn(i18n.language, row.labels), sortable: true },
    { id: 'labelEn', label: t('fields.labelEn'), cell: (row) => row.labels.en ?? '', hiddenByDefault: true },
    { id: 'ects', label: t('fields.ects'), cell: (row) => (row.ects === null ? '' : String(row.ects)) },
    { id: 'owner', label: t('fields.owner'), cell: (row) => <StructureName id={row.ownerStructureId} />, text: ownerCode },
    { id: 'status', label: t('fields.status'), cell: (row) => <StatusChip status={row.status} />, text: (row) => t(`status.${row.status}`) },
    {
      id: 'updatedAt',
      label: t('fields.updatedAt'),
      cell: (row) => formatDate(row.updatedAt, i18n.language),
      text: (row) => row.updatedAt,
      hiddenByDefault: true,
    },
  ];

  return (
    <Box>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'flex-start', flexWrap: 'wrap', gap: 1 }}>
        <PageHeading>{t('formations.title')}</PageHeading>
        {mayWrite && period && (
          <Button variant="contained" component={RouterLink} to={`/curriculum/new?period=${period.id}`}>
            {t('formations.create')}
          </Button>
        )}
      </Stack>
      {years.error && <CurriculumProblem error={years.error} />}
      {years.isSuccess && !period && <Alert severity="info">{t('formations.noPeriod')}</Alert>}
      {!years.data && !years.error && <Typography role="status">{t('app.loading', { ns: 'translation' })}</Typography>}
      {period && (
        <DataTable<TrainingObject>
          id="curriculum-formations"
          exportName={`formations-${period.code}`}
          title={t('formations.table', { period: period.code })}
          columns={columns}
          defaultSort="code"
          filters={[period.id, q]}
          rowKey={(row) => row.id}
          rowHref={(row) => `/curriculum/objects/${row.id}`}
          fetchPage={(request) =>
            listObjects({
              ...request,
              sort: (request.sort ?? 'code') as ObjectQuery['sort'],
              periodId: period.id,
              type: 'formation',
              ...(q ? { q } : {}),
            })
          }
          toolbar={
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} role="search">
              <TextField
                select
                label={t('formations.period')}
                value={period.id}
                onChange={(event) => choose(event.target.value)}
                size="small"
                sx={{ minWidth: 220 }}
              >
                {(years.data ?? []).map((year) => (
                  <MenuItem key={year.id} value={year.id}>
                    {labelIn(i18n.language, year.labels)}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                label={t('formations.search')}
                value={search}
                onChange={(event) => setSearch(event.target.value)}
                size="small"
                type="search"
                sx={{ minWidth: 260 }}
              />
            </Stack>
          }
        />
      )}
    </Box>
  );
}
