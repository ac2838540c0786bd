import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  FormControlLabel,
  FormHelperText,
  Link,
  Radio,
  RadioGroup,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatNumber, ProblemError, problemSlugOf } from '@pegase/web-kit';
import { putChoices, type ChoiceOption, type Chooser, type Cursus, type CursusGrouping } from '../registration-api.ts';
import { choiceFieldErrors, chosenEntries, countFits, domId, isSingleChoice, mayTick, ruleOf, seatsOf } from './choices.ts';
import { courseName, EntryStatusChip } from './EntryStatus.tsx';
import { RegistrationProblem } from './RegistrationProblem.tsx';

interface GroupingFormProps {
  cursus: Cursus;
  grouping: CursusGrouping;
  chooser: Chooser;
  /** A student outside their choice window: the form shows what is chosen, its controls are disabled. */
  locked: boolean;
  /** The cursus as the API answered it after the change. */
  onSaved: (cursus: Cursus) => void;
  /** The cursus may have changed under the form (the window closed, the grouping gone): read it again. */
  onStale: () => void;
}

/** One error of the form, linked to the control it is about (RGAA 11.10). */
function ErrorLink({ target, children }: { target: string; children: ReactNode }) {
  return (
    <Link
      href={`#${target}`}
      color="inherit"
      onClick={(event) => {
        event.preventDefault();
        document.getElementById(target)?.focus();
      }}
    >
      {children}
    </Link>
  );
}

/**
 * The choice of one grouping: a fieldset whose legend names it, its rule
 * in words, each child with its seats (left, or full with its waiting list),
 * its status when chosen and, when closed to choice, why it cannot be
 * ticked; radios when one child at most is taken (with « Aucun » when none
 * may be), check boxes otherwise. « Enregistrer mes choix » sends the whole
 * choice; the API's refusals land beside the children and the rule, listed
 * above the button, and what was saved is announced.
 */
