import { Table, TableBody, TableCell, TableFooter, TableHead, TableRow } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { labelIn } from '@pegase/web-kit';
import { formatCents } from './money.ts';
import type { Fees } from './self-service-api.ts';

/** The breakdown of the fees: base amount, reduction or exemption, extra lines, and the total. */
export function FeesTable({ fees }: { fees: Pick<Fees, 'lines' | 'totalCents'> }) {
  const { t, i18n } = useTranslation('enrolment');
  const money = (cents: number) => formatCents(cents, i18n.language);
  return (
    <Table size="small" sx={{ mb: 2, '& caption': { captionSide: 'top', px: 0, fontWeight: 600, color: 'text.primary' } }} data-testid="fees-breakdown">
      <caption>{t('online.fees.breakdown')}</caption>
      <TableHead>
        <TableRow>
          <TableCell component="th" scope="col" sx={{ pl: 0 }}>
            {t('online.fees.line')}
          </TableCell>
          <TableCell component="th" scope="col" align="right" sx={{ pr: 0 }}>
            {t('online.fees.amount')}
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {fees.lines.map((line, index) => (
          <TableRow key={`${line.kind}-${line.code}-${index}`}>
            <TableCell sx={{ pl: 0, overflowWrap: 'anywhere' }}>{labelIn(i18n.language, line.labels)}</TableCell>
            <TableCell align="right" sx={{ pr: 0, whiteSpace: 'nowrap' }}>
              {money(line.amountCents)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
      <TableFooter>
        <TableRow>
          <TableCell component="th" scope="row" sx={{ pl: 0, color: 'text.primary', fontWeight: 600, fontSize: '1rem' }}>
            {t('online.fees.total')}
          </TableCell>
          <TableCell align="right" sx={{ pr: 0, color: 'text.primary', fontWeight: 600, fontSize: '1rem', whiteSpace: 'nowrap' }} data-testid="fees-total">
            {money(fees.totalCents)}
          </TableCell>
        </TableRow>
      </TableFooter>
    </Table>
  );
}
