import { useState } from 'react';
import { Box, Button, MenuItem, Stack, Tab, Tabs, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { DataTable, formatDate, labelIn, PageHeading, useDebounced, type Column } from '@pegase/web-kit';
import { getStructure, listStructures, STRUCTURE_TYPES, type Structure, type StructureQuery, type StructureType } from './structure-api.ts';
import { StructureTree } from './StructureTree.tsx';

type Status = '' | 'open' | 'closed';

type EnglishLabel = '' | 'true' | 'false';

/** The subtree filter, named by its top structure's code, with a way back to all. */
function WithinChip({ id, onClear }: { id: string; onClear: () => void }) {
  const { t } = useTranslation('referential');
  const top = useQuery({ queryKey: ['structure', id, 'code'], queryFn: async () => (await getStructure(id)).structure.code });
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <Typography>{t('structures.within', { code: top.data ?? '…' })}</Typography>
      <Button size="small" onClick={onClear}>
        {t('structures.clearWithin')}
      </Button>
    </Stack>
  );
}

function StructureTable() {
  const { t, i18n } = useTranslation('referential');
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const [type, setType] = useState<StructureType | ''>('');
  const [status, setStatus] = useState<Status>('');
  // Filters a link may carry (the home's work queues): kept in the address.
  const englishLabel = (['true', 'false'].includes(params.get('englishLabel') ?? '') ? params.get('englishLabel') : '') as EnglishLabel;
  const within = params.get('within') ?? '';
  const setParam = (name: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  const columns: Column<Structure>[] = [
    { id: 'code', label: t('structures.code'), cell: (row) => row.code, sortable: true, key: true },
    { id: 'label', label: t('structures.label'), cell: (row) => labelIn(i18n.language, row.labels), sortable: true },
    { id: 'type', label: t('structures.type'), cell: (row) => t(`structures.types.${row.type}`) },
    { id: 'labelEn', label: t('structures.labelEn'), cell: (row) => row.labels.en ?? '', hiddenByDefault: true },
    {
      id: 'closedOn',
      label: t('structures.closedOn'),
      cell: (row) => (row.closedOn ? formatDate(row.closedOn, i18n.language) : t('structures.open')),
      text: (row) => row.closedOn ?? '',
    },
    {
      id: 'updatedAt',
      label: t('structures.updatedAt'),
      cell: (row) => formatDate(row.updatedAt, i18n.language),
      text: (row) => row.updatedAt,
      hiddenByDefault: true,
    },
  ];

  return (
    <DataTable<Structure>
      id="structures"
      exportName="structures"
      title={t('structures.table')}
      columns={columns}
      defaultSort="code"
      filters={[q, type, status, englishLabel, within]}
      rowKey={(row) => row.id}
      rowHref={(row) => `/structures/${row.id}`}
      fetchPage={(request) =>
        listStructures({
          ...request,
          sort: (request.sort ?? 'code') as NonNullable<StructureQuery['sort']>,
          ...(q ? { q } : {}),
          ...(type ? { type } : {}),
          ...(status ? { open: status === 'open' } : {}),
          ...(englishLabel ? { englishLabel: englishLabel === 'true' } : {}),
          ...(within ? { within } : {}),
        })
      }
      toolbar={
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} role="search">
          <TextField
            label={t('structures.search')}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            size="small"
            type="search"
            sx={{ minWidth: 260 }}
          />
          <TextField
            select
            label={t('structures.type')}
            value={type}
            onChange={(event) => setType(event.target.value as StructureType | '')}
            size="small"
            sx={{ minWidth: 170 }}
          >
            <MenuItem value="">{t('structures.allTypes')}</MenuItem>
            {STRUCTURE_TYPES.map((value) => (
              <MenuItem key={value} value={value}>
                {t(`structures.types.${value}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            label={t('structures.status')}
            value={status}
            onChange={(event) => setStatus(event.target.value as Status)}
            size="small"
            sx={{ minWidth: 140 }}
          >
            <MenuItem value="">{t('structures.allStatuses')}</MenuItem>
            <MenuItem value="open">{t('structures.openOnly')}</MenuItem>
            <MenuItem value="closed">{t('structures.closedOnly')}</MenuItem>
          </TextField>
          <TextField
            select
            label={t('structures.englishLabel')}
            value={englishLabel}
            onChange={(event) => setParam('englishLabel', event.target.value)}
            size="small"
            sx={{ minWidth: 150 }}
          >
            <MenuItem value="">{t('structures.allStatuses')}</MenuItem>
            <MenuItem value="true">{t('structures.withEnglish')}</MenuItem>
            <MenuItem value="false">{t('structures.withoutEnglish')}</MenuItem>
          </TextField>
          {within && <WithinChip id={within} onClear={() => setParam('within', '')} />}
        </Stack>
      }
    />
  );
}

/** The structures, as a table to work in or as the establishment's tree. */
export default function StructuresPage() {
  const { t } = useTranslation('referential');
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'tree' ? 'tree' : 'table';
  return (
    <Box>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'flex-start', flexWrap: 'wrap', gap: 1 }}>
        <PageHeading>{t('structures.title')}</PageHeading>
        <Button variant="contained" component={RouterLink} to="/structures/new">
          {t('structures.create')}
        </Button>
      </Stack>
      <Tabs
        value={view}
        onChange={(_event, value: string) => setParams(value === 'tree' ? { view: 'tree' } : {}, { replace: true })}
        aria-label={t('structures.viewAs')}
        sx={{ mb: 2 }}
      >
        <Tab value="table" label={t('structures.table')} id="tab-table" aria-controls="panel-structures" />
        <Tab value="tree" label={t('structures.tree')} id="tab-tree" aria-controls="panel-structures" />
      </Tabs>
      <Box role="tabpanel" id="panel-structures" aria-labelledby={`tab-${view}`}>
        {view === 'tree' ? <StructureTree /> : <StructureTable />}
      </Box>
    </Box>
  );
}
