import { useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Chip, List, ListItem, ListItemButton, ListItemText, Stack, TextField, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isStaff, labelIn, PageHeading, useSession } from '@pegase/web-kit';
import { keys, listAssessments, type Assessment } from '../assessment-api.ts';
import { AssessmentProblem } from '../common/AssessmentProblem.tsx';
import { FormationPicker, useFormationChoice, type FormationChoice } from '../common/FormationPicker.tsx';
import { formatMark } from '../common/marks.ts';
import { courseElementsOf, type PathOfTree } from '../common/offer.ts';
import { CreateAssessmentDialog } from './CreateAssessmentDialog.tsx';
import { ElementTeachers } from './ElementTeachers.tsx';
import { MarkGrid } from './MarkGrid.tsx';
import { TeachingList } from './TeachingList.tsx';

/** The assessments of a course element, session 1 then 2, each opening its sheet; staff create new ones. */
function AssessmentList({ choice, element, name }: { choice: FormationChoice; element: PathOfTree; name: string }) {
  const { t, i18n } = useTranslation('assessment');
  const staff = isStaff(useSession());
  const client = useQueryClient();
  const periodId = choice.period!.id;
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: keys.assessments(periodId, element.path), queryFn: () => listAssessments(periodId, element.path) });
  const items = list.data ?? [];
  const created = (assessment: Assessment) => {
    setCreating(false);
    void client.invalidateQueries({ queryKey: keys.assessments(periodId, element.path) });
    choice.choose('assessment', assessment.id);
  };
  return (
    <Card variant="outlined" component="section" aria-labelledby="assessments-title" sx={{ mb: 3 }}>
      <CardContent sx={{ px: { xs: 1.5, sm: 2 } }}>
        <Typography component="h2" variant="h5" id="assessments-title" sx={{ mb: 1, overflowWrap: 'anywhere' }}>
          {t('sheets.assessmentsOf', { name })}
        </Typography>
        {list.error && <AssessmentProblem error={list.error} />}
        {list.isPending && <Typography role="status">{t('loading')}</Typography>}
        {list.data && items.length === 0 && <Typography sx={{ mb: 1 }}>{t('sheets.noAssessment')}</Typography>}
        {([1, 2] as const).map((session) => {
          const ofSession = items.filter((item) => item.session === session);
          if (ofSession.length === 0) return null;
          return (
            <Box key={session} component="section" aria-labelledby={`session-${session}`} sx={{ mb: 1 }}>
              <Typography component="h3" variant="h6" id={`session-${session}`}>
                {t('session', { session })}
              </Typography>
              <List dense aria-labelledby={`session-${session}`}>
                {ofSession.map((item) => (
                  <ListItem key={item.id} disablePadding>
                    <ListItemButton
                      selected={item.id === choice.assessment}
                      aria-current={item.id === choice.assessment ? 'true' : undefined}
                      onClick={() => choice.choose('assessment', item.id)}
                      data-testid="assessment"
                    >
                      <ListItemText
                        primary={`${item.code} — ${item.label}`}
                        secondary={t('sheets.assessmentDetails', { coefficient: formatMark(item.coefficient, i18n.language), scale: item.scale })}
                      />
                      {item.locked && <Chip size="small" variant="outlined" label={t('sheets.lockedChip')} sx={{ ml: 1 }} />}
                    </ListItemButton>
                  </ListItem>
                ))}
              </List>
            </Box>
          );
        })}
        {staff && (
          <Button variant="outlined" onClick={() => setCreating(true)}>
            {t('sheets.create')}
          </Button>
        )}
        {creating && (
          <CreateAssessmentDialog periodId={periodId} path={element.path} elementName={name} onClose={() => setCreating(false)} onCreated={created} />
        )}
      </CardContent>
    </Card>
  );
}

/**
 * « Saisie des notes »: for staff, the year, a validated formation, one of
 * its course elements and its assessments per session; for a teacher, the
 * elements they teach and their sheets. The sheet chosen opens below as a
 * keyboard-first grid; staff also say who teaches the element, create
 * assessments and lock sheets. A teacher's link from their home
 * (`?assessment=…`) opens the sheet at once.
 */
export default function MarkSheetsPage() {
  const staff = isStaff(useSession());
  return staff ? <StaffSheets /> : <TeacherSheets />;
}

/** A teacher: the elements they teach, then the sheet chosen. */
function TeacherSheets() {
  const { t } = useTranslation('assessment');
  const [params] = useSearchParams();
  const assessment = params.get('assessment');
  return (
    <Box sx={{ maxWidth: 1280 }}>
      <PageHeading>{t('sheets.title')}</PageHeading>
      <Typography sx={{ mb: 2 }}>{t('teaching.intro')}</Typography>
      <TeachingList />
      {assessment && <MarkGrid key={assessment} assessmentId={assessment} />}
    </Box>
  );
}

/** Staff: a formation, one of its elements, its assessments, then the sheet chosen. */
function StaffSheets() {
  const { t, i18n } = useTranslation('assessment');
  const choice = useFormationChoice();
  const elements = choice.tree.data ? courseElementsOf(choice.tree.data) : [];
  const repeated = new Set(
    elements.filter((item, index) => elements.findIndex((other) => other.object.id === item.object.id) !== index).map((item) => item.object.id),
  );
  const nameOf = (item: PathOfTree) =>
    t(repeated.has(item.object.id) ? 'picker.elementAt' : 'picker.element', {
      code: item.object.code,
      label: labelIn(i18n.language, item.object.labels),
      path: item.path,
    });
  const element = elements.find((item) => item.path === choice.path);
  return (
    <Box sx={{ maxWidth: 1280 }}>
      <PageHeading>{t('sheets.title')}</PageHeading>
      <Typography sx={{ mb: 2 }}>{t('sheets.intro')}</Typography>
      <FormationPicker choice={choice} idPrefix="sheets">
        <TextField
          select
          id="sheets-element"
          label={t('picker.elementField')}
          value={element?.path ?? ''}
          onChange={(event) => choice.choose('path', event.target.value)}
          disabled={elements.length === 0}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
          sx={{ flex: 1, minWidth: 0 }}
        >
          <option value="">{t('picker.chooseElement')}</option>
          {elements.map((item) => (
            <option key={item.path} value={item.path}>
              {nameOf(item)}
            </option>
          ))}
        </TextField>
      </FormationPicker>
      {choice.formation && choice.tree.isPending && <Typography role="status">{t('loading')}</Typography>}
      {choice.tree.data && elements.length === 0 && <Alert severity="info">{t('picker.noElement')}</Alert>}
      {element && (
        <Stack>
          <ElementTeachers key={element.object.id} objectId={element.object.id} name={nameOf(element)} />
          <AssessmentList key={element.path} choice={choice} element={element} name={nameOf(element)} />
          {choice.assessment && <MarkGrid key={choice.assessment} assessmentId={choice.assessment} />}
        </Stack>
      )}
    </Box>
  );
}
