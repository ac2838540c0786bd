import { Card, CardContent, Skeleton, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/i18n.ts';

/** A count on a home page; `atLeast` when the count stopped at the first page of a list. */
export function FigureCard({ label, value, note }: { label: string; value: number | undefined; note?: string | undefined }) {
  const { i18n } = useTranslation();
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardContent>
        <Typography component="h3" variant="h6">
          {label}
        </Typography>
        {value === undefined ? (
          <Skeleton width={80} height={56} />
        ) : (
          <Typography component="p" variant="h3" data-testid="figure">
            {formatNumber(value, i18n.language)}
          </Typography>
        )}
        {note && (
          <Typography variant="body2" color="text.secondary">
            {note}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}
