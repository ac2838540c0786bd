import { Alert, Box, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isStaff, labelIn, PageHeading, useSession } from '@pegase/web-kit';
import { FormationPicker, useFormationChoice } from '../common/FormationPicker.tsx';
import { coursesOf, type CourseOfTree } from '../common/groups.ts';
import { RegistrationProblem } from '../common/RegistrationProblem.tsx';
import { groupKeys, LOOKUP_STALE_MS, offerTree } from '../registration-api.ts';
import { ClassListPanel } from './ClassListPanel.tsx';
import { GroupsPanel } from './GroupsPanel.tsx';

/** One course: its groups (and, for staff, their creation and the even split), then its class list. */
function CourseGroups({ course, formationPaths, canWrite }: { course: CourseOfTree; formationPaths: string[]; canWrite: boolean }) {
  const { t, i18n } = useTranslation('registration');
  const name = t('picker.courseOf', {
    code: course.object.code,
    label: labelIn(i18n.language, course.object.labels),
    type: t(`objectType.${course.object.type}`, { ns: 'translation', defaultValue: course.object.type }),
  });
  return (
    <Box component="section" aria-labelledby="course-heading" data-testid="course" data-object={course.object.id}>
      <Typography component="h2" variant="h5" id="course-heading" sx={{ mb: 2, overflowWrap: 'anywhere' }}>
        {name}
      </Typography>
      {!canWrite && (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="read-only">
          {t('groups.readOnly')}
        </Alert>
      )}
      <GroupsPanel objectId={course.object.id} courseName={name} canWrite={canWrite} />
      <ClassListPanel objectId={course.object.id} courseCode={course.object.code} courseName={name} paths={formationPaths} canWrite={canWrite} />
    </Box>
  );
}

/**
 * « Groupes et listes »: the academic year, a validated formation, one of
 * its courses (UE or EC, from the formation's tree), then that course's
 * teaching groups and class list. Staff create groups, split the learners
 * evenly and place them by hand; teachers read (and download) only.
 */
export default function TeachingGroupsPage() {
  const { t, i18n } = useTranslation('registration');
  const session = useSession();
  const canWrite = isStaff(session);
  const choice = useFormationChoice();
  const { formation } = choice;
  const tree = useQuery({
    queryKey: groupKeys.tree(formation?.id ?? ''),
    queryFn: () => offerTree(formation!.id),
    enabled: formation !== undefined,
    staleTime: LOOKUP_STALE_MS,
  });
  const courses = tree.data ? coursesOf(tree.data) : [];
  const course = courses.find((item) => item.object.id === choice.course);

  return (
    <Box sx={{ maxWidth: 1280 }}>
      <PageHeading>{t('groups.title')}</PageHeading>
      <Typography sx={{ mb: 2 }}>{t('groups.intro')}</Typography>
      <FormationPicker choice={choice} idPrefix="groups">
        <TextField
          select
          id="groups-course"
          label={t('picker.course')}
          value={course?.object.id ?? ''}
          onChange={(event) => choice.choose('course', event.target.value)}
          disabled={courses.length === 0}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
          sx={{ flex: 1, minWidth: 0 }}
        >
          <option value="">{t('picker.chooseCourse')}</option>
          {courses.map((item) => (
            <option key={item.object.id} value={item.object.id}>
              {t('picker.courseOf', {
                code: item.object.code,
                label: labelIn(i18n.language, item.object.labels),
                type: t(`objectType.${item.object.type}`, { ns: 'translation', defaultValue: item.object.type }),
              })}
            </option>
          ))}
        </TextField>
      </FormationPicker>
      {tree.error && <RegistrationProblem error={tree.error} />}
      {formation && tree.isPending && <Typography role="status">{t('loading')}</Typography>}
      {tree.data && courses.length === 0 && <Alert severity="info">{t('picker.noCourse')}</Alert>}
      {course && <CourseGroups key={course.object.id} course={course} formationPaths={course.paths} canWrite={canWrite} />}
    </Box>
  );
}
