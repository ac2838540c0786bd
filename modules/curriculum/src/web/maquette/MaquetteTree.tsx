import { Box, Chip } from '@mui/material';
import { SimpleTreeView, TreeItem } from '@mui/x-tree-view';
import type { useSimpleTreeViewApiRef } from '@mui/x-tree-view/hooks';
import { useTranslation } from 'react-i18next';
import { formatNumber, labelIn } from '@pegase/web-kit';
import type { ObjectType, TreeNode } from '../curriculum-api.ts';
import { StatusChip } from '../common/chips.tsx';
import { kindLabel } from '../common/types.ts';
import type { TreeModel } from './tree-model.ts';

export type TreeApiRef = ReturnType<typeof useSimpleTreeViewApiRef>;

/**
 * The maquette as a tree: one item per path, so that a shared object appears
 * under each of its parents (and says so). Arrow keys move, Enter or Space
 * selects, the left and right arrows close and open a level.
 */
export function MaquetteTree({
  model,
  types,
  expanded,
  onExpanded,
  selected,
  onSelect,
  apiRef,
}: {
  model: TreeModel;
  types: ObjectType[] | undefined;
  expanded: string[];
  onExpanded: (paths: string[]) => void;
  selected: string;
  onSelect: (path: string) => void;
  apiRef: TreeApiRef;
}) {
  const { t, i18n } = useTranslation('curriculum');
  const rootObject = model.objects.get(model.root.objectId)!;

  const render = (node: TreeNode) => {
    const object = model.objects.get(node.objectId)!;
    const shared = (model.pathsOf.get(object.id)?.length ?? 0) > 1;
    return (
      <TreeItem
        key={node.path}
        itemId={node.path}
        data-testid="maquette-node"
        label={
          <Box component="span" sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 1, rowGap: 0.5, alignItems: 'center', py: 0.25, overflowWrap: 'anywhere' }}>
            <span>
              <strong>{object.code}</strong> — {labelIn(i18n.language, object.labels)}
            </span>
            <Box component="span" sx={{ color: 'text.secondary', fontSize: '0.875rem' }}>
              {kindLabel(types, object.type, i18n.language)}
              {object.ects !== null && ` · ${t('maquette.ectsShort', { ects: formatNumber(object.ects, i18n.language) })}`}
            </Box>
            {shared && <Chip size="small" variant="outlined" color="secondary" label={t('maquette.shared')} />}
            <StatusChip status={object.status} />
          </Box>
        }
      >
        {(model.children.get(node.path) ?? []).map(render)}
      </TreeItem>
    );
  };

  return (
    <SimpleTreeView
      apiRef={apiRef}
      aria-label={t('maquette.treeLabel', { code: rootObject.code })}
      expandedItems={expanded}
      onExpandedItemsChange={(_event, ids) => onExpanded(ids)}
      selectedItems={selected}
      onSelectedItemsChange={(_event, id) => {
        if (id) onSelect(id);
      }}
      expansionTrigger="iconContainer"
    >
      {render(model.root)}
    </SimpleTreeView>
  );
}
