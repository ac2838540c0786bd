import type { Ref } from 'react';
import { Alert, AlertTitle, Box, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { problemSlugOf } from '../common/problems.ts';
import type { BulkAction, BulkOutcome } from '../enrolment-api.ts';

export interface BulkReportData {
  action: BulkAction;
  outcome: BulkOutcome;
  /** How the person knows each enrolment (learner code and name, point), by id, as the queue showed them. */
  labels: ReadonlyMap<string, string>;
}

type BulkProblem = NonNullable<BulkOutcome['results'][number]['problem']>;

/**
 * What a bulk action did: « 3 validées, 1 en échec », then each enrolment
 * that failed with the problem in the person's language (enrolment's own
 * problem types, then the kit's, then the API's title) and the API's detail.
 * Shown in a status region that is always there, so that the result is
 * announced; the summary takes the focus, since the buttons that started the
 * action are gone with the selection.
 */
export function BulkReport({ report, onClose, summaryRef }: { report: BulkReportData | null; onClose: () => void; summaryRef: Ref<HTMLDivElement> }) {
  const { t, i18n } = useTranslation('enrolment');
  const message = (problem: BulkProblem) => {
    const slug = problemSlugOf(problem);
    if (slug !== undefined && i18n.exists(`problems.${slug}`, { ns: 'enrolment' })) return t(`problems.${slug}`);
    if (slug !== undefined && i18n.exists(`problems.${slug}`, { ns: 'translation' })) return t(`problems.${slug}`, { ns: 'translation' });
    return problem.title;
  };
  const failures = report?.outcome.results.filter((result) => result.outcome === 'failed') ?? [];
  const summary =
    report === null
      ? ''
      : report.outcome.failed === 0
        ? t(`bulk.${report.action === 'validate' ? 'validated' : 'cancelled'}`, { count: report.outcome.done })
        : t('bulk.summary', {
            done: t(`bulk.${report.action === 'validate' ? 'validated' : 'cancelled'}`, { count: report.outcome.done }),
            failed: t('bulk.failed', { count: report.outcome.failed }),
          });
  return (
    <Box role="status" data-testid="bulk-report" sx={{ mb: report ? 2 : 0 }}>
      {report && (
        <Alert severity={report.outcome.failed === 0 ? 'success' : 'warning'} role="none" onClose={onClose} closeText={t('bulk.close')}>
          <AlertTitle ref={summaryRef} tabIndex={-1} data-testid="bulk-summary">
            {summary}
          </AlertTitle>
          {failures.length > 0 && (
            <>
              <Typography id="bulk-failures" variant="body2" sx={{ fontWeight: 600 }}>
                {t('bulk.failures')}
              </Typography>
              <Box component="ul" aria-labelledby="bulk-failures" sx={{ m: 0, pl: 3 }}>
                {failures.map((failure) => (
                  <li key={failure.enrolmentId} data-testid="bulk-failure">
                    {t('bulk.failure', { enrolment: report.labels.get(failure.enrolmentId) ?? failure.enrolmentId, message: message(failure.problem!) })}
                    {failure.problem?.detail && (
                      <Typography variant="body2" component="span" lang="en" sx={{ display: 'block' }}>
                        {failure.problem.detail}
                      </Typography>
                    )}
                  </li>
                ))}
              </Box>
            </>
          )}
        </Alert>
      )}
    </Box>
  );
}
