import { Box, Card, CardContent, Link, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { DetailList, labelIn, PageHeading } from '@pegase/web-kit';
import { pointOf } from '../common/choices.ts';
import { CursusSections } from '../common/CursusSections.tsx';
import { courseName } from '../common/EntryStatus.tsx';
import { learnerName, useLearner, usePeriod } from '../common/lookups.ts';
import { RegistrationProblem } from '../common/RegistrationProblem.tsx';
import { cursusKeys, getCursus, type Cursus } from '../registration-api.ts';
import { ArrangementsSection } from './ArrangementsSection.tsx';
import { useEntryActions } from './EntryActions.tsx';

/** The cursus's sections for staff: choices, the tree with exemptions and credits on each entry, the special arrangements. */
function StaffCursus({ cursus, onSaved, onStale }: { cursus: Cursus; onSaved: (cursus: Cursus) => void; onStale: () => void }) {
  const { actions, notice } = useEntryActions(cursus, onSaved);
  return (
    <>
      <CursusSections cursus={cursus} chooser="staff" level={2} onSaved={onSaved} onStale={onStale} entryActions={actions} treeNotice={notice} />
      <ArrangementsSection cursus={cursus} onSaved={onSaved} />
    </>
  );
}

/**
 * A learner's cursus for one enrolment, for staff: the same tree and
 * grouping forms as the student's page, sent as staff (at any time, the
 * students' window open or not), and the seats offered to the learner,
 * answered for them; exemptions and credits carried over on each entry of
 * the tree, and the special arrangements.
 */
export default function CursusPage() {
  const { t, i18n } = useTranslation('registration');
  const { enrolmentId = '' } = useParams();
  const client = useQueryClient();
  const cursus = useQuery({ queryKey: cursusKeys.one(enrolmentId), queryFn: () => getCursus(enrolmentId) });
  const learner = useLearner(cursus.data?.learnerId);
  const period = usePeriod(cursus.data?.periodId);
  const name = learner.data ? learnerName(learner.data) : undefined;
  const title = name ? t('staff.title', { name }) : t('staff.titleUnknown');
  const back = (
    <Link component={RouterLink} to={`/enrolments/${enrolmentId}`} sx={{ display: 'inline-block', mb: 1 }}>
      {t('staff.back')}
    </Link>
  );

  if (cursus.error) {
    return (
      <Box>
        {back}
        <PageHeading>{t('staff.titleUnknown')}</PageHeading>
        <RegistrationProblem error={cursus.error} />
      </Box>
    );
  }
  if (!cursus.data) return <Typography role="status">{t('loading')}</Typography>;
  const current = cursus.data;
  const point = pointOf(current.entries);
  return (
    <Box sx={{ maxWidth: 1100 }}>
      {back}
      <PageHeading title={title}>{title}</PageHeading>
      <Card variant="outlined" sx={{ mb: 3 }}>
        <CardContent>
          <DetailList
            items={[
              { term: t('staff.learnerCode'), value: current.learnerCode, testId: 'learner-code' },
              { term: t('staff.point'), value: point ? courseName(point, i18n.language) : '—' },
              { term: t('staff.period'), value: period.data ? labelIn(i18n.language, period.data.labels) : '…' },
            ]}
          />
        </CardContent>
      </Card>
      <StaffCursus
        cursus={current}
        onSaved={(next) => client.setQueryData(cursusKeys.one(enrolmentId), next)}
        onStale={() => void client.invalidateQueries({ queryKey: cursusKeys.one(enrolmentId) })}
      />
    </Box>
  );
}
