import { Box, Card, CardContent, Link } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { api, dataOf, DetailList, formatDate, HistoryTable, labelIn, PageHeading, ProblemAlert } from '@pegase/web-kit';

/** One academic period and the history of its changes. */
export default function PeriodPage() {
  const { t, i18n } = useTranslation('referential');
  const { id = '' } = useParams();
  const query = useQuery({
    queryKey: ['period', id],
    queryFn: async () => dataOf(await api.GET('/api/referential/v1/periods/{id}', { params: { path: { id } } })),
  });
  const period = query.data;
  return (
    <Box>
      <Link component={RouterLink} to="/periods" sx={{ display: 'inline-block', mb: 1 }}>
        {t('periods.back')}
      </Link>
      <PageHeading>{period ? `${period.code} — ${labelIn(i18n.language, period.labels)}` : t('periods.title')}</PageHeading>
      {query.error && <ProblemAlert error={query.error} />}
      {period && (
        <>
          <Card variant="outlined" sx={{ mb: 3 }}>
            <CardContent>
              <DetailList
                items={[
                  { term: t('periods.type'), value: t(`periods.types.${period.type}`) },
                  { term: t('periods.start'), value: formatDate(period.startDate, i18n.language) },
                  { term: t('periods.end'), value: formatDate(period.endDate, i18n.language) },
                ]}
              />
            </CardContent>
          </Card>
          <HistoryTable
            queryKey={['period', period.id, period.version]}
            fieldLabel={(field) => t(`periods.fields.${field}`, { defaultValue: field })}
            fetchPage={async (cursor) =>
              dataOf(
                await api.GET('/api/referential/v1/periods/{id}/history', {
                  params: { path: { id: period.id }, query: { limit: 20, ...(cursor ? { cursor } : {}) } },
                }),
              )
            }
          />
        </>
      )}
    </Box>
  );
}
