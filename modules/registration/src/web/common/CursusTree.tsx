import type { ReactNode } from 'react';
import { Box, Link, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '@pegase/web-kit';
import type { Chooser, Cursus, CursusEntry } from '../registration-api.ts';
import { domId, entryTree, ruleOf, type EntryNode } from './choices.ts';
import { courseName, EntryStatusChip } from './EntryStatus.tsx';
import { formatMark } from './marks.ts';

/** What a page adds to each entry of the tree (staff's exemptions and credits). */
export type EntryActions = (entry: CursusEntry) => ReactNode;

interface ItemProps {
  node: EntryNode;
  cursus: Cursus;
  chooser: Chooser;
  depth: number;
  actions: EntryActions | undefined;
}

const list = { listStyle: 'none', m: 0, p: 0 } as const;

function EntryItem({ node, cursus, chooser, depth, actions }: ItemProps) {
  const { t, i18n } = useTranslation('registration');
  const { entry } = node;
  const grouping = cursus.groupings.find((candidate) => candidate.path === entry.path);
  const details = [
    entry.code,
    t(`objectType.${entry.type}`, { ns: 'translation', defaultValue: entry.type }),
    ...(entry.ects === null ? [] : [t('ects', { value: formatNumber(entry.ects, i18n.language) })]),
    t(`kind.${entry.kind}`),
    ...(entry.kind === 'chosen' && entry.chosenBy !== null ? [t(`chosenBy.${chooser}.${entry.chosenBy}`)] : []),
  ];
  const rule = grouping ? ruleOf(grouping) : undefined;
  return (
    <Box
      component="li"
      sx={{ pl: depth === 0 ? 0 : { xs: 1.5, sm: 2.5 }, borderLeft: depth === 0 ? 0 : 2, borderColor: 'divider' }}
      data-testid="entry"
      data-path={entry.path}
    >
      <Box sx={{ py: 0.75, display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 1, rowGap: 0.5 }}>
        <Typography component="span" sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
          {courseName(entry, i18n.language)}
        </Typography>
        <EntryStatusChip entry={entry} />
        <Typography component="span" variant="body2" color="text.secondary" sx={{ flexBasis: '100%', overflowWrap: 'anywhere' }}>
          {details.join(' · ')}
        </Typography>
        {grouping && rule && (
          <Typography component="span" variant="body2" sx={{ flexBasis: '100%' }}>
            {t(`rule.${rule.key}`, rule.values)} {t('cursus.groupingChosen', { count: grouping.chosen.length })}.{' '}
            <Link href={`#${domId(cursus.enrolmentId, grouping.path)}`}>{t('cursus.toChoices', { grouping: courseName(grouping, i18n.language) })}</Link>
          </Typography>
        )}
        {entry.exemption && (
          <Typography component="span" variant="body2" sx={{ flexBasis: '100%', fontWeight: 600, overflowWrap: 'anywhere' }} data-testid="exemption">
            {t('entry.exempted', { reason: entry.exemption.reason })}
          </Typography>
        )}
        {entry.carriedOver && (
          <Typography component="span" variant="body2" sx={{ flexBasis: '100%', fontWeight: 600, overflowWrap: 'anywhere' }} data-testid="carried-over">
            {t('entry.carried', { period: entry.carriedOver.fromPeriod, mark: formatMark(entry.carriedOver.mark, i18n.language) })}
          </Typography>
        )}
        {actions?.(entry)}
      </Box>
      {node.children.length > 0 && (
        <Box component="ul" sx={list}>
          {node.children.map((child) => (
            <EntryItem key={child.entry.path} node={child} cursus={cursus} chooser={chooser} depth={depth + 1} actions={actions} />
          ))}
        </Box>
      )}
    </Box>
  );
}

/**
 * The cursus as a tree of nested lists: each entry with its label in the
 * person's language, its code, type, ECTS, how it came (the point,
 * mandatory, chosen and by whom) and its status (registered, waiting with
 * its rank, seat offered), its exemption or credit carried over; each
 * grouping with its rule and a link to its choice; and what the page adds
 * to each entry (`actions`).
 */
export function CursusTree({ cursus, chooser, actions }: { cursus: Cursus; chooser: Chooser; actions?: EntryActions | undefined }) {
  const { t } = useTranslation('registration');
  const roots = entryTree(cursus.entries);
  if (roots.length === 0) return <Typography>{t('cursus.empty')}</Typography>;
  return (
    <Box component="ul" sx={list} aria-label={t('cursus.treeLabel')} data-testid="cursus-tree">
      {roots.map((node) => (
        <EntryItem key={node.entry.path} node={node} cursus={cursus} chooser={chooser} depth={0} actions={actions} />
      ))}
    </Box>
  );
}
