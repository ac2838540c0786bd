import { useState } from 'react';
import { Box, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { api, DataTable, dataOf, formatDate, labelIn, PageHeading, useDebounced, type Column, type paths } from '@pegase/web-kit';

type Query = NonNullable<paths['/api/referential/v1/nomenclatures']['get']['parameters']['query']>;
type Nomenclature = paths['/api/referential/v1/nomenclatures/{code}']['get']['responses'][200]['content']['application/json'];

/** The nomenclatures (baccalaureate series, countries, fees…), each opening on its dated values. */
export default function NomenclaturesPage() {
  const { t, i18n } = useTranslation('referential');
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const columns: Column<Nomenclature>[] = [
    { id: 'code', label: t('nomenclatures.code'), cell: (row) => row.code, sortable: true, key: true },
    { id: 'label', label: t('nomenclatures.label'), cell: (row) => labelIn(i18n.language, row.labels) },
    { id: 'description', label: t('nomenclatures.description'), cell: (row) => row.description ?? '' },
    {
      id: 'updatedAt',
      label: t('nomenclatures.updated'),
      cell: (row) => formatDate(row.updatedAt, i18n.language),
      text: (row) => row.updatedAt,
      hiddenByDefault: true,
    },
  ];
  return (
    <Box>
      <PageHeading>{t('nomenclatures.title')}</PageHeading>
      <DataTable<Nomenclature>
        id="nomenclatures"
        title={t('nomenclatures.table')}
        columns={columns}
        defaultSort="code"
        filters={[q]}
        rowKey={(row) => row.code}
        rowHref={(row) => `/nomenclatures/${row.code}`}
        fetchPage={async (request) =>
          dataOf(
            await api.GET('/api/referential/v1/nomenclatures', {
              params: { query: { ...request, sort: (request.sort ?? 'code') as NonNullable<Query['sort']>, ...(q ? { q } : {}) } },
            }),
          )
        }
        toolbar={
          <Box role="search">
            <TextField
              label={t('nomenclatures.search')}
              value={search}
              onChange={(event) => setSearch(event.target.value)}
              size="small"
              type="search"
              sx={{ minWidth: 260 }}
            />
          </Box>
        }
      />
    </Box>
  );
}
