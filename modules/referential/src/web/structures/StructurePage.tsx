import { useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Link, Stack, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useParams } from 'react-router';
import { api, dataOf, DetailList, formatDate, HistoryTable, labelIn, PageHeading, ProblemAlert } from '@pegase/web-kit';
import { changesOf, draftOf } from './draft.ts';
import { getStructure } from './structure-api.ts';
import { structureFieldLabel } from './structure-labels.ts';
import { StructureForm } from './StructureForm.tsx';

/** One structure: its details, its form, and the history of its changes. */
export default function StructurePage() {
  const { t, i18n } = useTranslation('referential');
  const { id = '' } = useParams();
  const location = useLocation();
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>((location.state as { notice?: string } | null)?.notice ?? null);

  const query = useQuery({
    queryKey: ['structure', id],
    queryFn: async () => {
      const { structure, etag } = await getStructure(id);
      const parent = structure.parentId ? (await getStructure(structure.parentId)).structure : null;
      return { structure, etag, parent };
    },
  });

  if (query.error) {
    return (
      <Box>
        <PageHeading>{t('structures.title')}</PageHeading>
        <ProblemAlert error={query.error} />
        <Link component={RouterLink} to="/structures">
          {t('structures.back')}
        </Link>
      </Box>
    );
  }
  if (!query.data) return <Typography role="status">{t('app.loading', { ns: 'translation' })}</Typography>;
  const { structure, etag, parent } = query.data;
  const label = labelIn(i18n.language, structure.labels);

  return (
    <Box>
      <Link component={RouterLink} to="/structures" sx={{ display: 'inline-block', mb: 1 }}>
        {t('structures.back')}
      </Link>
      <PageHeading title={`${structure.code} — ${label}`}>
        {editing ? t('structures.editTitle', { code: structure.code }) : `${structure.code} — ${label}`}
      </PageHeading>
      {notice && (
        <Alert severity="success" role="status" onClose={() => setNotice(null)} sx={{ mb: 2 }}>
          {t(notice === 'created' ? 'form.created' : 'form.saved', { ns: 'translation' })}
        </Alert>
      )}
      {editing ? (
        <StructureForm
          initial={draftOf(structure, parent)}
          creating={false}
          excludeId={structure.id}
          onCancel={() => setEditing(false)}
          onSubmit={async (draft) => {
            const changes = changesOf(structure, draft);
            if (Object.keys(changes).length > 0) {
              dataOf(
                await api.PATCH('/api/referential/v1/structures/{id}', {
                  params: { path: { id: structure.id }, header: { 'if-match': etag ?? `"${structure.version}"` } },
                  body: changes,
                }),
              );
              await client.invalidateQueries();
            }
            setEditing(false);
            setNotice('saved');
          }}
        />
      ) : (
        <Card variant="outlined" sx={{ mb: 3 }}>
          <CardContent>
            <DetailList
              items={[
                { term: t('structures.code'), value: structure.code, testId: 'structure-code' },
                { term: t('structures.type'), value: t(`structures.types.${structure.type}`) },
                { term: t('structures.labelFr'), value: structure.labels.fr, lang: 'fr' },
                { term: t('structures.labelEn'), value: structure.labels.en ?? '—', lang: 'en' },
                {
                  term: t('structures.parent'),
                  value: parent ? (
                    <RouterLink to={`/structures/${parent.id}`}>{`${parent.code} — ${labelIn(i18n.language, parent.labels)}`}</RouterLink>
                  ) : (
                    t('structures.noParent')
                  ),
                },
                { term: t('structures.closedOn'), value: structure.closedOn ? formatDate(structure.closedOn, i18n.language) : t('structures.open') },
              ]}
            />
            <Stack direction="row" sx={{ mt: 2 }}>
              <Button variant="contained" onClick={() => setEditing(true)}>
                {t('structures.edit')}
              </Button>
            </Stack>
          </CardContent>
        </Card>
      )}
      <HistoryTable
        queryKey={['structure', structure.id, structure.version]}
        fieldLabel={structureFieldLabel(t)}
        fetchPage={async (cursor) =>
          dataOf(
            await api.GET('/api/referential/v1/structures/{id}/history', {
              params: { path: { id: structure.id }, query: { limit: 20, ...(cursor ? { cursor } : {}) } },
            }),
          )
        }
      />
    </Box>
  );
}
