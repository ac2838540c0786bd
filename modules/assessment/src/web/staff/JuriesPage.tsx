import { useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Chip, List, ListItem, ListItemButton, ListItemText, Stack, TextField, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime, PageHeading, ProblemError, problemSlugOf } from '@pegase/web-kit';
import { createJury, keys, listJuries, type Jury } from '../assessment-api.ts';
import { AssessmentProblem } from '../common/AssessmentProblem.tsx';
import { FormationPicker, useFormationChoice, type FormationChoice } from '../common/FormationPicker.tsx';
import { JuryPanel } from './JuryPanel.tsx';

/** The juries of the formation (session 1, then 2) and the form that opens one. */
function JuryList({ choice }: { choice: FormationChoice }) {
  const { t, i18n } = useTranslation('assessment');
  const client = useQueryClient();
  const periodId = choice.period!.id;
  const formationId = choice.formation!.id;
  const juries = useQuery({ queryKey: keys.juries(periodId, formationId), queryFn: () => listJuries(periodId, formationId) });
  const held = new Set((juries.data ?? []).map((jury) => jury.session));
  const free = ([1, 2] as const).filter((session) => !held.has(session));
  const [session, setSession] = useState<string>('');
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const chosen = session !== '' && free.includes(Number(session) as 1 | 2) ? (Number(session) as 1 | 2) : free[0];

  const open = async () => {
    if (chosen === undefined || busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const jury = await createJury(periodId, formationId, chosen);
      await client.invalidateQueries({ queryKey: keys.juries(periodId, formationId) });
      choice.choose('jury', jury.id);
    } catch (error) {
      setFailure(error);
      if (error instanceof ProblemError && problemSlugOf(error.problem) === 'duplicate') void juries.refetch();
    } finally {
      setBusy(false);
    }
  };

  const describe = (jury: Jury) =>
    jury.status === 'published'
      ? t('juries.publishedOn', { at: formatDateTime(jury.publishedAt!, i18n.language) })
      : jury.status === 'deliberated'
        ? t('juries.deliberatedOn', { at: formatDateTime(jury.deliberatedAt!, i18n.language), count: jury.results })
        : t('juries.openHelp');

  return (
    <Card variant="outlined" component="section" aria-labelledby="juries-title" sx={{ mb: 3 }}>
      <CardContent sx={{ px: { xs: 1.5, sm: 2 } }}>
        <Typography component="h2" variant="h5" id="juries-title" sx={{ mb: 1 }}>
          {t('juries.listTitle', { formation: choice.formation!.code })}
        </Typography>
        {juries.error && <AssessmentProblem error={juries.error} />}
        {juries.isPending && <Typography role="status">{t('loading')}</Typography>}
        {juries.data?.length === 0 && <Typography sx={{ mb: 1 }}>{t('juries.none')}</Typography>}
        {juries.data && juries.data.length > 0 && (
          <List dense aria-labelledby="juries-title">
            {juries.data.map((jury) => (
              <ListItem key={jury.id} disablePadding>
                <ListItemButton
                  selected={jury.id === choice.jury}
                  aria-current={jury.id === choice.jury ? 'true' : undefined}
                  onClick={() => choice.choose('jury', jury.id)}
                  data-testid="jury"
                >
                  <ListItemText primary={t('juries.item', { session: jury.session })} secondary={describe(jury)} />
                  <Chip size="small" variant="outlined" label={t(`juries.status.${jury.status}`)} sx={{ ml: 1 }} />
                </ListItemButton>
              </ListItem>
            ))}
          </List>
        )}
        {failure !== null && <AssessmentProblem error={failure} />}
        {chosen !== undefined && (
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' }, mt: 1 }}>
            <TextField
              select
              id="jury-session"
              label={t('juries.sessionField')}
              value={String(chosen)}
              onChange={(event) => setSession(event.target.value)}
              slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
              size="small"
              sx={{ minWidth: 160 }}
            >
              {free.map((item) => (
                <option key={item} value={item}>
                  {t('session', { session: item })}
                </option>
              ))}
            </TextField>
            <Button variant="outlined" onClick={() => void open()} disabled={busy}>
              {t('juries.create')}
            </Button>
          </Stack>
        )}
      </CardContent>
    </Card>
  );
}

/**
 * « Jurys »: the year and a validated formation, its juries (one per
 * session, opened here), then the jury chosen: its results (previewed
 * while it is open, with points on a learner's nodes; stored once it
 * deliberated), deliberation and publication, each confirmed.
 */
export default function JuriesPage() {
  const { t } = useTranslation('assessment');
  const choice = useFormationChoice();
  return (
    <Box sx={{ maxWidth: 1280 }}>
      <PageHeading>{t('juries.title')}</PageHeading>
      <Typography sx={{ mb: 2 }}>{t('juries.intro')}</Typography>
      <FormationPicker choice={choice} idPrefix="juries" />
      {choice.period && choice.formation && <JuryList key={choice.formation.id} choice={choice} />}
      {choice.formation && choice.jury && <JuryPanel key={choice.jury} juryId={choice.jury} />}
      {choice.formations.data && !choice.formation && <Alert severity="info">{t('juries.pickFormation')}</Alert>}
    </Box>
  );
}
