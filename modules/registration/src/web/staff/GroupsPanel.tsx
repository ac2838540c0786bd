import { useRef, useState, type FormEvent } from 'react';
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatNumber, FormErrorSummary, type FormFieldError, ProblemError, problemSlugOf, StatusNotice } from '@pegase/web-kit';
import { apiFieldErrors, fieldMessage } from '../common/field-messages.ts';
import { GROUP_CODE, GROUP_KIND, isFull, kindsOf, parseCapacity } from '../common/groups.ts';
import { RegistrationProblem } from '../common/RegistrationProblem.tsx';
import { createGroup, splitGroups, type Group, type SplitReport } from '../registration-api.ts';
import { useGroups, useGroupsChanged } from './group-queries.ts';

type Field = 'kind' | 'code' | 'capacity';

/** A new group: its kind (TD by default), code and capacity (empty: no limit); the form's checks then the API's, beside the fields. */
function CreateGroupForm({ objectId }: { objectId: string }) {
  const { t } = useTranslation('registration');
  const changed = useGroupsChanged(objectId);
  const [values, setValues] = useState<Record<Field, string>>({ kind: 'TD', code: '', capacity: '' });
  const [local, setLocal] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [saving, setSaving] = useState(false);
  const inputId = (field: Field) => `group-${field}`;
  const server = apiFieldErrors(failure);
  const slug = failure instanceof ProblemError ? problemSlugOf(failure.problem) : undefined;
  const own: Record<Field, string> = { kind: t('groups.kindInvalid'), code: t('groups.codeInvalid'), capacity: t('groups.capacityInvalid') };
  const messageOf = (field: Field): string | undefined => {
    if (local[field]) return local[field];
    if (field === 'code' && slug === 'duplicate-code') return t('groups.codeTaken');
    const said = server.get(`/${field}`);
    return said === undefined ? undefined : fieldMessage(said, t, said === 'is required' ? undefined : own[field]);
  };
  const fields: Field[] = ['kind', 'code', 'capacity'];
  const summary: FormFieldError[] = fields.flatMap((field) => {
    const message = messageOf(field);
    return message ? [{ inputId: inputId(field), label: t(`groups.${field}Field`), message }] : [];
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setNotice('');
    setFailure(null);
    const kind = values.kind.trim();
    const code = values.code.trim();
    const capacity = parseCapacity(values.capacity);
    const found: Partial<Record<Field, string>> = {};
    if (kind === '') found.kind = t('groups.required');
    else if (!GROUP_KIND.test(kind)) found.kind = own.kind;
    if (code === '') found.code = t('groups.required');
    else if (!GROUP_CODE.test(code)) found.code = own.code;
    if (capacity === undefined) found.capacity = own.capacity;
    setLocal(found);
    const first = fields.find((field) => found[field]);
    if (first || capacity === undefined) {
      document.getElementById(inputId(first ?? 'capacity'))?.focus();
      return;
    }
    setSaving(true);
    try {
      const created = await createGroup(objectId, { kind, code, capacity });
      changed();
      setNotice(t('groups.created', { code: created.code }));
      setValues((current) => ({ ...current, code: '' }));
      document.getElementById(inputId('code'))?.focus();
    } catch (error) {
      setFailure(error);
      const slugOf = error instanceof ProblemError ? problemSlugOf(error.problem) : undefined;
      const target = slugOf === 'duplicate-code' ? 'code' : fields.find((field) => apiFieldErrors(error).has(`/${field}`));
      if (target) document.getElementById(inputId(target))?.focus();
    } finally {
      setSaving(false);
    }
  };

  const field = (key: Field, extra: { help: string; width?: number; numeric?: boolean }) => {
    const message = messageOf(key);
    return (
      <TextField
        id={inputId(key)}
        label={t(`groups.${key}Field`)}
        value={values[key]}
        onChange={(event) =>
          setValues((current) => ({ ...current, [key]: key === 'capacity' ? event.target.value : event.target.value.toLocaleUpperCase('fr') }))
        }
        required={key !== 'capacity'}
        error={message !== undefined}
        helperText={message ?? extra.help}
        slotProps={{
          htmlInput: { autoComplete: 'off', spellCheck: false, ...(extra.numeric ? { inputMode: 'numeric' } : { maxLength: key === 'kind' ? 10 : 40 }) },
        }}
        sx={{ flex: 1, minWidth: 0 }}
      />
    );
  };

  return (
    <Card variant="outlined" component="section" aria-labelledby="group-create" sx={{ height: '100%' }}>
      <CardContent>
        <Typography component="h3" variant="h6" id="group-create" sx={{ mb: 1 }}>
          {t('groups.create')}
        </Typography>
        <Box component="form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="group-create">
          <FormErrorSummary errors={summary} />
          {failure !== null && summary.length === 0 && <RegistrationProblem error={failure} />}
          <Stack direction={{ xs: 'column', sm: 'row', md: 'column', xl: 'row' }} spacing={2} sx={{ mb: 2 }}>
            {field('kind', { help: t('groups.kindHelp') })}
            {field('code', { help: t('groups.codeHelp') })}
            {field('capacity', { help: t('groups.capacityHelp'), numeric: true })}
          </Stack>
          <Button type="submit" variant="contained" disabled={saving}>
            {t('groups.createSubmit')}
          </Button>
          <StatusNotice notice={notice} testId="group-notice" sx={{ mt: 2 }} />
        </Box>
      </CardContent>
    </Card>
  );
}

/** What a split did, in words: « Répartition en TD : 4 apprenants placés, 1 sans place (les groupes sont complets). » */
function splitSummary(t: (key: string, options?: Record<string, unknown>) => string, kind: string, report: SplitReport): string {
  return t('groups.splitDone', {
    kind,
    placed: t('groups.placed', { count: report.placed }),
    unplaced: t('groups.unplaced', { count: report.unplaced }),
  });
}

/**
 * The groups of a course as a table (kind, code, places, learners, full),
 * and for staff one « Répartir équitablement » per kind, whose report is
 * announced in a status region and takes the focus; then the form to create
 * a group. Side by side on a desk, one column on a phone.
 */
export function GroupsPanel({ objectId, courseName, canWrite }: { objectId: string; courseName: string; canWrite: boolean }) {
  const { t, i18n } = useTranslation('registration');
  const groups = useGroups(objectId);
  const changed = useGroupsChanged(objectId);
  const [report, setReport] = useState<{ kind: string; report: SplitReport } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [splitting, setSplitting] = useState<string | null>(null);
  const reportRef = useRef<HTMLDivElement>(null);
  const list = groups.data ?? [];
  const kinds = kindsOf(list);

  const split = async (kind: string) => {
    if (splitting) return;
    setSplitting(kind);
    setReport(null);
    setFailure(null);
    try {
      setReport({ kind, report: await splitGroups(objectId, kind) });
      changed();
    } catch (error) {
      setFailure(error);
    } finally {
      setSplitting(null);
      setTimeout(() => reportRef.current?.focus(), 0);
    }
  };

  const places = (group: Group) => (group.capacity === null ? t('groups.unlimited') : formatNumber(group.capacity, i18n.language));
  const table = (
    <TableContainer tabIndex={0} role="region" aria-labelledby="groups-caption" sx={{ border: 1, borderColor: 'divider', borderRadius: 1 }}>
      <Table size="small">
        <caption id="groups-caption" style={{ captionSide: 'top', textAlign: 'left', padding: '8px 16px' }}>
          {t('groups.caption', { course: courseName })}
        </caption>
        <TableHead>
          <TableRow>
            <TableCell>{t('groups.kind')}</TableCell>
            <TableCell>{t('groups.code')}</TableCell>
            <TableCell align="right">{t('groups.capacity')}</TableCell>
            <TableCell align="right">{t('groups.members')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {list.map((group) => (
            <TableRow key={group.id} data-testid="group" data-code={group.code}>
              <TableCell>{group.kind}</TableCell>
              <TableCell sx={{ fontWeight: 600 }}>{group.code}</TableCell>
              <TableCell align="right">{places(group)}</TableCell>
              <TableCell align="right">
                <Box component="span" data-testid="group-members">
                  {formatNumber(group.members, i18n.language)}
                </Box>
                {isFull(group) && <Chip size="small" variant="outlined" label={t('groups.full')} sx={{ ml: 1 }} />}
              </TableCell>
            </TableRow>
          ))}
          {groups.isSuccess && list.length === 0 && (
            <TableRow>
              <TableCell colSpan={4}>{t('groups.none')}</TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
    </TableContainer>
  );

  return (
    <Box
      sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: canWrite ? 'minmax(0, 3fr) minmax(0, 2fr)' : 'minmax(0, 1fr)' }, gap: 3, mb: 3 }}
    >
      <Card variant="outlined" component="section" aria-labelledby="groups-title">
        <CardContent>
          <Typography component="h3" variant="h6" id="groups-title" sx={{ mb: 1 }}>
            {t('groups.list')}
          </Typography>
          {groups.error && <RegistrationProblem error={groups.error} />}
          {groups.isPending && <Typography role="status">{t('loading')}</Typography>}
          {groups.data && table}
          {canWrite && kinds.length > 0 && (
            <>
              <Typography id="split-help" variant="body2" sx={{ mt: 2, mb: 1 }}>
                {t('groups.splitHelp')}
              </Typography>
              <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ flexWrap: 'wrap', alignItems: { sm: 'center' } }}>
                {kinds.map((kind) => (
                  <Button
                    key={kind}
                    variant="outlined"
                    onClick={() => void split(kind)}
                    disabled={splitting !== null}
                    aria-label={t('groups.splitOf', { kind })}
                    aria-describedby="split-help"
                  >
                    {splitting === kind ? t('groups.splitting') : kinds.length > 1 ? `${t('groups.split')} (${kind})` : t('groups.split')}
                  </Button>
                ))}
              </Stack>
            </>
          )}
          <Box
            ref={reportRef}
            tabIndex={-1}
            sx={{ mt: report || failure !== null ? 2 : 0, '&:focus': { outline: 'none' }, '&:focus-visible': { outline: '3px solid #f5a623' } }}
          >
            <Box role="status" aria-live="polite" data-testid="split-report">
              {report && (
                <Alert
                  severity={report.report.unplaced === 0 ? 'success' : 'warning'}
                  role="none"
                  onClose={() => setReport(null)}
                  closeText={t('groups.close')}
                >
                  <AlertTitle data-testid="split-summary">{splitSummary(t, report.kind, report.report)}</AlertTitle>
                  {t('groups.splitGroups', {
                    groups: report.report.groups
                      .filter((group) => group.kind === report.kind)
                      .map((group) =>
                        t('groups.splitGroup', {
                          code: group.code,
                          members: group.capacity === null ? String(group.members) : `${group.members}/${group.capacity}`,
                        }),
                      )
                      .join(', '),
                  })}
                </Alert>
              )}
            </Box>
            {failure !== null && <RegistrationProblem error={failure} />}
          </Box>
        </CardContent>
      </Card>
      {canWrite && <CreateGroupForm objectId={objectId} />}
    </Box>
  );
}
