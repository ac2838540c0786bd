import { Alert, Box, Card, CardContent, List, ListItem, ListItemButton, ListItemText, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { keys, myTeaching } from '../assessment-api.ts';
import { AssessmentProblem } from '../common/AssessmentProblem.tsx';

/**
 * A teacher's way to their sheets: the course elements they teach (the
 * scolarité assigns them), each with its assessments and how many of the
 * sheet's learners have a mark; choosing one opens its sheet below.
 */
export function TeachingList() {
  const { t, i18n } = useTranslation('assessment');
  const [params, setParams] = useSearchParams();
  const chosen = params.get('assessment');
  const taught = useQuery({ queryKey: keys.myTeaching, queryFn: myTeaching });
  return (
    <Card variant="outlined" component="section" aria-labelledby="teaching-title" sx={{ mb: 3 }}>
      <CardContent sx={{ px: { xs: 1.5, sm: 2 } }}>
        <Typography component="h2" variant="h5" id="teaching-title" sx={{ mb: 1 }}>
          {t('teaching.title')}
        </Typography>
        {taught.error && <AssessmentProblem error={taught.error} />}
        {taught.isPending && <Typography role="status">{t('loading')}</Typography>}
        {taught.data?.length === 0 && <Alert severity="info">{t('teaching.none')}</Alert>}
        {(taught.data ?? []).map((item) => (
          <Box key={`${item.objectId}-${item.periodId}`} component="section" aria-labelledby={`taught-${item.objectId}`} sx={{ mb: 1 }}>
            <Typography component="h3" variant="h6" id={`taught-${item.objectId}`} sx={{ overflowWrap: 'anywhere' }}>
              {t('picker.element', { code: item.code, label: i18n.language === 'en' && item.labelEn ? item.labelEn : item.labelFr })}
            </Typography>
            {item.sheets.length === 0 ? (
              <Typography variant="body2">{t('sheets.noAssessment')}</Typography>
            ) : (
              <List dense aria-labelledby={`taught-${item.objectId}`}>
                {item.sheets.map(({ assessment, learners, marked }) => (
                  <ListItem key={assessment.id} disablePadding>
                    <ListItemButton
                      selected={assessment.id === chosen}
                      aria-current={assessment.id === chosen ? 'true' : undefined}
                      onClick={() => setParams({ assessment: assessment.id }, { replace: true })}
                      data-testid="assessment"
                    >
                      <ListItemText
                        primary={t('teaching.sheet', { code: assessment.code, label: assessment.label, session: assessment.session })}
                        secondary={t('teaching.marked', { marked, count: learners })}
                      />
                    </ListItemButton>
                  </ListItem>
                ))}
              </List>
            )}
          </Box>
        ))}
      </CardContent>
    </Card>
  );
}