export function GroupingForm({ cursus, grouping, chooser, locked, onSaved, onStale }: GroupingFormProps) {
  const { t, i18n } = useTranslation('registration');
  const id = domId(cursus.enrolmentId, grouping.path);
  const ids = { legend: `${id}-legend`, rule: `${id}-rule`, count: `${id}-count`, locked: `${id}-locked`, alert: `${id}-alert` };
  const saved = grouping.chosen;
  // The choice shown follows what is saved whenever the cursus changes it (a save here, an offer answered, a refresh) or the window opens or closes.
  const savedKey = `${locked}|${saved.join('\n')}`;
  const [base, setBase] = useState(savedKey);
  const [picked, setPicked] = useState<string[]>(saved);
  if (base !== savedKey) {
    setBase(savedKey);
    setPicked(saved);
  }
  // A locked form shows what is saved, not a choice it could not send.
  const selected = locked ? saved : picked;
  const [failure, setFailure] = useState<unknown>(null);
  const [sent, setSent] = useState<string[]>([]);
  const [localCount, setLocalCount] = useState<number | null>(null);
  const [notice, setNotice] = useState('');
  const [saving, setSaving] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const alertRef = useRef<HTMLDivElement>(null);

  // A refusal takes the focus, so that the person reads it and a control disabled meanwhile does not lose them.
  useEffect(() => {
    if (attempt > 0) alertRef.current?.focus();
  }, [attempt]);

  const entries = chosenEntries(cursus.entries, grouping);
  const single = isSingleChoice(grouping);
  const rule = ruleOf(grouping);
  const ruleText = t(`rule.${rule.key}`, rule.values);
  const name = courseName(grouping, i18n.language);
  const optionId = (option: Pick<ChoiceOption, 'path'>) => domId(cursus.enrolmentId, option.path);
  const problem = failure instanceof ProblemError ? failure.problem : undefined;
  const slug = problem === undefined ? undefined : problemSlugOf(problem);
  const fieldErrors = slug === 'invalid-choice' ? choiceFieldErrors(problem?.errors, sent) : undefined;
  const countMessage =
    localCount !== null
      ? t('form.count', { rule: ruleText, count: localCount })
      : fieldErrors?.count
        ? t('form.count', { rule: ruleText, count: sent.length })
        : undefined;
  const optionMessage = (option: ChoiceOption) => {
    const kind = fieldErrors?.options.get(option.path);
    return kind === undefined ? undefined : t(`form.${kind}`);
  };
  const firstControl = grouping.options.find((option) => !locked && mayTick(option, saved));
  const countTarget = firstControl ? optionId(firstControl) : id;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (locked || saving) return;
    const known = new Set(grouping.options.map((option) => option.path));
    const children = [
      ...grouping.options.filter((option) => selected.includes(option.path)).map((option) => option.path),
      ...selected.filter((path) => !known.has(path)),
    ];
    setNotice('');
    setFailure(null);
    if (!countFits(grouping, children.length)) {
      setLocalCount(children.length);
      setAttempt((count) => count + 1);
      return;
    }
    setLocalCount(null);
    setSent(children);
    setSaving(true);
    try {
      const next = await putChoices(chooser, cursus.enrolmentId, grouping.path, children);
      onSaved(next);
      const waiting = next.entries.filter((entry) => entry.parentPath === grouping.path && entry.status === 'waiting');
      setNotice(
        [
          t(`form.saved.${chooser}`, { grouping: name }),
          ...waiting.map((entry) => t('form.waiting', { course: courseName(entry, i18n.language), rank: entry.waitingRank ?? '—' })),
        ].join(' '),
      );
    } catch (error) {
      setFailure(error);
      if (!(error instanceof ProblemError && problemSlugOf(error.problem) === 'invalid-choice')) onStale();
      setAttempt((count) => count + 1);
    } finally {
      setSaving(false);
    }
  };

  const toggle = (path: string, checked: boolean) => setPicked((current) => (checked ? [...current, path] : current.filter((item) => item !== path)));

  const option = (choice: ChoiceOption) => {
    const controlId = optionId(choice);
    const entry = entries.get(choice.path);
    const tickable = mayTick(choice, saved);
    const seats = seatsOf(choice);
    const message = optionMessage(choice);
    const describedBy = [`${controlId}-info`, ...(message ? [`${controlId}-error`] : [])].join(' ');
    const input = { 'aria-describedby': describedBy, ...(message ? { 'aria-invalid': true as const } : {}) };
    const disabled = locked || !tickable;
    const seatsText =
      seats.kind === 'unlimited'
        ? t('seats.unlimited')
        : seats.kind === 'left'
          ? t('seats.left', { count: seats.count })
          : `${t('seats.full', { count: seats.waiting })}${entry ? '' : `. ${t('seats.fullHelp')}`}`;
    const info = [...(choice.ects === null ? [] : [t('ects', { value: formatNumber(choice.ects, i18n.language) })]), seatsText].join(' · ');
    return (
      <Box key={choice.path} sx={{ py: 0.75, borderTop: 1, borderColor: 'divider' }} data-testid="option" data-path={choice.path}>
        <FormControlLabel
          value={choice.path}
          disabled={disabled}
          sx={{ mr: 0, alignItems: 'flex-start', '& .MuiFormControlLabel-label': { pt: 1, fontWeight: 600, overflowWrap: 'anywhere' } }}
          label={courseName(choice, i18n.language)}
          control={
            single ? (
              <Radio id={controlId} slotProps={{ input }} />
            ) : (
              <Checkbox
                id={controlId}
                checked={selected.includes(choice.path)}
                onChange={(event) => toggle(choice.path, event.target.checked)}
                slotProps={{ input }}
              />
            )
          }
        />
        <Box id={`${controlId}-info`} sx={{ pl: 4, display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 1, rowGap: 0.5 }}>
          {entry && <EntryStatusChip entry={entry} />}
          <Typography component="span" variant="body2" data-testid="seats">
            {info}
          </Typography>
          {!choice.openForChoice && (
            <Typography component="span" variant="body2" sx={{ flexBasis: '100%', fontStyle: 'italic' }} data-testid="closed">
              {tickable ? t('option.closedKept') : t('option.closed')}
            </Typography>
          )}
        </Box>
        {message && (
          <FormHelperText id={`${controlId}-error`} error sx={{ pl: 4 }}>
            {message}
          </FormHelperText>
        )}
      </Box>
    );
  };

  const noneId = `${id}-none`;
  const options = single ? (
    <RadioGroup
      name={id}
      aria-labelledby={ids.legend}
      value={selected[0] ?? ''}
      onChange={(event) => setPicked(event.target.value === '' ? [] : [event.target.value])}
    >
      {grouping.options.map(option)}
      {grouping.min === 0 && (
        <Box sx={{ py: 0.75, borderTop: 1, borderColor: 'divider' }}>
          <FormControlLabel
            value=""
            disabled={locked}
            sx={{ mr: 0 }}
            label={t('option.none')}
            control={<Radio id={noneId} slotProps={{ input: { 'aria-describedby': `${noneId}-info` } }} />}
          />
          <Typography id={`${noneId}-info`} variant="body2" sx={{ pl: 4 }}>
            {t('option.noneHelp')}
          </Typography>
        </Box>
      )}
    </RadioGroup>
  ) : (
    <Box>{grouping.options.map(option)}</Box>
  );

  const fieldProblems = fieldErrors
    ? [
        ...grouping.options.flatMap((choice) => {
          const message = optionMessage(choice);
          return message ? [{ target: optionId(choice), label: courseName(choice, i18n.language), message }] : [];
        }),
        ...(countMessage ? [{ target: countTarget, label: name, message: countMessage }] : []),
      ]
    : [];

  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-testid="grouping" data-path={grouping.path}>
      <CardContent>
        <Box component="form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby={ids.legend}>
          <Box
            component="fieldset"
            id={id}
            tabIndex={-1}
            aria-describedby={[ids.rule, ...(countMessage ? [ids.count] : []), ...(locked ? [ids.locked] : [])].join(' ')}
            sx={{ border: 0, p: 0, m: 0, minWidth: 0 }}
          >
            <Typography component="legend" id={ids.legend} variant="subtitle1" sx={{ p: 0, fontWeight: 700, overflowWrap: 'anywhere' }}>
              {name}
            </Typography>
            <Typography id={ids.rule} sx={{ mb: 1 }} data-testid="rule">
              {ruleText}
            </Typography>
            {countMessage && (
              <FormHelperText id={ids.count} error sx={{ mb: 1, fontSize: '0.95rem' }} data-testid="count-error">
                {countMessage}
              </FormHelperText>
            )}
            {options}
          </Box>
          {locked && (
            <Typography id={ids.locked} variant="body2" sx={{ mt: 1 }} data-testid="locked">
              {t('window.self.formDisabled')}
            </Typography>
          )}
          <Box ref={alertRef} tabIndex={-1} id={ids.alert} sx={{ mt: 2, '&:focus': { outline: 'none' }, '&:focus-visible': { outline: '3px solid #f5a623' } }}>
            {localCount !== null && (
              <Alert severity="error" role="alert" sx={{ mb: 2 }} data-testid="problem">
                <AlertTitle>{t('form.fix')}</AlertTitle>
                <ErrorLink target={countTarget}>{name}</ErrorLink> : {countMessage}
              </Alert>
            )}
            {failure !== null && (
              <RegistrationProblem error={failure}>
                {fieldProblems.length > 0 && (
                  <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                    {fieldProblems.map((item) => (
                      <li key={`${item.target}-${item.message}`}>
                        <ErrorLink target={item.target}>{item.label}</ErrorLink> : {item.message}
                      </li>
                    ))}
                  </Box>
                )}
              </RegistrationProblem>
            )}
          </Box>
          <Button
            type="submit"
            variant="contained"
            disabled={locked}
            aria-label={t(`form.saveOf.${chooser}`, { grouping: name })}
            aria-describedby={locked ? ids.locked : undefined}
          >
            {t(`form.save.${chooser}`)}
          </Button>
          <Box role="status" aria-live="polite" sx={{ mt: 2 }} data-testid="choice-notice">
            {saving ? (
              <Typography variant="body2">{t('form.saving')}</Typography>
            ) : (
              notice && (
                <Alert severity="success" role="none">
                  {notice}
                </Alert>
              )
            )}
          </Box>
        </Box>
      </CardContent>
    </Card>
  );
}
