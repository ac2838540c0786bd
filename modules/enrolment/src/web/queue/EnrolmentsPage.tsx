import { useEffect, useRef, useState } from 'react';
import { Box, Button, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DataTable, formatDate, PageHeading, type Column } from '@pegase/web-kit';
import { EnrolmentStatusChip, PaymentChip } from '../common/chips.tsx';
import { EnrolmentProblem } from '../common/EnrolmentProblem.tsx';
import { ReasonDialog } from '../enrolment/ReasonDialog.tsx';
import { BulkReport, type BulkReportData } from './BulkReport.tsx';
import { learnerName } from '../common/format.ts';
import { fetchLearner, fetchPoint } from '../common/lookups.ts';
import {
  bulkEnrolmentAction,
  ENROLMENT,
  ENROLMENT_STATUSES,
  listEnrolments,
  PAYMENT_STATUSES,
  DOCUMENTS_STATES,
  type DocumentsState,
  type Enrolment,
  type EnrolmentQuery,
  type BulkAction,
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

/** The key of the table's pages (the DataTable's id): refreshed after a bulk action. */
const TABLE = 'enrolments';

/** How a person knows an enrolment of the queue: the learner's code and name, and the point (a learner may be enrolled at two). */
const rowLabel = (row: Row) => [row.learner ? `${row.learner.code} ${learnerName(row.learner)}` : row.enrolment.id, row.point?.path].filter(Boolean).join(', ');

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | '' => (values.includes(value as T) ? (value as T) : '');

/**
 * The back office's queue: the enrolments of the points the person's
 * structures own, filtered by status and fees (kept in the address, so that
 * the home's card links to the submitted ones), each with its learner and
 * point. A page's learners and points are read in parallel, once each, and
 * kept while the person works through the queue. Rows of a page may be
 * selected and validated or cancelled (with a reason) together: each
 * enrolment goes through or fails on its own, and the report lists the
 * failures with their reasons.
 */
export default function EnrolmentsPage() {
  const { t, i18n } = useTranslation('enrolment');
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const status = oneOf<EnrolmentStatus>(ENROLMENT_STATUSES, params.get('status'));
  const payment = oneOf<PaymentStatus>(PAYMENT_STATUSES, params.get('paymentStatus'));
  const documents = oneOf<DocumentsState>(DOCUMENTS_STATES, params.get('documents'));
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

  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [busy, setBusy] = useState(false);
  // How many the cancel dialog is about (null: closed); kept while it fades out, after the selection is emptied.
  const [cancelling, setCancelling] = useState<number | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [report, setReport] = useState<BulkReportData | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const focusSummary = useRef(false);
  // The rows shown, by enrolment id: the report names the enrolments as the queue showed them.
  const shown = useRef(new Map<string, Row>());
  // The buttons that started the action leave with the selection: the report's summary takes the focus, once no dialog holds it.
  useEffect(() => {
    if (report === null || cancelling !== null || !focusSummary.current) return;
    focusSummary.current = false;
    summary.current?.focus();
  }, [report, cancelling]);

  /** Runs a bulk action on the selected rows, then reports and refreshes the queue. A refusal of the whole request is thrown. */
  const run = async (action: BulkAction, reason?: string) => {
    const ids = [...selected];
    const labels = new Map(ids.map((id) => [id, shown.current.has(id) ? rowLabel(shown.current.get(id)!) : id]));
    setBusy(true);
    setFailure(null);
    setReport(null);
    try {
      const outcome = await bulkEnrolmentAction(action, ids, reason);
      setSelected(new Set());
      focusSummary.current = true;
      setReport({ action, outcome, labels });
      await Promise.all([client.invalidateQueries({ queryKey: [TABLE] }), client.invalidateQueries({ queryKey: [ENROLMENT] })]);
    } finally {
      setBusy(false);
    }
  };
  const validateSelected = async () => {
    try {
      await run('validate');
    } catch (error) {
      setFailure(error);
    }
  };

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
      <BulkReport report={report} onClose={() => setReport(null)} summaryRef={summary} />
      {failure !== null && <EnrolmentProblem error={failure} />}
      {selected.size > 0 && (
        <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
          <Stack
            direction={{ xs: 'column', sm: 'row' }}
            spacing={2}
            role="group"
            aria-label={t('bulk.actions')}
            sx={{ alignItems: { sm: 'center' } }}
            data-testid="bulk-actions"
          >
            <Typography sx={{ flexGrow: 1 }}>{busy ? t('bulk.running') : t('bulk.selected', { count: selected.size })}</Typography>
            <Button variant="contained" onClick={() => void validateSelected()} disabled={busy}>
              {t('bulk.validate', { count: selected.size })}
            </Button>
            <Button variant="outlined" color="error" onClick={() => setCancelling(selected.size)} disabled={busy}>
              {t('bulk.cancel', { count: selected.size })}
            </Button>
          </Stack>
        </Paper>
      )}
      <ReasonDialog
        open={cancelling !== null}
        title={t('bulk.cancelTitle', { count: cancelling ?? selected.size })}
        help={t('bulk.cancelHelp')}
        confirm={t('bulk.cancelConfirm')}
        onClose={() => setCancelling(null)}
        onConfirm={(reason) => run('cancel', reason)}
      />
      <DataTable<Row>
        id={TABLE}
        exportName="inscriptions"
        title={t('queue.table')}
        columns={columns}
        defaultSort="createdAt"
        filters={[status, payment, documents]}
        rowKey={(row) => row.enrolment.id}
        rowHref={(row) => `/enrolments/${row.enrolment.id}`}
        selection={{ selected, onChange: setSelected, rowLabel }}
        fetchPage={async (request) => {
          const page = await listEnrolments({
            ...request,
            sort: (request.sort ?? 'createdAt') as EnrolmentQuery['sort'],
            ...(status ? { status } : {}),
            ...(payment ? { paymentStatus: payment } : {}),
            ...(documents ? { documents } : {}),
          });
          const learnerIds = [...new Set(page.items.map((e) => e.learnerId))];
          const pointIds = [...new Set(page.items.map((e) => e.pointId))];
          const [learners, points] = await Promise.all([
            Promise.all(learnerIds.map((id) => fetchLearner(client, id))),
            Promise.all(pointIds.map((id) => fetchPoint(client, id))),
          ]);
          const learnerOf = new Map(learnerIds.map((id, index) => [id, learners[index] ?? null]));
          const pointOf = new Map(pointIds.map((id, index) => [id, points[index] ?? null]));
          const items = page.items.map((enrolment) => ({
            enrolment,
            learner: learnerOf.get(enrolment.learnerId) ?? null,
            point: pointOf.get(enrolment.pointId) ?? null,
          }));
          for (const row of items) shown.current.set(row.enrolment.id, row);
          return { items, nextCursor: page.nextCursor };
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
            <TextField
              select
              label={t('queue.documents')}
              value={documents}
              onChange={(event) => setParam('documents', event.target.value)}
              size="small"
              sx={{ minWidth: 210 }}
            >
              <MenuItem value="">{t('queue.all')}</MenuItem>
              {DOCUMENTS_STATES.map((value) => (
                <MenuItem key={value} value={value}>
                  {t(`queue.documentsStates.${value}`)}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
        }
      />
    </Box>
  );
}
