import { useCallback, useEffect, useState } from 'react';
import { Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { SimpleTreeView, TreeItem } from '@mui/x-tree-view';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { labelIn, ProblemAlert, formatDate } from '@pegase/web-kit';
import { allChildren, type Structure } from './structure-api.ts';

const ROOT = 'none';
const LOADING = ':loading';

/**
 * The structures as the establishment's tree. Each level is fetched when it
 * is first opened (`parentId` filter), so a large university loads only what
 * is looked at. Arrow keys move, Enter opens a level, the card beside tells
 * the chosen structure.
 */
export function StructureTree() {
  const { t, i18n } = useTranslation('referential');
  const client = useQueryClient();
  const [levels, setLevels] = useState<Map<string, Structure[]>>(new Map());
  const [byId, setById] = useState<Map<string, Structure>>(new Map());
  const [expanded, setExpanded] = useState<string[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(
    async (parent: string) => {
      try {
        const children = await client.fetchQuery({ queryKey: ['structure-children', parent], queryFn: () => allChildren(parent) });
        setLevels((current) => new Map(current).set(parent, children));
        setById((current) => {
          const next = new Map(current);
          for (const child of children) next.set(child.id, child);
          return next;
        });
      } catch (failure) {
        setError(failure);
      }
    },
    [client],
  );

  useEffect(() => void load(ROOT), [load]);

  const onExpanded = (ids: string[]) => {
    for (const id of ids) if (!expanded.includes(id) && !levels.has(id)) void load(id);
    setExpanded(ids);
  };

  const render = (structure: Structure) => {
    const children = levels.get(structure.id);
    return (
      <TreeItem
        key={structure.id}
        itemId={structure.id}
        label={`${structure.code} — ${labelIn(i18n.language, structure.labels)}${structure.closedOn ? ` (${t('structures.closedOn')} ${formatDate(structure.closedOn, i18n.language)})` : ''}`}
      >
        {children === undefined ? <TreeItem itemId={`${structure.id}${LOADING}`} label={t('app.loading', { ns: 'translation' })} /> : children.map(render)}
      </TreeItem>
    );
  };

  const roots = levels.get(ROOT);
  const chosen = selected ? byId.get(selected) : undefined;
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
      <Box sx={{ flex: 2, minWidth: 0 }}>
        {error !== null && <ProblemAlert error={error} />}
        {roots && (
          <SimpleTreeView
            aria-label={t('structures.treeLabel')}
            expandedItems={expanded}
            onExpandedItemsChange={(_event, ids) => onExpanded(ids)}
            selectedItems={selected}
            onSelectedItemsChange={(_event, id) => setSelected(id && !id.endsWith(LOADING) ? id : null)}
          >
            {roots.map(render)}
          </SimpleTreeView>
        )}
      </Box>
      <Box sx={{ flex: 1 }} aria-live="polite">
        {chosen && (
          <Card variant="outlined" data-testid="tree-selection">
            <CardContent>
              <Typography component="h2" variant="h6">
                {chosen.code}
              </Typography>
              <Typography>{labelIn(i18n.language, chosen.labels)}</Typography>
              <Typography variant="body2" color="text.secondary">
                {t(`structures.types.${chosen.type}`)}
              </Typography>
              <Button component={RouterLink} to={`/structures/${chosen.id}`} sx={{ mt: 1 }} variant="outlined">
                {t('structures.details')}
              </Button>
            </CardContent>
          </Card>
        )}
      </Box>
    </Stack>
  );
}
