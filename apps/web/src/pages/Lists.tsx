import { Box, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, dataOf } from '../api/client.ts';
import { ProblemAlert } from '../api/ProblemAlert.tsx';
import { formatDate } from '../i18n/index.ts';

const LIMIT = 50;
const labelIn = (language: string, labels: { fr: string; en?: string }) => (language === 'en' ? (labels.en ?? labels.fr) : labels.fr);

/** The first page of the academic periods (a read-only view for now). */
export function PeriodsPage() {
  const { t, i18n } = useTranslation();
  const query = useQuery({
    queryKey: ['periods'],
    queryFn: () => api.GET('/api/referential/v1/periods', { params: { query: { limit: LIMIT, sort: 'startDate' } } }).then(dataOf),
  });
  const rows = query.data?.items ?? [];
  return (
    <Box>
      <Typography component="h1" variant="h4" sx={{ mb: 2 }}>
        {t('periods.title')}
      </Typography>
      {query.error && <ProblemAlert error={query.error} />}
      <TableContainer component={Paper} variant="outlined">
        <Table size="small">
          <caption style={{ captionSide: 'top', textAlign: 'left', padding: '8px 16px' }}>{t('periods.firstPage', { count: rows.length })}</caption>
          <TableHead>
            <TableRow>
              <TableCell>{t('periods.code')}</TableCell>
              <TableCell>{t('periods.label')}</TableCell>
              <TableCell>{t('periods.type')}</TableCell>
              <TableCell>{t('periods.start')}</TableCell>
              <TableCell>{t('periods.end')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.id}>
                <TableCell>{row.code}</TableCell>
                <TableCell>{labelIn(i18n.language, row.labels)}</TableCell>
                <TableCell>{t(`periods.types.${row.type}`)}</TableCell>
                <TableCell>{formatDate(row.startDate, i18n.language)}</TableCell>
                <TableCell>{formatDate(row.endDate, i18n.language)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Box>
  );
}

/** The first page of the nomenclatures (a read-only view for now). */
export function NomenclaturesPage() {
  const { t, i18n } = useTranslation();
  const query = useQuery({
    queryKey: ['nomenclatures'],
    queryFn: () => api.GET('/api/referential/v1/nomenclatures', { params: { query: { limit: LIMIT, sort: 'code' } } }).then(dataOf),
  });
  const rows = query.data?.items ?? [];
  return (
    <Box>
      <Typography component="h1" variant="h4" sx={{ mb: 2 }}>
        {t('nomenclatures.title')}
      </Typography>
      {query.error && <ProblemAlert error={query.error} />}
      <TableContainer component={Paper} variant="outlined">
        <Table size="small">
          <caption style={{ captionSide: 'top', textAlign: 'left', padding: '8px 16px' }}>{t('nomenclatures.firstPage', { count: rows.length })}</caption>
          <TableHead>
            <TableRow>
              <TableCell>{t('nomenclatures.code')}</TableCell>
              <TableCell>{t('nomenclatures.label')}</TableCell>
              <TableCell>{t('nomenclatures.description')}</TableCell>
              <TableCell>{t('nomenclatures.updated')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.code}>
                <TableCell>{row.code}</TableCell>
                <TableCell>{labelIn(i18n.language, row.labels)}</TableCell>
                <TableCell>{row.description ?? ''}</TableCell>
                <TableCell>{formatDate(row.updatedAt, i18n.language)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Box>
  );
}
