import { useState } from 'react';
import { Alert, Box, Button, Divider, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DetailList, formatNumber, type Detail } from '@pegase/web-kit';
import { CURRICULUM, getPaths, type ObjectType, type TrainingObject, type TreeNode } from '../curriculum-api.ts';
import { StatusChip } from '../common/chips.tsx';
import { NewObjectForm } from '../common/NewObjectForm.tsx';
import { StructureName } from '../common/structures.tsx';
import { isGrouping, kindLabel } from '../common/types.ts';
import type { NewObjectDraft, ObjectDraft } from './object-draft.ts';
import { ObjectForm } from './ObjectForm.tsx';
import { ShareForm } from './ShareForm.tsx';
import { parentOf, siblingPlace, type TreeModel } from './tree-model.ts';

export interface DetailActions {
  save: (object: TrainingObject, draft: ObjectDraft) => Promise<void>;
  createChild: (parent: TrainingObject, node: TreeNode, draft: NewObjectDraft) => Promise<void>;
  share: (parent: TrainingObject, node: TreeNode, child: TrainingObject) => Promise<void>;
  move: (node: TreeNode, delta: -1 | 1) => Promise<void>;
  remove: (node: TreeNode) => Promise<void>;
}

type Mode = 'edit' | 'add' | 'share' | null;

/**
 * The selected node: every attribute of its object and all its paths, and
 * for staff on a draft the actions that build the maquette (change it, add
 * or share a child, move it among its siblings, take it from its parent).
 */
