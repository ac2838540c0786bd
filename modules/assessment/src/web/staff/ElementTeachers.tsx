import { useId, useState, type FormEvent } from 'react';
import { Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf, formatDateTime, FormErrorSummary, StatusNotice } from '@pegase/web-kit';
import { keys, objectTeachers, putObjectTeachers } from '../assessment-api.ts';
import { AssessmentProblem } from '../common/AssessmentProblem.tsx';
import { teacherLinesOf, type TeacherLineError } from '../common/teachers.ts';

/**
 * Who teaches a course element (`GET /objects/{objectId}/teachers`): they,
 * and no other teacher, read and enter the marks of its sheets. Staff edit
 * the whole list at once, one login a line (`PUT`, the list replaces the
 * one before); a wrong line is said on the field, by its number, before
 * sending or as the API names it (`/teachers/<n>`).
 */
export function ElementTeachers({ objectId, name }: { objectId: string; name: string }) {
  const { t, i18n } = useTranslation('assessment');
  const id = useId();
  const client = useQueryClient();
  const current = useQuery({ queryKey: keys.teachers(objectId), queryFn: () => objectTeachers(objectId) });
  const [draft, setDraft] = useState<string | null>(null);
  const [local, setLocal] = useState<TeacherLineError[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const inputId = `${id}-logins`;
  const teachers = current.data?.teachers ?? [];
  const text = draft ?? teachers.map((item) => item.teacher).join('\n');

  // The API names a refused login by its place in the list sent (`/teachers/2`): said as the line it came from.
  const sent = teacherLinesOf(text).logins;
  const server: TeacherLineError[] = Object.entries(fieldErrorsOf(failure)).flatMap(([field]) => {
    const index = /^\/teachers\/(\d+)$/.exec(field)?.[1];
    const login = index === undefined ? undefined : sent[Number(index)];
    return login === undefined ? [] : [{ line: login.line, login: login.login }];
  });
  const lineErrors = local.length > 0 ? local : server;
  const message =
    lineErrors.length > 0
      ? lineErrors.map((error) => t(error.tooMany ? 'teachers.tooMany' : 'teachers.invalidLine', { line: error.line, login: error.login })).join(' ')
      : undefined;
  const otherFailure = failure !== null && server.length === 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setFailure(null);
    setNotice(null);
    const { logins, errors } = teacherLinesOf(text);
    setLocal(errors);
    if (errors.length > 0) {
      document.getElementById(inputId)?.focus();
      return;
    }
    setSaving(true);
    try {
      const saved = await putObjectTeachers(
        objectId,
        logins.map((item) => item.login),
      );
      client.setQueryData(keys.teachers(objectId), saved);
      void client.invalidateQueries({ queryKey: keys.myTeaching });
      setDraft(null);
      setNotice(
        saved.teachers.length === 0
          ? t('teachers.savedNone', { name })
          : t('teachers.saved', { name, teachers: saved.teachers.map((item) => item.teacher).join(', ') }),
      );
    } catch (error) {
      setFailure(error);
      document.getElementById(inputId)?.focus();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card variant="outlined" component="section" aria-labelledby={`${id}-title`} sx={{ mb: 3 }} data-testid="element-teachers">
      <CardContent sx={{ px: { xs: 1.5, sm: 2 } }}>
        <Typography component="h2" variant="h5" id={`${id}-title`} sx={{ mb: 1, overflowWrap: 'anywhere' }}>
          {t('teachers.title', { name })}
        </Typography>
        {current.error && <AssessmentProblem error={current.error} />}
        {current.isPending && <Typography role="status">{t('loading')}</Typography>}
        {current.data && teachers.length === 0 && <Typography sx={{ mb: 1 }}>{t('teachers.none')}</Typography>}
        {teachers.length > 0 && (
          <ul aria-label={t('teachers.listLabel', { name })} data-testid="teacher-list" style={{ marginTop: 0 }}>
            {teachers.map((item) => (
              <li key={item.teacher}>
                <Typography component="span" sx={{ fontWeight: 600 }}>
                  {item.teacher}
                </Typography>{' '}
                <Typography component="span" variant="body2" color="text.secondary">
                  {t('teachers.assigned', { by: item.assignedBy, at: formatDateTime(item.assignedAt, i18n.language) })}
                </Typography>
              </li>
            ))}
          </ul>
        )}
        <StatusNotice notice={notice} testId="teachers-notice" />
        {message && <FormErrorSummary errors={[{ inputId, label: t('teachers.field'), message }]} />}
        {otherFailure && <AssessmentProblem error={failure} />}
        {current.data && (
          <form noValidate onSubmit={(event) => void submit(event)}>
            <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
              <TextField
                id={inputId}
                label={t('teachers.field')}
                value={text}
                onChange={(event) => {
                  setDraft(event.target.value);
                  setLocal([]);
                  setFailure(null);
                }}
                multiline
                minRows={2}
                error={message !== undefined}
                helperText={message ?? t('teachers.help')}
                slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'none', autoCorrect: 'off' } }}
                sx={{ width: '100%', maxWidth: 480 }}
              />
              <Button type="submit" variant="outlined" disabled={saving}>
                {t('teachers.save')}
              </Button>
            </Stack>
          </form>
        )}
      </CardContent>
    </Card>
  );
}
