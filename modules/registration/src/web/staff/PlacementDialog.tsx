import { useId, useState, type FormEvent } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  Radio,
  RadioGroup,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ProblemError, problemSlugOf } from '@pegase/web-kit';
import { groupOfKind, isFull, kindsOf } from '../common/groups.ts';
import { learnerName } from '../common/lookups.ts';
import { RegistrationProblem } from '../common/RegistrationProblem.tsx';
import { placeInGroup, removeFromGroup, type ClassMember, type Group } from '../registration-api.ts';

/**
 * A learner's groups, one radio group per kind (« Aucun » and each group
 * with its places, full ones said so but left to the API to refuse: the
 * figures may be old). Saving places the learner in the group chosen (from
 * another of its kind, they move) or takes them out; a full group (409
 * group-full) is said beside its kind.
 */
export function PlacementDialog({
  member,
  groups,
  onClose,
  onChanged,
  onDone,
}: {
  member: ClassMember;
  groups: readonly Group[];
  onClose: () => void;
  /** Something was saved (the groups and lists are read again). */
  onChanged: () => void;
  /** Everything was saved: what to announce. */
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation('registration');
  const id = useId();
  const name = learnerName(member);
  const kinds = kindsOf(groups);
  // Where the learner is, as the list said, then as this dialog changed it.
  const [current, setCurrent] = useState<Record<string, string>>(() =>
    Object.fromEntries(kinds.map((kind) => [kind, groupOfKind(member, groups, kind)?.id ?? ''])),
  );
  const [picked, setPicked] = useState<Record<string, string>>(current);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const codeOf = (groupId: string) => groups.find((group) => group.id === groupId)?.code ?? '';
  const radioId = (kind: string, groupId: string) => `${id}-${kind}-${groupId || 'none'}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors({});
    setFailure(null);
    const said: string[] = [];
    const placed = { ...current };
    try {
      for (const kind of kinds) {
        const before = placed[kind] ?? '';
        const after = picked[kind] ?? '';
        if (before === after) continue;
        try {
          if (after === '') {
            await removeFromGroup(before, member.enrolmentId, member.path);
            said.push(t('placement.removedFrom', { name, group: codeOf(before) }));
          } else {
            await placeInGroup(after, member.enrolmentId, member.path);
            said.push(t('placement.placedIn', { name, group: codeOf(after) }));
          }
          placed[kind] = after;
        } catch (error) {
          if (error instanceof ProblemError && problemSlugOf(error.problem) === 'group-full') {
            setErrors({ [kind]: t('placement.groupFull', { group: codeOf(after) }) });
            document.getElementById(radioId(kind, after))?.focus();
          } else setFailure(error);
          return;
        }
      }
      onDone(said.length > 0 ? said.join(' ') : t('placement.unchanged', { name }));
    } finally {
      setCurrent(placed);
      if (said.length > 0) onChanged();
      setBusy(false);
    }
  };

  const option = (group: Group) =>
    `${t(group.capacity === null ? 'placement.optionUnlimited' : 'placement.option', {
      code: group.code,
      members: group.members,
      capacity: group.capacity,
    })}${isFull(group) ? ` (${t('placement.full')})` : ''}`;

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={`${id}-title`} aria-describedby={`${id}-help`} fullWidth maxWidth="sm">
      <DialogTitle id={`${id}-title`} sx={{ overflowWrap: 'anywhere' }}>
        {t('placement.title', { name })}
      </DialogTitle>
      <DialogContent>
        <DialogContentText id={`${id}-help`} sx={{ mb: 2 }}>
          {t('placement.help')}
        </DialogContentText>
        {failure !== null && <RegistrationProblem error={failure} />}
        <form id={`${id}-form`} noValidate onSubmit={(event) => void submit(event)}>
          {kinds.map((kind) => {
            const error = errors[kind];
            return (
              <FormControl key={kind} component="fieldset" error={error !== undefined} sx={{ display: 'block', mb: 2 }} data-testid="placement-kind">
                <FormLabel component="legend" sx={{ fontWeight: 600 }}>
                  {t('placement.legend', { kind })}
                </FormLabel>
                <RadioGroup
                  name={`${id}-${kind}`}
                  value={picked[kind] ?? ''}
                  onChange={(event) => setPicked((values) => ({ ...values, [kind]: event.target.value }))}
                  {...(error ? { 'aria-describedby': `${id}-${kind}-error` } : {})}
                >
                  <FormControlLabel value="" label={t('placement.none')} control={<Radio id={radioId(kind, '')} />} />
                  {groups
                    .filter((group) => group.kind === kind)
                    .map((group) => (
                      <FormControlLabel key={group.id} value={group.id} label={option(group)} control={<Radio id={radioId(kind, group.id)} />} />
                    ))}
                </RadioGroup>
                {error && (
                  <FormHelperText id={`${id}-${kind}-error`} role="alert" sx={{ mx: 0, fontSize: '0.95rem' }} data-testid="placement-error">
                    {error}
                  </FormHelperText>
                )}
              </FormControl>
            );
          })}
        </form>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {t('placement.cancel')}
        </Button>
        <Button type="submit" form={`${id}-form`} variant="contained" disabled={busy}>
          {t('placement.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
