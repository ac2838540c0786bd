import { useRef, useState, type FormEvent } from 'react';
import { Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { FormErrorSummary, type FormFieldError, ProblemError, problemSlugOf, StatusNotice } from '@pegase/web-kit';
import { domId } from '../common/choices.ts';
import { apiFieldErrors, fieldMessage } from '../common/field-messages.ts';
import { ARRANGEMENT_CODE } from '../common/marks.ts';
import { RegistrationProblem } from '../common/RegistrationProblem.tsx';
import { putArrangements, type Arrangement, type Cursus } from '../registration-api.ts';

/** Codes the establishments use most; any other code in capitals is taken. */
const SUGGESTED = ['TIERS-TEMPS', 'SALLE-ISOLEE', 'SECRETAIRE', 'ORDINATEUR', 'AGRANDISSEMENT', 'PAUSES'];
const MAX = 20;

interface Row {
  key: number;
  code: string;
  details: string;
}

type RowErrors = Partial<Record<'code' | 'details', string>>;

/**
 * « Aménagements »: the special arrangements of a cursus (extra time, a
 * separate room…) edited as a list — a code and details per line, lines
 * added and removed — and saved whole. The form's checks and the API's
 * errors (`/arrangements/N/code`, `invalid-arrangements`) show beside the
 * fields and are listed above them; what was saved is announced.
 */
export function ArrangementsSection({ cursus, onSaved }: { cursus: Cursus; onSaved: (cursus: Cursus) => void }) {
  const { t } = useTranslation('registration');
  const base = domId(cursus.enrolmentId, 'arrangements');
  const nextKey = useRef(0);
  const rowsOf = (list: readonly Arrangement[]): Row[] => list.map((item) => ({ key: nextKey.current++, code: item.code, details: item.details ?? '' }));
  const savedKey = JSON.stringify(cursus.arrangements);
  const [shown, setShown] = useState(savedKey);
  const [rows, setRows] = useState<Row[]>(() => rowsOf(cursus.arrangements));
  const [local, setLocal] = useState<Map<number, RowErrors>>(new Map());
  const [listError, setListError] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>(null);
  const [sent, setSent] = useState<number[]>([]);
  const [notice, setNotice] = useState('');
  const [saving, setSaving] = useState(false);
  // What is saved changed elsewhere (another tab, a reload): the form shows it.
  if (shown !== savedKey) {
    setShown(savedKey);
    setRows(rowsOf(cursus.arrangements));
  }

  const ids = (row: Row) => ({ code: `${base}-${row.key}-code`, details: `${base}-${row.key}-details` });
  const server = apiFieldErrors(failure);
  const slug = failure instanceof ProblemError ? problemSlugOf(failure.problem) : undefined;
  const serverList = slug === 'invalid-arrangements' ? t('arrangements.twice') : server.has('/arrangements') ? t('arrangements.tooMany') : undefined;
  const messageOf = (row: Row, field: 'code' | 'details'): string | undefined => {
    const mine = local.get(row.key)?.[field];
    if (mine) return mine;
    const index = sent.indexOf(row.key);
    const said = index < 0 ? undefined : server.get(`/arrangements/${index}/${field}`);
    if (said === undefined) return undefined;
    return fieldMessage(said, t, field === 'code' ? t('arrangements.codeInvalid') : t('arrangements.detailsTooLong'));
  };
  const listMessage = listError ?? serverList;
  const summary: FormFieldError[] = [
    ...rows.flatMap((row, index) =>
      (['code', 'details'] as const).flatMap((field) => {
        const message = messageOf(row, field);
        return message
          ? [{ inputId: ids(row)[field], label: `${t('arrangements.item', { number: index + 1 })} — ${t(`arrangements.${field}`)}`, message }]
          : [];
      }),
    ),
    ...(listMessage ? [{ inputId: `${base}-add`, label: t('arrangements.title'), message: listMessage }] : []),
  ];
  const placed = summary.length > 0;

  const change = (key: number, field: 'code' | 'details', value: string) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, [field]: field === 'code' ? value.toLocaleUpperCase('fr') : value } : row)));
  const add = () => {
    const row = { key: nextKey.current++, code: '', details: '' };
    setRows((current) => [...current, row]);
    setTimeout(() => document.getElementById(ids(row).code)?.focus(), 0);
  };
  const remove = (key: number) => {
    const index = rows.findIndex((row) => row.key === key);
    const rest = rows.filter((row) => row.key !== key);
    setRows(rest);
    // The focus goes to the next line's code, else the previous one's, else « Ajouter ».
    const next = rest[index] ?? rest[index - 1];
    setTimeout(() => document.getElementById(next ? ids(next).code : `${base}-add`)?.focus(), 0);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setNotice('');
    setFailure(null);
    // A line left empty is dropped.
    const kept = rows.filter((row) => row.code.trim() !== '' || row.details.trim() !== '');
    const found = new Map<number, RowErrors>();
    const seen = new Set<string>();
    for (const row of kept) {
      const code = row.code.trim();
      const errors: RowErrors = {};
      if (code === '') errors.code = t('arrangements.codeRequired');
      else if (!ARRANGEMENT_CODE.test(code)) errors.code = t('arrangements.codeInvalid');
      else if (seen.has(code)) errors.code = t('arrangements.twice');
      seen.add(code);
      if (row.details.trim().length > 500) errors.details = t('arrangements.detailsTooLong');
      if (errors.code || errors.details) found.set(row.key, errors);
    }
    const tooMany = kept.length > MAX ? t('arrangements.tooMany') : undefined;
    setLocal(found);
    setListError(tooMany);
    const first = kept.find((row) => found.has(row.key));
    if (first) {
      document.getElementById(found.get(first.key)!.code ? ids(first).code : ids(first).details)?.focus();
      return;
    }
    if (tooMany) {
      document.getElementById(`${base}-add`)?.focus();
      return;
    }
    setRows(kept);
    setSent(kept.map((row) => row.key));
    setSaving(true);
    try {
      const next = await putArrangements(
        cursus.enrolmentId,
        kept.map((row) => ({ code: row.code.trim(), details: row.details.trim() })),
      );
      onSaved(next);
      setNotice(next.arrangements.length === 0 ? t('arrangements.savedNone') : t('arrangements.saved'));
    } catch (error) {
      setFailure(error);
      const fields = apiFieldErrors(error);
      const index = kept.findIndex((_, position) => fields.has(`/arrangements/${position}/code`) || fields.has(`/arrangements/${position}/details`));
      if (index >= 0) {
        const row = kept[index]!;
        document.getElementById(fields.has(`/arrangements/${index}/code`) ? ids(row).code : ids(row).details)?.focus();
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box component="section" aria-labelledby={`${base}-title`} sx={{ mb: 3 }} data-testid="arrangements">
      <Typography component="h2" variant="h5" id={`${base}-title`} sx={{ mb: 1 }}>
        {t('arrangements.title')}
      </Typography>
      <Typography sx={{ mb: 2 }}>{t('arrangements.intro')}</Typography>
      <Box component="form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby={`${base}-title`}>
        <FormErrorSummary errors={summary} />
        {failure !== null && !placed && <RegistrationProblem error={failure} />}
        {rows.length === 0 && <Typography sx={{ mb: 2 }}>{t('arrangements.none')}</Typography>}
        <datalist id={`${base}-codes`}>
          {SUGGESTED.map((code) => (
            <option key={code} value={code} />
          ))}
        </datalist>
        {rows.map((row, index) => {
          const rowIds = ids(row);
          const code = messageOf(row, 'code');
          const details = messageOf(row, 'details');
          return (
            <Box
              key={row.key}
              component="fieldset"
              sx={{ border: 1, borderColor: 'divider', borderRadius: 1, px: 2, pb: 2, pt: 1, mb: 2, minWidth: 0 }}
              data-testid="arrangement"
            >
              <Typography component="legend" variant="subtitle2" sx={{ px: 0.5 }}>
                {t('arrangements.item', { number: index + 1 })}
              </Typography>
              <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'flex-start' } }}>
                <TextField
                  id={rowIds.code}
                  label={t('arrangements.code')}
                  value={row.code}
                  onChange={(event) => change(row.key, 'code', event.target.value)}
                  required
                  error={code !== undefined}
                  helperText={code ?? t('arrangements.codeHelp')}
                  slotProps={{ htmlInput: { list: `${base}-codes`, maxLength: 40, autoComplete: 'off', spellCheck: false } }}
                  sx={{ minWidth: { md: 240 } }}
                />
                <TextField
                  id={rowIds.details}
                  label={t('arrangements.details')}
                  value={row.details}
                  onChange={(event) => change(row.key, 'details', event.target.value)}
                  error={details !== undefined}
                  helperText={details ?? t('arrangements.detailsHelp')}
                  multiline
                  slotProps={{ htmlInput: { maxLength: 500 } }}
                  sx={{ flex: 1 }}
                />
                <Button
                  variant="outlined"
                  color="error"
                  onClick={() => remove(row.key)}
                  aria-label={t('arrangements.removeOf', { number: index + 1 })}
                  sx={{ alignSelf: { xs: 'flex-start', md: 'center' } }}
                >
                  {t('arrangements.remove')}
                </Button>
              </Stack>
            </Box>
          );
        })}
        {listMessage && (
          <Typography color="error" variant="body2" sx={{ mb: 1 }} data-testid="arrangements-error">
            {listMessage}
          </Typography>
        )}
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <Button id={`${base}-add`} variant="outlined" onClick={add} disabled={rows.length >= MAX}>
            {t('arrangements.add')}
          </Button>
          <Button type="submit" variant="contained" disabled={saving}>
            {saving ? t('entry.saving') : t('arrangements.save')}
          </Button>
        </Stack>
        <StatusNotice notice={notice} testId="arrangements-notice" sx={{ mt: 2 }} />
      </Box>
    </Box>
  );
}
