import { useEffect, useMemo, useState } from 'react';
import { Alert, AlertTitle, Box, Button, Card, CardContent, Link, Stack, Typography } from '@mui/material';
import { useSimpleTreeViewApiRef } from '@mui/x-tree-view/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useParams } from 'react-router';
import { api, dataOf, formatNumber, HistoryTable, labelIn, mayUse, PageHeading, useSession } from '@pegase/web-kit';
import {
  createObject,
  CURRICULUM,
  getConsistency,
  getTree,
  linkChild,
  refusedReport,
  unlinkChild,
  updateObject,
  validateFormation,
  type ConsistencyReport,
  type TrainingObject,
} from '../curriculum-api.ts';
import { StatusChip } from '../common/chips.tsx';
import { CurriculumProblem } from '../common/CurriculumProblem.tsx';
import { isGrouping, useObjectTypes } from '../common/types.ts';
import { FindingList, ReportSummary } from './ConsistencyReport.tsx';
import { parentIdsOf, readableEntry } from './history.ts';
import { MaquetteTree } from './MaquetteTree.tsx';
import { changesOf, creationOf } from './object-draft.ts';
import { ObjectDetails, type DetailActions } from './ObjectDetails.tsx';
import { ancestorPaths, childPath, modelOf, openPaths, parentOf } from './tree-model.ts';

/** The names of an object's fields in its history. */
const HISTORY_FIELDS: Record<string, string> = {
  labels: 'fields.labels',
  ects: 'fields.ects',
  hours: 'fields.hours',
  capacity: 'fields.capacity',
  openForChoice: 'fields.openForChoice',
  enrolmentPoint: 'fields.enrolmentPoint',
  ownerStructureId: 'fields.owner',
  choice: 'fields.choice',
  status: 'fields.status',
  placement: 'fields.placement',
  code: 'fields.code',
  type: 'fields.kind',
};

/**
 * The maquette of a formation: its tree (one item per path, a shared object
 * under each of its parents), the details of the selected node with, for
 * staff on a draft, the actions that build it; the consistency report, whose
 * findings select their node; the validation; the selected object's history.
 * Teachers see the same without the actions.
 */
