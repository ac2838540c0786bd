import { useState } from 'react';
import { Button, Card, CardContent, Chip, Stack, TextField, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type Column, DataTable, formatDateTime, StatusNotice } from '@pegase/web-kit';
import { ASSESSMENT, deliberate, getJury, juryResults, keys, publish, type Jury, type JuryResult } from '../assessment-api.ts';
import { AssessmentProblem } from '../common/AssessmentProblem.tsx';
import { learnerName } from '../common/learners.ts';
import { formatMark } from '../common/marks.ts';
import { filterResults, pageOf, sortResults } from '../common/results.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { LearnerResultDialog } from './LearnerResultDialog.tsx';

/** The results table (its id, also the first part of its queries' keys, and where its column choice is remembered). */
export const JURY_TABLE = 'assessment-jury-results';
const DECISIONS = ['ADM', 'CMP', 'AJ', 'DEF', 'ABJ', 'DIS', 'INC'];

/**
 * One jury: its status; « Délibérer » (open: the results are stored and
 * frozen) and « Publier » (deliberated: the students see them), each asked
 * once more; the results by rank, sorted and filtered, as CSV, each
 * learner's tree with its explanations (and, while open, jury points).
 */
export function JuryPanel({ juryId }: { juryId: string }) {
  const { t, i18n } = useTranslation('assessment');
  const client = useQueryClient();
  const jury = useQuery({ queryKey: keys.jury(juryId), queryFn: () => getJury(juryId) });
  const [asking, setAsking] = useState<'deliberate' | 'publish' | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [decision, setDecision] = useState('');
  const [text, setText] = useState('');
  const [learner, setLearner] = useState<JuryResult | null>(null);

  if (jury.error) return <AssessmentProblem error={jury.error} />;
  if (!jury.data) return <Typography role="status">{t('loading')}</Typography>;
  const current = jury.data;
  const open = current.status === 'open';

  const refresh = (after?: Jury) => {
    if (after) client.setQueryData(keys.jury(juryId), after);
    void client.invalidateQueries({ queryKey: [ASSESSMENT, 'juries'] });
    void client.invalidateQueries({ queryKey: [JURY_TABLE] });
  };

  const act = async () => {
    if (asking === null) return;
    setBusy(true);
    setFailure(null);
    try {
      const after = asking === 'deliberate' ? await deliberate(juryId) : await publish(juryId);
      refresh(after);
      setNotice(asking === 'deliberate' ? t('jury.deliberated', { count: after.results }) : t('jury.published'));
    } catch (error) {
      setFailure(error);
      void jury.refetch();
    } finally {
      setBusy(false);
      setAsking(null);
    }
  };

  const columns: Column<JuryResult>[] = [
    { id: 'rank', label: t('jury.rank'), cell: (row) => row.rank ?? '—', text: (row) => (row.rank === null ? '' : String(row.rank)), sortable: true },
    { id: 'code', label: t('jury.code'), cell: (row) => row.learnerCode, sortable: true, key: true },
    { id: 'name', label: t('jury.name'), cell: (row) => learnerName(row), sortable: true },
    {
      id: 'mark',
      label: t('jury.mark'),
      cell: (row) => (row.mark === null ? '—' : formatMark(row.mark, i18n.language)),
      text: (row) => formatMark(row.mark, i18n.language),
      sortable: true,
    },
    {
      id: 'decision',
      label: t('jury.decision'),
      cell: (row) => <span title={t(`decision.${row.decision}`, { defaultValue: row.decision })}>{row.decision}</span>,
      text: (row) => row.decision,
      sortable: true,
    },
    { id: 'credits', label: t('jury.credits'), cell: (row) => formatMark(row.root.credits, i18n.language) },
    { id: 'honours', label: t('jury.honours'), cell: (row) => (row.root.honours ? t(`honours.${row.root.honours}`) : ''), hiddenByDefault: false },
    {
      id: 'details',
      label: t('jury.details'),
      cell: (row) => (
        <Button
          size="small"
          variant="outlined"
          onClick={() => setLearner(row)}
          aria-label={t(open ? 'jury.detailsOpenOf' : 'jury.detailsOf', { name: learnerName(row) })}
        >
          {t(open ? 'jury.detailsOpen' : 'jury.detailsShort')}
        </Button>
      ),
      text: () => '',
    },
  ];

  const toolbar = (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ flexWrap: 'wrap', alignItems: { sm: 'center' }, minWidth: 0 }}>
      <TextField
        id="jury-filter-text"
        label={t('jury.search')}
        value={text}
        onChange={(event) => setText(event.target.value)}
        size="small"
        sx={{ minWidth: 200 }}
      />
      <TextField
        select
        id="jury-filter-decision"
        label={t('jury.decisionFilter')}
        value={decision}
        onChange={(event) => setDecision(event.target.value)}
        slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
        size="small"
        sx={{ minWidth: 200 }}
      >
        <option value="">{t('jury.allDecisions')}</option>
        {DECISIONS.map((item) => (
          <option key={item} value={item}>
            {`${item} — ${t(`decision.${item}`)}`}
          </option>
        ))}
      </TextField>
    </Stack>
  );

  return (
    <Card variant="outlined" component="section" aria-labelledby="jury-title" sx={{ mb: 3 }} data-testid="jury-panel" data-status={current.status}>
      <CardContent sx={{ px: { xs: 1.5, sm: 2 } }}>
        <Typography component="h2" variant="h5" id="jury-title" sx={{ mb: 1 }}>
          {t('jury.title', { session: current.session })}
        </Typography>
        <Stack direction="row" spacing={1} useFlexGap sx={{ mb: 2, flexWrap: 'wrap', alignItems: 'center' }}>
          <Chip label={t(`juries.status.${current.status}`)} data-testid="jury-status" />
          {current.deliberatedAt && (
            <Typography variant="body2">
              {t('jury.deliberatedBy', { by: current.deliberatedBy, at: formatDateTime(current.deliberatedAt, i18n.language) })}
            </Typography>
          )}
          {current.publishedAt && (
            <Typography variant="body2">
              {t('jury.publishedBy', { by: current.publishedBy, at: formatDateTime(current.publishedAt, i18n.language) })}
            </Typography>
          )}
        </Stack>
        <Typography sx={{ mb: 2 }}>{t(`jury.help.${current.status}`)}</Typography>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ mb: 2 }}>
          {open && (
            <Button variant="contained" onClick={() => setAsking('deliberate')}>
              {t('jury.deliberate')}
            </Button>
          )}
          {current.status === 'deliberated' && (
            <Button variant="contained" onClick={() => setAsking('publish')}>
              {t('jury.publish')}
            </Button>
          )}
        </Stack>
        <StatusNotice notice={notice} testId="jury-notice" />
        {failure !== null && <AssessmentProblem error={failure} />}
        <DataTable
          id={JURY_TABLE}
          title={t(open ? 'jury.previewTitle' : 'jury.resultsTitle', { session: current.session })}
          columns={columns}
          filters={[juryId, current.status, decision, text]}
          fetchPage={async (request) => pageOf(sortResults(filterResults(await juryResults(current), { decision, text }), request.sort), request)}
          rowKey={(row) => row.enrolmentId}
          defaultSort="rank"
          pageSize={50}
          toolbar={toolbar}
          exportName={`resultats-jury-s${current.session}`}
        />
        {asking && (
          <ConfirmDialog
            title={t(`jury.confirm.${asking}.title`)}
            text={t(`jury.confirm.${asking}.text`)}
            confirm={t(`jury.confirm.${asking}.button`)}
            busy={busy}
            onConfirm={() => void act()}
            onClose={() => setAsking(null)}
          />
        )}
        {learner && (
          <LearnerResultDialog
            jury={current}
            result={learner}
            onClose={() => setLearner(null)}
            onChanged={(after) => {
              refresh();
              setLearner(after);
            }}
          />
        )}
      </CardContent>
    </Card>
  );
}
