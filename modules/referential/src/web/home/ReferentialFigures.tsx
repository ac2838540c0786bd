import { Grid } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, dataOf, FigureCard, ProblemAlert } from '@pegase/web-kit';

const LIMIT = 200;

/** A count from the first page of a list: exact when the list fits in it, a lower bound otherwise. */
const countOf = (page: { items: unknown[]; nextCursor: string | null }) => ({ count: page.items.length, more: page.nextCursor !== null });

/** The staff home's figures of the referential: open structures, academic years, nomenclatures. */
export default function ReferentialFigures() {
  const { t } = useTranslation('referential');
  const counts = useQuery({
    queryKey: ['home-counts'],
    queryFn: async () => {
      const [structures, years, nomenclatures] = await Promise.all([
        api.GET('/api/referential/v1/structures', { params: { query: { limit: LIMIT, sort: 'code', open: true } } }).then(dataOf),
        api.GET('/api/referential/v1/periods', { params: { query: { limit: LIMIT, sort: 'startDate', type: 'academic-year' } } }).then(dataOf),
        api.GET('/api/referential/v1/nomenclatures', { params: { query: { limit: LIMIT, sort: 'code' } } }).then(dataOf),
      ]);
      return { structures: countOf(structures), academicYears: countOf(years), nomenclatures: countOf(nomenclatures) };
    },
  });
  const note = (value: { count: number; more: boolean } | undefined) => (value?.more ? t('home.atLeast', { count: value.count, limit: LIMIT }) : undefined);
  return (
    <>
      {counts.error && <ProblemAlert error={counts.error} />}
      <Grid container spacing={2}>
        {(['structures', 'academicYears', 'nomenclatures'] as const).map((key) => (
          <Grid key={key} size={{ xs: 12, sm: 4 }}>
            <FigureCard label={t(`home.${key}`)} value={counts.data?.[key].count} note={note(counts.data?.[key])} />
          </Grid>
        ))}
      </Grid>
    </>
  );
}
