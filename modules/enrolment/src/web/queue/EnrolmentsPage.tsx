import { Box, MenuItem, Stack, TextField } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DataTable, formatDate, PageHeading, type Column } from '@pegase/web-kit';
import { EnrolmentStatusChip, PaymentChip } from '../common/chips.tsx';
import { learnerName } from '../common/format.ts';
import { fetchLearner, fetchPoint } from '../common/lookups.ts';
import {
  ENROLMENT_STATUSES,
  listEnrolments,
  PAYMENT_STATUSES,
  type Enrolment,
  type EnrolmentQuery,
  type EnrolmentStatus,
  type Learner,
  type PaymentStatus,
  type Point,
} from '../enrolment-api.ts';

interface Row {
  enrolment: Enrolment;
  learner: Learner | null;
  point: Point | null;
}

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | '' => (values.includes(value as T) ? (value as T) : '');

/**
 * The back office's queue: the enrolments of the points the person's
 * structures own, filtered by status and fees (kept in the address, so that
 * the home's card links to the submitted ones), each with its learner and
 * point. A page's learners and points are read in parallel, once each, and
 * kept while the person works through the queue.
 */
export default function EnrolmentsPage() {
  const { t, i18n } = useTranslation('enrolment');
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const status = oneOf<EnrolmentStatus>(ENROLMENT_STATUSES, params.get('status'));
  const payment = oneOf<PaymentStatus>(PAYMENT_STATUSES, params.get('paymentStatus'));
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

  const columns: Column<Row>[] = [
    {
      id: 'learnerCode',
      label: t('queue.learnerCode'),
      cell: (row) => row.learner?.code ?? t('queue.unknownLearner'),
      key: true,
    },
    { id: 'learnerName', label: t('queue.learnerName'), cell: (row) => (row.learner ? learnerName(row.learner) : '') },
    { id: 'point', label: t('queue.point'), cell: (row) => row.point?.path ?? t('queue.unknownPoint') },
    {
      id: 'status',
      label: t('queue.status'),
      cell: (row) => <EnrolmentStatusChip status={row.enrolment.status} />,
      text: (row) => t(`status.${row.enrolment.status}`),
    },
    {
      id: 'payment',
      label: t('queue.payment'),
      cell: (row) => <PaymentChip status={row.enrolment.paymentStatus} />,
      text: (row) => t(`payment.${row.enrolment.paymentStatus}`),
    },
    {
      id: 'submittedAt',
      label: t('queue.submittedAt'),
      cell: (row) => (row.enrolment.submittedAt ? formatDate(row.enrolment.submittedAt, i18n.language) : '—'),
      text: (row) => row.enrolment.submittedAt ?? '',
    },
    {
      id: 'createdAt',
      label: t('queue.createdAt'),
      cell: (row) => formatDate(row.enrolment.createdAt, i18n.language),
      text: (row) => row.enrolment.createdAt,
      sortable: true,
      hiddenByDefault: true,
    },
  ];

  return (
    <Box>
      <PageHeading>{t('queue.title')}</PageHeading>
      <DataTable<Row>
        id="enrolments"
        exportName="inscriptions"
        title={t('queue.table')}
        columns={columns}
        defaultSort="createdAt"
        filters={[status, payment]}
        rowKey={(row) => row.enrolment.id}
        rowHref={(row) => `/enrolments/${row.enrolment.id}`}
        fetchPage={async (request) => {
          const page = await listEnrolments({
            ...request,
            sort: (request.sort ?? 'createdAt') as EnrolmentQuery['sort'],
            ...(status ? { status } : {}),
            ...(payment ? { paymentStatus: payment } : {}),
          });
          const learnerIds = [...new Set(page.items.map((e) => e.learnerId))];
          const pointIds = [...new Set(page.items.map((e) => e.pointId))];
          const [learners, points] = await Promise.all([
            Promise.all(learnerIds.map((id) => fetchLearner(client, id))),
            Promise.all(pointIds.map((id) => fetchPoint(client, id))),
          ]);
          const learnerOf = new Map(learnerIds.map((id, index) => [id, learners[index] ?? null]));
          const pointOf = new Map(pointIds.map((id, index) => [id, points[index] ?? null]));
          return {
            items: page.items.map((enrolment) => ({
              enrolment,
              learner: learnerOf.get(enrolment.learnerId) ?? null,
              point: pointOf.get(enrolment.pointId) ?? null,
            })),
            nextCursor: page.nextCursor,
          };
        }}
        toolbar={
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} role="search">
            <TextField
              select
              label={t('queue.status')}
              value={status}
              onChange={(event) => setParam('status', event.target.value)}
              size="small"
              sx={{ minWidth: 170 }}
            >
              <MenuItem value="">{t('queue.all')}</MenuItem>
              {ENROLMENT_STATUSES.map((value) => (
                <MenuItem key={value} value={value}>
                  {t(`status.${value}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              label={t('queue.payment')}
              value={payment}
              onChange={(event) => setParam('paymentStatus', event.target.value)}
              size="small"
              sx={{ minWidth: 190 }}
            >
              <MenuItem value="">{t('queue.all')}</MenuItem>
              {PAYMENT_STATUSES.map((value) => (
                <MenuItem key={value} value={value}>
                  {t(`payment.${value}`)}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
        }
      />
    </Box>
  );
}