export function ObjectDetails({
  model,
  node,
  types,
  mayWrite,
  busy,
  actions,
}: {
  model: TreeModel;
  node: TreeNode;
  types: ObjectType[] | undefined;
  mayWrite: boolean;
  busy: boolean;
  actions: DetailActions;
}) {
  const { t, i18n } = useTranslation('curriculum');
  const [mode, setMode] = useState<Mode>(null);
  const object = model.objects.get(node.objectId)!;
  const parent = parentOf(model, node);
  const place = siblingPlace(model, node);
  const grouping = isGrouping(types, object.type);
  const paths = useQuery({ queryKey: [CURRICULUM, 'paths', object.id, model.pathsOf.get(object.id)?.join('|')], queryFn: () => getPaths(object.id) });
  const editable = mayWrite && object.status === 'draft';
  const placeable = mayWrite && parent !== null && parent.status === 'draft';
  const children = new Set([object.id, ...(model.children.get(node.path) ?? []).map((child) => child.objectId)]);

  const yesNo = (value: boolean) => t(value ? 'values.yes' : 'values.no');
  const hours = Object.entries(object.hours);
  const items: Detail[] = [
    { term: t('fields.kind'), value: kindLabel(types, object.type, i18n.language), testId: 'detail-kind' },
    { term: t('fields.code'), value: object.code, testId: 'detail-code' },
    { term: t('fields.labelFr'), value: object.labels.fr, lang: 'fr' },
    { term: t('fields.labelEn'), value: object.labels.en ?? t('values.none'), lang: 'en' },
    { term: t('fields.ects'), value: object.ects === null ? t('values.none') : formatNumber(object.ects, i18n.language), testId: 'detail-ects' },
    {
      term: t('fields.hours'),
      value:
        hours.length === 0
          ? t('values.none')
          : hours.map(([format, value]) => t('values.hour', { format, hours: formatNumber(value, i18n.language) })).join(' · '),
    },
    { term: t('fields.capacity'), value: object.capacity === null ? t('values.unlimited') : formatNumber(object.capacity, i18n.language) },
    { term: t('fields.openForChoice'), value: yesNo(object.openForChoice) },
    { term: t('fields.enrolmentPoint'), value: yesNo(object.enrolmentPoint) },
    { term: t('fields.owner'), value: <StructureName id={object.ownerStructureId} /> },
    ...(grouping ? [{ term: t('fields.choice'), value: object.choice ? t('values.range', object.choice) : t('values.noRange'), testId: 'detail-choice' }] : []),
    { term: t('fields.status'), value: <StatusChip status={object.status} /> },
    {
      term: t('fields.paths'),
      testId: 'detail-paths',
      value: (
        <Box component="ul" sx={{ m: 0, pl: 2 }}>
          {(paths.data?.paths ?? model.pathsOf.get(object.id) ?? []).map((path) => (
            <li key={path} style={{ overflowWrap: 'anywhere' }}>
              {path.split('>').join(' › ')}
            </li>
          ))}
        </Box>
      ),
    },
  ];

  const done = async (run: () => Promise<void>) => {
    await run();
    setMode(null);
  };

  return (
    <Box>
      <DetailList items={items} />
      {mayWrite && object.status !== 'draft' && (
        <Alert severity="info" sx={{ mt: 2 }}>
          {t('maquette.frozen')}
        </Alert>
      )}
      {(editable || placeable) && (
        <Stack
          direction="row"
          role="group"
          aria-label={t('maquette.actions', { code: object.code })}
          sx={{ mt: 2, flexWrap: 'wrap', gap: 1 }}
          data-testid="object-actions"
        >
          {editable && (
            <>
              <Button
                variant={mode === 'edit' ? 'contained' : 'outlined'}
                aria-pressed={mode === 'edit'}
                onClick={() => setMode(mode === 'edit' ? null : 'edit')}
              >
                {t('maquette.edit')}
              </Button>
              <Button variant={mode === 'add' ? 'contained' : 'outlined'} aria-pressed={mode === 'add'} onClick={() => setMode(mode === 'add' ? null : 'add')}>
                {t('maquette.addChild')}
              </Button>
              <Button
                variant={mode === 'share' ? 'contained' : 'outlined'}
                aria-pressed={mode === 'share'}
                onClick={() => setMode(mode === 'share' ? null : 'share')}
              >
                {t('maquette.share')}
              </Button>
            </>
          )}
          {placeable && (
            <>
              <Button variant="outlined" disabled={busy || place.index <= 0} onClick={() => void actions.move(node, -1)}>
                {t('maquette.moveUp')}
              </Button>
              <Button variant="outlined" disabled={busy || place.index >= place.count - 1} onClick={() => void actions.move(node, 1)}>
                {t('maquette.moveDown')}
              </Button>
              <Button variant="outlined" color="error" disabled={busy} onClick={() => void actions.remove(node)} aria-describedby="remove-help">
                {t('maquette.remove', { parent: parent!.code })}
              </Button>
              <Typography id="remove-help" variant="body2" color="text.secondary" sx={{ width: '100%' }}>
                {t('maquette.removeHelp')}
              </Typography>
            </>
          )}
        </Stack>
      )}
      {mode !== null && editable && <Divider sx={{ my: 2 }} />}
      {mode === 'edit' && editable && (
        <ObjectForm object={object} grouping={grouping} onCancel={() => setMode(null)} onSubmit={(draft) => done(() => actions.save(object, draft))} />
      )}
      {mode === 'add' && editable && (
        <>
          <Typography component="h3" variant="h6" sx={{ mb: 1 }}>
            {t('maquette.addChildTitle', { code: object.code })}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {t('help.childOwner', { code: object.code })}
          </Typography>
          <NewObjectForm
            idPrefix="child"
            label={t('maquette.addChildTitle', { code: object.code })}
            kinds={(types ?? []).filter((type) => type.code !== 'formation')}
            submitLabel={t('maquette.create')}
            onCancel={() => setMode(null)}
            onSubmit={(draft) => done(() => actions.createChild(object, node, draft))}
          />
        </>
      )}
      {mode === 'share' && editable && (
        <ShareForm
          parent={object}
          excluded={children}
          types={types}
          onCancel={() => setMode(null)}
          onSubmit={(child) => done(() => actions.share(object, node, child))}
        />
      )}
    </Box>
  );
}
