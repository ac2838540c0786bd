import { Box, Card, CardContent, Link, List, ListItem, Skeleton, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { keys, myTeaching, sheetLink } from '../assessment-api.ts';
import { AssessmentProblem } from '../common/AssessmentProblem.tsx';

/**
 * The teacher's home card: the course elements they teach (`GET /me/teaching`),
 * each with its sheets and how many of their learners have a mark, each
 * sheet a link that opens it in « Saisie des notes ».
 */
export default function MyTeachingCard() {
  const { t, i18n } = useTranslation('assessment');
  const taught = useQuery({ queryKey: keys.myTeaching, queryFn: myTeaching });
  return (
    <Card variant="outlined" sx={{ height: '100%' }} component="section" aria-labelledby="my-teaching-title" data-testid="my-teaching-card">
      <CardContent>
        <Typography component="h2" variant="h6" id="my-teaching-title">
          {t('teaching.title')}
        </Typography>
        {taught.error && <AssessmentProblem error={taught.error} />}
        {taught.isPending && <Skeleton height={64} />}
        {taught.data?.length === 0 && <Typography>{t('teaching.none')}</Typography>}
        {(taught.data ?? []).map((item) => {
          const name = t('picker.element', { code: item.code, label: i18n.language === 'en' && item.labelEn ? item.labelEn : item.labelFr });
          const headingId = `my-teaching-${item.objectId}-${item.periodId}`;
          return (
            <Box key={`${item.objectId}-${item.periodId}`} sx={{ borderTop: 1, borderColor: 'divider', py: 1 }} data-testid="taught-element">
              <Typography component="h3" variant="subtitle1" id={headingId} sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
                {name}
              </Typography>
              {item.sheets.length === 0 ? (
                <Typography variant="body2">{t('sheets.noAssessment')}</Typography>
              ) : (
                <List dense disablePadding aria-labelledby={headingId}>
                  {item.sheets.map(({ assessment, learners, marked }) => (
                    <ListItem key={assessment.id} disableGutters sx={{ display: 'block' }}>
                      <Link component={RouterLink} to={sheetLink(assessment.id)} sx={{ fontWeight: 600 }} data-testid="sheet-link">
                        {t('teaching.sheet', { code: assessment.code, label: assessment.label, session: assessment.session })}
                      </Link>
                      <Typography variant="body2">
                        {t('teaching.learners', { count: learners })} · {t('teaching.marked', { marked, count: learners })}
                      </Typography>
                    </ListItem>
                  ))}
                </List>
              )}
            </Box>
          );
        })}
        <Link component={RouterLink} to="/mark-sheets" sx={{ display: 'inline-block', mt: 1, fontWeight: 600 }}>
          {t('teaching.cardLink')}
        </Link>
      </CardContent>
    </Card>
  );
}