export default function FormationPage() {
  const { t, i18n } = useTranslation('curriculum');
  const { id = '' } = useParams();
  const location = useLocation();
  const session = useSession();
  const client = useQueryClient();
  const mayWrite = mayUse(session, ['staff']);
  const apiRef = useSimpleTreeViewApiRef();
  const types = useObjectTypes();
  const tree = useQuery({ queryKey: [CURRICULUM, 'tree', id], queryFn: () => getTree(id) });
  const report = useQuery({ queryKey: [CURRICULUM, 'consistency', id], queryFn: () => getConsistency(id) });
  const model = useMemo(() => (tree.data ? modelOf(tree.data) : undefined), [tree.data]);

  const [selected, setSelected] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const [focusPath, setFocusPath] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(
    (location.state as { notice?: string } | null)?.notice === 'formationCreated' ? t('notices.formationCreated') : null,
  );
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<ConsistencyReport | null>(null);
  const [validationError, setValidationError] = useState<unknown>(null);

  // At first every level is open: a formation's maquette is read whole.
  useEffect(() => {
    if (model && expanded === null) setExpanded(openPaths(model));
  }, [model, expanded]);

  // Moves the focus to a tree item once it is shown (after an action or a finding chosen in the report).
  useEffect(() => {
    if (focusPath === null || !model?.nodes.has(focusPath)) return;
    const frame = requestAnimationFrame(() => {
      apiRef.current?.focusItem(null, focusPath);
      setFocusPath(null);
    });
    return () => cancelAnimationFrame(frame);
  }, [focusPath, model, expanded, apiRef]);

  if (tree.error) {
    return (
      <Box>
        <PageHeading>{t('formations.title')}</PageHeading>
        <CurriculumProblem error={tree.error} />
        <Link component={RouterLink} to="/curriculum">
          {t('formations.back')}
        </Link>
      </Box>
    );
  }
  if (!model) return <Typography role="status">{t('app.loading', { ns: 'translation' })}</Typography>;

  const root = model.objects.get(model.root.objectId)!;
  const rootLabel = `${root.code} — ${labelIn(i18n.language, root.labels)}`;
  const selectedPath = selected !== null && model.nodes.has(selected) ? selected : model.root.path;
  const node = model.nodes.get(selectedPath)!;
  const object = model.objects.get(node.objectId)!;
  const openState = expanded ?? [];

  /** Selects a node, opening the levels above it, and focuses it in the tree. */
  const reveal = (path: string, focus = true) => {
    setSelected(path);
    setExpanded((current) => [...new Set([...(current ?? []), ...ancestorPaths(path)])]);
    if (focus) setFocusPath(path);
  };

  /**
   * Runs a change, refreshes what it touched, then selects the node it names
   * and says what happened; a form shows the errors it throws.
   */
  const act = async (run: () => Promise<{ message: string; reveal?: string }>) => {
    setBusy(true);
    setNotice(null);
    setFailure(null);
    setRefused(null);
    setValidationError(null);
    try {
      const outcome = await run();
      await client.invalidateQueries();
      if (outcome.reveal !== undefined) reveal(outcome.reveal);
      setNotice(outcome.message);
    } finally {
      setBusy(false);
    }
  };
  /** A change from a button: its failure is shown above the panels. */
  const press = (run: () => Promise<{ message: string; reveal?: string }>) => act(run).catch((error: unknown) => setFailure(error));

  const actions: DetailActions = {
    save: (target, draft) =>
      act(async () => {
        const changes = changesOf(target, draft, isGrouping(types.data, target.type));
        if (Object.keys(changes).length > 0) await updateObject(target, changes);
        return { message: t('notices.saved', { code: target.code }) };
      }),
    createChild: (parent, parentNode, draft) =>
      act(async () => {
        const created = await createObject(creationOf(draft, { periodId: parent.periodId, ownerStructureId: parent.ownerStructureId, parentId: parent.id }));
        return { message: t('notices.created', { code: created.code, parent: parent.code }), reveal: childPath(parentNode.path, created.code) };
      }),
    share: (parent, parentNode, child) =>
      act(async () => {
        await linkChild(parent.id, child.id);
        return { message: t('notices.shared', { code: child.code, parent: parent.code }), reveal: childPath(parentNode.path, child.code) };
      }),
    move: (moved, delta) =>
      press(async () => {
        const parent = parentOf(model, moved)!;
        const code = model.objects.get(moved.objectId)!.code;
        await linkChild(parent.id, moved.objectId, moved.position + delta);
        return { message: t('notices.moved', { code }), reveal: moved.path };
      }),
    remove: (removed) =>
      press(async () => {
        const parent = parentOf(model, removed)!;
        const code = model.objects.get(removed.objectId)!.code;
        await unlinkChild(parent.id, removed.objectId);
        return { message: t('notices.removed', { code, parent: parent.code }), reveal: removed.parentPath! };
      }),
  };

  const validate = async () => {
    setBusy(true);
    setNotice(null);
    setFailure(null);
    setRefused(null);
    setValidationError(null);
    try {
      await validateFormation(root.id);
      await client.invalidateQueries();
      setNotice(t('notices.validated', { code: root.code }));
    } catch (error) {
      const report = refusedReport(error);
      if (report) setRefused(report);
      else setValidationError(error);
      await client.invalidateQueries({ queryKey: [CURRICULUM, 'consistency', id] });
    } finally {
      setBusy(false);
    }
  };

  const fetchHistory = async (target: TrainingObject, cursor?: string) => {
    const page = dataOf(
      await api.GET('/api/curriculum/v1/objects/{id}/history', {
        params: { path: { id: target.id }, query: { limit: 20, ...(cursor ? { cursor } : {}) } },
      }),
    );
    const codes = new Map([...model.objects.values()].map((item) => [item.id, item.code]));
    for (const parentId of parentIdsOf(page.items)) {
      if (codes.has(parentId)) continue;
      const found = await api.GET('/api/curriculum/v1/objects/{id}', { params: { path: { id: parentId } } }).catch(() => undefined);
      if (found?.data) codes.set(parentId, found.data.code);
    }
    const words = {
      placement: (parentId: string, position: number) => t('values.placement', { parent: codes.get(parentId) ?? parentId, rank: position + 1 }),
      status: (status: string) => t(`status.${status}`),
      range: (min: number, max: number) => t('values.range', { min, max }),
      hours: (format: string, hours: number) => t('values.hour', { format, hours: formatNumber(hours, i18n.language) }),
    };
    return { ...page, items: page.items.map((entry) => readableEntry(entry, words)) };
  };

  const selectFinding = (path: string) => reveal(path);

  return (
    <Box>
      <Link component={RouterLink} to={`/curriculum?period=${root.periodId}`} sx={{ display: 'inline-block', mb: 1 }}>
        {t('formations.back')}
      </Link>
      <PageHeading title={rootLabel}>{rootLabel}</PageHeading>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 2 }} data-testid="formation-status">
        <Typography>{t('fields.status')} :</Typography>
        <StatusChip status={root.status} />
      </Stack>
      {!mayWrite && (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="read-only">
          {t('maquette.readOnly')}
        </Alert>
      )}
      <Box aria-live="polite">
        {notice && (
          <Alert severity="success" onClose={() => setNotice(null)} sx={{ mb: 2 }} data-testid="notice" closeText={t('maquette.close')}>
            {notice}
          </Alert>
        )}
      </Box>
      {failure !== null && <CurriculumProblem error={failure} />}

      <Stack direction={{ xs: 'column', md: 'row' }} spacing={3} sx={{ mb: 3, alignItems: 'flex-start' }}>
        <Box component="section" aria-labelledby="maquette-tree-title" sx={{ flex: 5, minWidth: 0, width: '100%' }}>
          <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 1, mb: 1 }}>
            <Typography component="h2" variant="h5" id="maquette-tree-title">
              {t('maquette.tree')}
            </Typography>
            <Stack direction="row" spacing={1}>
              <Button size="small" onClick={() => setExpanded(openPaths(model))}>
                {t('maquette.expandAll')}
              </Button>
              <Button size="small" onClick={() => setExpanded([])}>
                {t('maquette.collapseAll')}
              </Button>
            </Stack>
          </Stack>
          <Card variant="outlined">
            <CardContent sx={{ px: 1 }}>
              <MaquetteTree
                model={model}
                types={types.data}
                expanded={openState}
                onExpanded={setExpanded}
                selected={selectedPath}
                onSelect={(path) => setSelected(path)}
                apiRef={apiRef}
              />
            </CardContent>
          </Card>
        </Box>
        <Box component="section" aria-labelledby="maquette-details-title" sx={{ flex: 7, minWidth: 0, width: '100%' }} data-testid="details">
          <Typography component="h2" variant="h5" id="maquette-details-title" sx={{ mb: 1, overflowWrap: 'anywhere' }}>
            {t('maquette.detailsOf', { code: object.code })}
          </Typography>
          <Card variant="outlined">
            <CardContent>
              <ObjectDetails key={selectedPath} model={model} node={node} types={types.data} mayWrite={mayWrite} busy={busy} actions={actions} />
            </CardContent>
          </Card>
        </Box>
      </Stack>

      <Stack direction={{ xs: 'column', md: 'row' }} spacing={3} sx={{ mb: 3, alignItems: 'flex-start' }}>
        <Box component="section" aria-labelledby="report-title" sx={{ flex: 7, minWidth: 0, width: '100%' }} data-testid="report">
          <Typography component="h2" variant="h5" id="report-title" sx={{ mb: 1 }}>
            {t('report.title')}
          </Typography>
          {report.error && <CurriculumProblem error={report.error} />}
          {report.data && (
            <>
              <ReportSummary {...report.data} />
              <FindingList findings={report.data.findings} model={model} onSelect={selectFinding} label={t('report.list')} />
            </>
          )}
        </Box>
        {root.type === 'formation' && (
          <Box component="section" aria-labelledby="validation-title" sx={{ flex: 5, minWidth: 0, width: '100%' }} data-testid="validation">
            <Typography component="h2" variant="h5" id="validation-title" sx={{ mb: 1 }}>
              {t('validation.title')}
            </Typography>
            <Typography sx={{ mb: 1 }}>{t('validation.status', { status: t(`status.${root.status}`) })}</Typography>
            {mayWrite && root.status === 'draft' && (
              <>
                <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
                  {t('validation.help')}
                </Typography>
                <Button variant="contained" onClick={() => void validate()} disabled={busy}>
                  {t('validation.validate')}
                </Button>
              </>
            )}
            {refused && (
              <Alert severity="error" role="alert" sx={{ mt: 2 }} data-testid="validation-refused">
                <AlertTitle>{t('validation.refused', { count: refused.errors })}</AlertTitle>
                <FindingList
                  findings={refused.findings.filter((finding) => finding.severity === 'error')}
                  model={model}
                  onSelect={selectFinding}
                  label={t('validation.refused', { count: refused.errors })}
                />
              </Alert>
            )}
            {validationError !== null && (
              <Box sx={{ mt: 2 }}>
                <CurriculumProblem error={validationError} />
              </Box>
            )}
          </Box>
        )}
      </Stack>

      <Box
        component="section"
        aria-label={t('maquette.history', { code: object.code })}
        // On a phone the history fits the screen: its cells wrap rather than scroll sideways.
        sx={{
          '& .MuiTable-root': { tableLayout: { xs: 'fixed', md: 'auto' } },
          '& .MuiTableCell-root': {
            whiteSpace: { xs: 'normal', md: 'nowrap' },
            overflowWrap: 'break-word',
            px: { xs: 0.75, md: 2 },
            fontSize: { xs: '0.8125rem', md: '0.875rem' },
          },
          '& .MuiTableCell-root:last-of-type': { whiteSpace: 'normal' },
          '& th:nth-of-type(1), & th:nth-of-type(3)': { width: { xs: '26%', md: 'auto' } },
          '& th:nth-of-type(2)': { width: { xs: '16%', md: 'auto' } },
        }}
      >
        <HistoryTable
          queryKey={[CURRICULUM, object.id, object.version, tree.dataUpdatedAt]}
          fieldLabel={(field) => t(HISTORY_FIELDS[field] ?? field, { defaultValue: field })}
          fetchPage={(cursor) => fetchHistory(object, cursor)}
        />
      </Box>
    </Box>
  );
}
