import { useId, useState, type FormEvent } from 'react';
import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { StatusNotice } from '@pegase/web-kit';
import { ASSESSMENT, juryResults, LOOKUP_STALE_MS, putJuryPoints, treeLabels, type Jury, type JuryResult, type ResultNode } from '../assessment-api.ts';
import { AssessmentProblem } from '../common/AssessmentProblem.tsx';
import { learnerName } from '../common/learners.ts';
import { formatMark, parseMarkInput } from '../common/marks.ts';
import { ResultTree } from '../common/ResultTree.tsx';

/** Points given to one node: from 0 (taken back) to 20, at most 3 decimals. */
function PointsForm({ node, busy, onSubmit, onCancel }: { node: ResultNode; busy: boolean; onSubmit: (points: string) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation('assessment');
  const id = useId();
  const [value, setValue] = useState(formatMark(node.juryPoints, i18n.language));
  const [error, setError] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseMarkInput(value === '' ? '0' : value);
    if (parsed.kind !== 'mark') {
      setError(t('points.invalid'));
      document.getElementById(`${id}-points`)?.focus();
      return;
    }
    setError('');
    onSubmit(parsed.value);
  };
  return (
    <Box
      component="form"
      noValidate
      onSubmit={submit}
      sx={{ my: 2, p: 2, border: 1, borderColor: 'divider', borderRadius: 1 }}
      aria-labelledby={`${id}-legend`}
    >
      <Typography id={`${id}-legend`} sx={{ mb: 1, fontWeight: 600 }}>
        {t('points.title', { code: node.code })}
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'flex-start' } }}>
        <TextField
          id={`${id}-points`}
          label={t('points.field')}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          error={error !== ''}
          helperText={error || t('points.help')}
          size="small"
          autoFocus
          slotProps={{ htmlInput: { inputMode: 'decimal' } }}
        />
        <Button type="submit" variant="contained" disabled={busy}>
          {t('points.save')}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          {t('points.cancel')}
        </Button>
      </Stack>
    </Box>
  );
}

/**
 * A learner's results in a jury as a tree with its explanations; while the
 * jury is open, points on any node (the tree is then computed again with them).
 */
export function LearnerResultDialog({
  jury,
  result,
  onClose,
  onChanged,
}: {
  jury: Jury;
  result: JuryResult;
  onClose: () => void;
  onChanged: (result: JuryResult) => void;
}) {
  const { t, i18n } = useTranslation('assessment');
  const id = useId();
  const name = learnerName(result);
  const open = jury.status === 'open';
  const [node, setNode] = useState<ResultNode | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const labels = useQuery({
    queryKey: [ASSESSMENT, 'labels', jury.formationId],
    queryFn: () => treeLabels(jury.formationId),
    staleTime: LOOKUP_STALE_MS,
    retry: false,
  });

  const give = async (points: string) => {
    if (node === null) return;
    setBusy(true);
    setFailure(null);
    try {
      await putJuryPoints(jury.id, result.enrolmentId, node.path, points);
      const after = (await juryResults(jury)).find((line) => line.enrolmentId === result.enrolmentId);
      setNotice(t('points.saved', { code: node.code, points: formatMark(points, i18n.language) }));
      setNode(null);
      if (after) onChanged(after);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={`${id}-title`} fullWidth maxWidth="md">
      <DialogTitle id={`${id}-title`} sx={{ overflowWrap: 'anywhere' }}>
        {t('learner.title', { name, code: result.learnerCode })}
      </DialogTitle>
      <DialogContent>
        <Typography sx={{ mb: 2 }}>
          {t('learner.summary', {
            mark: result.mark === null ? t('tree.noMark') : formatMark(result.mark, i18n.language),
            decision: t(`decision.${result.decision}`, { defaultValue: result.decision }),
            rank: result.rank ?? '—',
          })}
        </Typography>
        <StatusNotice notice={notice} testId="points-notice" />
        {failure !== null && <AssessmentProblem error={failure} />}
        {node && <PointsForm key={node.path} node={node} busy={busy} onSubmit={(points) => void give(points)} onCancel={() => setNode(null)} />}
        <ResultTree root={result.root as ResultNode} labels={labels.data} label={t('learner.treeLabel', { name })} {...(open ? { onPoints: setNode } : {})} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {t('learner.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
