import { useEffect, useRef, useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Link, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDate, labelIn, PageHeading } from '@pegase/web-kit';
import {
  ASSESSMENT,
  getPeriod,
  keys,
  LOOKUP_STALE_MS,
  myCursusLabels,
  myResultDocument,
  myResults,
  type MyResult,
  type PathLabels,
  type ResultDocument,
  type ResultNode,
} from '../assessment-api.ts';
import { AssessmentProblem } from '../common/AssessmentProblem.tsx';
import { formatMark } from '../common/marks.ts';
import { ResultTree } from '../common/ResultTree.tsx';

interface Downloaded {
  url: string;
  filename: string;
}

/**
 * One published result: the root's mark, decision, credits and honours,
 * the documents to download (the transcript always, the pass certificate
 * when the root is passed: ADM), and the tree with its explanations.
 */
function PublishedResult({ item, labels }: { item: MyResult; labels: PathLabels | undefined }) {
  const { t, i18n } = useTranslation('assessment');
  const { jury, result } = item;
  const root = result.root as ResultNode;
  const period = useQuery({ queryKey: [ASSESSMENT, 'period', jury.periodId], queryFn: () => getPeriod(jury.periodId), staleTime: LOOKUP_STALE_MS });
  const rootLabel = labels?.get(root.path);
  const name = rootLabel ? labelIn(i18n.language, rootLabel) : root.code;
  const [busy, setBusy] = useState<ResultDocument | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [downloaded, setDownloaded] = useState<Downloaded | null>(null);
  const link = useRef<HTMLAnchorElement>(null);
  const headingId = `result-${jury.id}`;
  // The file's address lives while the page shows its link; a new file is handed over at once.
  useEffect(() => () => (downloaded ? URL.revokeObjectURL(downloaded.url) : undefined), [downloaded]);
  useEffect(() => {
    if (downloaded) link.current?.click();
  }, [downloaded]);

  const fetchDocument = async (document: ResultDocument) => {
    setBusy(document);
    setFailure(null);
    try {
      const { blob, filename } = await myResultDocument(jury.id, document, i18n.language);
      setDownloaded({ url: URL.createObjectURL(blob), filename: filename ?? `${document === 'transcript' ? 'releve' : 'attestation'}-${root.code}.pdf` });
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card variant="outlined" component="section" aria-labelledby={headingId} sx={{ mb: 3 }} data-testid="my-result" data-jury={jury.id}>
      <CardContent sx={{ px: { xs: 1.5, sm: 2 } }}>
        <Typography component="h2" variant="h5" id={headingId} sx={{ overflowWrap: 'anywhere' }}>
          {t('mine.heading', { name, session: jury.session })}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {period.data && `${labelIn(i18n.language, period.data.labels)} · `}
          {jury.publishedAt && t('mine.publishedOn', { date: formatDate(jury.publishedAt, i18n.language) })}
        </Typography>
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, rowGap: 0.5, my: 2 }} data-testid="my-result-summary">
          <dt>{t('mine.mark')}</dt>
          <dd style={{ margin: 0 }}>{result.mark === null ? t('tree.noMark') : t('tree.mark', { mark: formatMark(result.mark, i18n.language) })}</dd>
          <dt>{t('mine.decision')}</dt>
          <dd style={{ margin: 0 }} data-testid="my-decision">
            {t(`decision.${root.decision}`, { defaultValue: root.decision })}
          </dd>
          <dt>{t('mine.credits')}</dt>
          <dd style={{ margin: 0 }}>{t('tree.credits', { credits: formatMark(root.credits, i18n.language) })}</dd>
          {root.honours && (
            <>
              <dt>{t('mine.honours')}</dt>
              <dd style={{ margin: 0 }}>{t(`honours.${root.honours}`)}</dd>
            </>
          )}
          {result.rank !== null && (
            <>
              <dt>{t('mine.rank')}</dt>
              <dd style={{ margin: 0 }}>{result.rank}</dd>
            </>
          )}
        </Box>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ mb: 2 }}>
          <Button variant="contained" onClick={() => void fetchDocument('transcript')} disabled={busy !== null}>
            {busy === 'transcript' ? t('mine.downloading') : t('mine.transcript')}
          </Button>
          {root.decision === 'ADM' && (
            <Button variant="outlined" onClick={() => void fetchDocument('pass-certificate')} disabled={busy !== null}>
              {busy === 'pass-certificate' ? t('mine.downloading') : t('mine.passCertificate')}
            </Button>
          )}
        </Stack>
        <Box role="status" aria-live="polite" data-testid="my-result-file">
          {downloaded && (
            <Alert severity="success" role="none" sx={{ mb: 2 }}>
              <Link ref={link} href={downloaded.url} download={downloaded.filename}>
                {t('mine.downloaded', { file: downloaded.filename })}
              </Link>
            </Alert>
          )}
        </Box>
        {failure !== null && <AssessmentProblem error={failure} />}
        <Typography component="h3" variant="h6" sx={{ mb: 1 }}>
          {t('mine.details')}
        </Typography>
        <ResultTree root={root} labels={labels} label={t('mine.treeLabel', { name })} />
      </CardContent>
    </Card>
  );
}

/** « Mes résultats »: the student's published results, per period and session, most recent first. */
export default function MyResultsPage() {
  const { t } = useTranslation('assessment');
  const results = useQuery({ queryKey: keys.mine, queryFn: myResults });
  // The labels are a comfort: without them (no cursus any more), the codes are shown.
  const labels = useQuery({ queryKey: [ASSESSMENT, 'my-labels'], queryFn: myCursusLabels, staleTime: LOOKUP_STALE_MS, retry: false });
  const items = [...(results.data ?? [])].sort((a, b) => (b.jury.publishedAt ?? '').localeCompare(a.jury.publishedAt ?? '') || b.jury.session - a.jury.session);
  return (
    <Box sx={{ maxWidth: 960 }}>
      <PageHeading>{t('mine.title')}</PageHeading>
      <Typography sx={{ mb: 2 }}>{t('mine.intro')}</Typography>
      {results.error && <AssessmentProblem error={results.error} />}
      {results.isPending && <Typography role="status">{t('loading')}</Typography>}
      {results.data?.length === 0 && <Alert severity="info">{t('mine.none')}</Alert>}
      {items.map((item) => (
        <PublishedResult key={item.jury.id} item={item} labels={labels.data} />
      ))}
    </Box>
  );
}
