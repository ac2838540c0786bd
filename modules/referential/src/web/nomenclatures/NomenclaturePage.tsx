import { useState } from 'react';
import { Box, Card, CardContent, Link, Stack, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import {
  api,
  DataTable,
  dataOf,
  DetailList,
  formatDate,
  HistoryTable,
  labelIn,
  PageHeading,
  ProblemAlert,
  useDebounced,
  type Column,
  type paths,
} from '@pegase/web-kit';

type ValuesQuery = NonNullable<paths['/api/referential/v1/nomenclatures/{code}/values']['get']['parameters']['query']>;
type Value = paths['/api/referential/v1/nomenclatures/{code}/values/{id}']['get']['responses'][200]['content']['application/json'];

/** One nomenclature: its values with their validity dates (filtered by a day), and its history. */
export default function NomenclaturePage() {
  const { t, i18n } = useTranslation('referential');
  const { code = '' } = useParams();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const [at, setAt] = useState('');
  const validAt = /^\d{4}-\d{2}-\d{2}$/.test(at) ? at : '';
  const query = useQuery({
    queryKey: ['nomenclature', code],
    queryFn: async () => dataOf(await api.GET('/api/referential/v1/nomenclatures/{code}', { params: { path: { code } } })),
  });
  const nomenclature = query.data;
  const columns: Column<Value>[] = [
    { id: 'code', label: t('nomenclatures.code'), cell: (row) => row.code, sortable: true, key: true },
    { id: 'label', label: t('nomenclatures.label'), cell: (row) => labelIn(i18n.language, row.labels), sortable: true },
    {
      id: 'validFrom',
      label: t('nomenclatures.validFrom'),
      cell: (row) => formatDate(row.validFrom, i18n.language),
      text: (row) => row.validFrom,
      sortable: true,
    },
    {
      id: 'validTo',
      label: t('nomenclatures.validTo'),
      cell: (row) => (row.validTo ? formatDate(row.validTo, i18n.language) : t('nomenclatures.openEnded')),
      text: (row) => row.validTo ?? '',
    },
  ];
  return (
    <Box>
      <Link component={RouterLink} to="/nomenclatures" sx={{ display: 'inline-block', mb: 1 }}>
        {t('nomenclatures.back')}
      </Link>
      <PageHeading>{nomenclature ? `${nomenclature.code} — ${labelIn(i18n.language, nomenclature.labels)}` : t('nomenclatures.title')}</PageHeading>
      {query.error && <ProblemAlert error={query.error} />}
      {nomenclature && (
        <>
          {nomenclature.description && (
            <Card variant="outlined" sx={{ mb: 2 }}>
              <CardContent>
                <DetailList items={[{ term: t('nomenclatures.description'), value: nomenclature.description }]} />
              </CardContent>
            </Card>
          )}
          <Typography component="h2" variant="h5" sx={{ mb: 1 }}>
            {t('nomenclatures.values')}
          </Typography>
          <DataTable<Value>
            id="nomenclature-values"
            exportName={`nomenclature-${code}`}
            title={t('nomenclatures.valuesTable', { code })}
            columns={columns}
            defaultSort="code"
            filters={[code, q, validAt]}
            rowKey={(row) => row.id}
            fetchPage={async (request) =>
              dataOf(
                await api.GET('/api/referential/v1/nomenclatures/{code}/values', {
                  params: {
                    path: { code },
                    query: {
                      ...request,
                      sort: (request.sort ?? 'code') as NonNullable<ValuesQuery['sort']>,
                      ...(q ? { q } : {}),
                      ...(validAt ? { at: validAt } : {}),
                    },
                  },
                }),
              )
            }
            toolbar={
              <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} role="search">
                <TextField
                  label={t('nomenclatures.search')}
                  value={search}
                  onChange={(event) => setSearch(event.target.value)}
                  size="small"
                  type="search"
                  sx={{ minWidth: 240 }}
                />
                <TextField
                  label={t('nomenclatures.validOn')}
                  type="date"
                  value={at}
                  onChange={(event) => setAt(event.target.value)}
                  size="small"
                  slotProps={{ inputLabel: { shrink: true } }}
                />
              </Stack>
            }
          />
          <Box sx={{ mt: 3 }}>
            <HistoryTable
              queryKey={['nomenclature', nomenclature.code, nomenclature.version]}
              fieldLabel={(field) => t(`nomenclatures.fields.${field}`, { defaultValue: field })}
              fetchPage={async (cursor) =>
                dataOf(
                  await api.GET('/api/referential/v1/nomenclatures/{code}/history', {
                    params: { path: { code: nomenclature.code }, query: { limit: 20, ...(cursor ? { cursor } : {}) } },
                  }),
                )
              }
            />
          </Box>
        </>
      )}
    </Box>
  );
}
