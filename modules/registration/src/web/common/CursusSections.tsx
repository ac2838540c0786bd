import { useRef, useState, type ReactNode } from 'react';
import { Alert, Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { answerOffer, type Chooser, type Cursus, type CursusEntry } from '../registration-api.ts';
import { domId, windowState } from './choices.ts';
import { CursusTree, type EntryActions } from './CursusTree.tsx';
import { formatWhen } from './dates.ts';
import { courseName } from './EntryStatus.tsx';
import { GroupingForm } from './GroupingForm.tsx';
import { RegistrationProblem } from './RegistrationProblem.tsx';

interface CursusSectionsProps {
  cursus: Cursus;
  chooser: Chooser;
  /** The level of the sections' headings (2 under the page's h1, 3 under a cursus's h2). */
  level: 2 | 3;
  onSaved: (cursus: Cursus) => void;
  onStale: () => void;
  /** What staff do on each entry of the tree (exempt, credit), and the announcement of what they did, above the tree. */
  entryActions?: EntryActions;
  treeNotice?: ReactNode;
}

/** When students choose, as the student or staff read it. */
export function WindowNotice({ cursus, chooser }: { cursus: Cursus; chooser: Chooser }) {
  const { t, i18n } = useTranslation('registration');
  const state = windowState(cursus.window);
  const dates = cursus.window ? { opensAt: formatWhen(cursus.window.opensAt, i18n.language), closesAt: formatWhen(cursus.window.closesAt, i18n.language) } : {};
  return (
    <Alert severity={state === 'open' ? 'success' : 'info'} role="status" sx={{ mb: 2 }} data-testid="choice-window" data-state={state}>
      {t(`window.${chooser}.${state}`, dates)}
      {chooser === 'staff' && ` ${t('window.staff.anyTime')}`}
    </Alert>
  );
}

/**
 * A cursus: when students choose, the seats held for the learner (accept
 * or decline), one form per grouping, and the tree of what the learner
 * follows. The student's page and the staff's show the same; staff choose
 * whatever the window.
 */
export function CursusSections({ cursus, chooser, level, onSaved, onStale, entryActions, treeNotice }: CursusSectionsProps) {
  const { t, i18n } = useTranslation('registration');
  const heading = `h${level}` as const;
  const variant = level === 2 ? 'h5' : 'h6';
  const locked = chooser === 'self' && windowState(cursus.window) !== 'open';
  const offers = cursus.entries.filter((entry) => entry.status === 'offered');
  const [offerNotice, setOfferNotice] = useState('');
  const [offerFailure, setOfferFailure] = useState<unknown>(null);
  const [answering, setAnswering] = useState(false);
  const offerStatus = useRef<HTMLDivElement>(null);
  const ids = { offers: domId(cursus.enrolmentId, 'offers'), choices: domId(cursus.enrolmentId, 'choices'), tree: domId(cursus.enrolmentId, 'tree') };

  const answer = async (entry: CursusEntry, accept: boolean) => {
    if (answering) return;
    setAnswering(true);
    setOfferNotice('');
    setOfferFailure(null);
    try {
      onSaved(await answerOffer(chooser, cursus.enrolmentId, entry.path, accept));
      setOfferNotice(accept ? t('offer.accepted', { course: courseName(entry, i18n.language) }) : t('offer.declined'));
    } catch (error) {
      setOfferFailure(error);
      onStale();
    } finally {
      setAnswering(false);
      // The buttons answered are gone: the focus goes to what happened.
      setTimeout(() => offerStatus.current?.focus(), 0);
    }
  };

  return (
    <>
      <WindowNotice cursus={cursus} chooser={chooser} />

      <Box ref={offerStatus} tabIndex={-1} sx={{ '&:focus': { outline: 'none' } }}>
        <Box role="status" aria-live="polite">
          {offerNotice && (
            <Alert severity="success" role="none" sx={{ mb: 2 }} data-testid="offer-notice">
              {offerNotice}
            </Alert>
          )}
        </Box>
        {offerFailure !== null && <RegistrationProblem error={offerFailure} />}
      </Box>

      {offers.length > 0 && (
        <Box component="section" aria-labelledby={ids.offers} sx={{ mb: 3 }} data-testid="offers">
          <Typography component={heading} variant={variant} id={ids.offers} sx={{ mb: 1 }}>
            {t(`offer.title.${chooser}`)}
          </Typography>
          {offers.map((entry) => {
            const course = courseName(entry, i18n.language);
            return (
              <Card key={entry.path} variant="outlined" sx={{ mb: 2, borderColor: 'primary.main' }} data-testid="offer" data-path={entry.path}>
                <CardContent>
                  <Typography sx={{ mb: 1, overflowWrap: 'anywhere' }}>{t(`offer.text.${chooser}`, { course })}</Typography>
                  <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
                    <Button variant="contained" onClick={() => void answer(entry, true)} aria-label={t('offer.acceptOf', { course })}>
                      {t('offer.accept')}
                    </Button>
                    <Button variant="outlined" onClick={() => void answer(entry, false)} aria-label={t('offer.declineOf', { course })}>
                      {t('offer.decline')}
                    </Button>
                  </Stack>
                </CardContent>
              </Card>
            );
          })}
        </Box>
      )}

      <Box component="section" aria-labelledby={ids.choices} sx={{ mb: 3 }}>
        <Typography component={heading} variant={variant} id={ids.choices} sx={{ mb: 1 }}>
          {t(`cursus.choices.${chooser}`)}
        </Typography>
        {cursus.groupings.length === 0 ? (
          <Typography>{t('cursus.noGrouping')}</Typography>
        ) : (
          cursus.groupings.map((grouping) => (
            <GroupingForm key={grouping.path} cursus={cursus} grouping={grouping} chooser={chooser} locked={locked} onSaved={onSaved} onStale={onStale} />
          ))
        )}
      </Box>

      <Box component="section" aria-labelledby={ids.tree} sx={{ mb: 3 }}>
        <Typography component={heading} variant={variant} id={ids.tree} sx={{ mb: 1 }}>
          {t(`cursus.tree.${chooser}`)}
        </Typography>
        {treeNotice}
        <CursusTree cursus={cursus} chooser={chooser} actions={entryActions} />
      </Box>
    </>
  );
}
