import { Box, Button, Chip, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { labelIn } from '@pegase/web-kit';
import type { PathLabels, ResultNode } from '../assessment-api.ts';
import { formatMark } from './marks.ts';

/** The last code of a path (« LIC>L1>S1>UE1 » → « UE1 »): how a part of a mean is named. */
const codeOf = (path: string) => path.slice(path.lastIndexOf('>') + 1);

/** Why a node has its decision, in words, with its facts (marks shown in the person's language). */
function Explanation({ node }: { node: ResultNode }) {
  const { t, i18n } = useTranslation('assessment');
  const facts: Record<string, string> = {};
  for (const [key, value] of Object.entries(node.explanation.reason)) {
    facts[key] = /^\d+(\.\d+)?$/.test(value) ? formatMark(value, i18n.language) : key === 'kind' ? value : codeOf(value);
  }
  const { counted, leftOut } = node.explanation;
  return (
    <Box sx={{ pl: 2, pb: 1 }} data-testid="explanation">
      <Typography variant="body2">{t(`reason.${node.explanation.reason.kind}`, { ...facts, defaultValue: node.explanation.reason.kind })}</Typography>
      {counted.length > 0 && (
        <Typography variant="body2">
          {t('tree.counted', {
            parts: counted
              .map((part) =>
                t('tree.part', {
                  code: codeOf(part.part),
                  mark: formatMark(part.mark, i18n.language),
                  coefficient: formatMark(part.coefficient, i18n.language),
                }),
              )
              .join(' ; '),
          })}
        </Typography>
      )}
      {leftOut.length > 0 && (
        <Typography variant="body2">
          {t('tree.leftOut', {
            parts: leftOut
              .map((part) => t('tree.leftOutPart', { code: codeOf(part.part), why: t(`tree.leftOutWhy.${part.why}`, { defaultValue: part.why }) }))
              .join(' ; '),
          })}
        </Typography>
      )}
    </Box>
  );
}

/**
 * One node of a results tree and its children as nested lists: code and
 * type, mark on 20, decision, credits, honours, the jury's points; « Pourquoi ? »
 * opens the explanation (a native disclosure: keyboard and screen readers
 * know it). `onPoints`, when given, offers jury points on each node.
 */
function ResultItem({ node, labels, onPoints }: { node: ResultNode; labels: PathLabels | undefined; onPoints: ((node: ResultNode) => void) | undefined }) {
  const { t, i18n } = useTranslation('assessment');
  const label = labels?.get(node.path);
  const points = Number(node.juryPoints) > 0;
  return (
    <Box component="li" data-testid="result-node" data-path={node.path} data-decision={node.decision} sx={{ listStyle: 'none', mb: 0.5 }}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <Typography component="span" sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
          {label ? t('tree.named', { code: node.code, label: labelIn(i18n.language, label) }) : node.code}
        </Typography>
        <Typography component="span" variant="body2" color="text.secondary">
          {t(`objectType.${node.type}`, { ns: 'translation', defaultValue: node.type })}
        </Typography>
        <Typography component="span" data-testid="node-mark">
          {node.mark === null ? t('tree.noMark') : t('tree.mark', { mark: formatMark(node.mark, i18n.language) })}
        </Typography>
        <Chip size="small" variant="outlined" label={t(`decision.${node.decision}`)} data-testid="node-decision" />
        <Typography component="span" variant="body2">
          {t('tree.credits', { credits: formatMark(node.credits, i18n.language) })}
        </Typography>
        {node.honours && (
          <Typography component="span" variant="body2" data-testid="node-honours">
            {t(`honours.${node.honours}`)}
          </Typography>
        )}
        {points && (
          <Typography component="span" variant="body2" data-testid="node-points">
            {t('tree.points', { points: formatMark(node.juryPoints, i18n.language) })}
          </Typography>
        )}
        {onPoints && (
          <Button size="small" onClick={() => onPoints(node)} aria-label={t('points.buttonOf', { code: node.code })}>
            {t('points.button')}
          </Button>
        )}
      </Stack>
      <Box component="details" sx={{ '& > summary': { cursor: 'pointer', color: 'primary.main', width: 'fit-content' } }}>
        <Typography component="summary" variant="body2" aria-label={t('tree.whyOf', { code: node.code })}>
          {t('tree.why')}
        </Typography>
        <Explanation node={node} />
      </Box>
      {node.children.length > 0 && (
        <Box component="ul" sx={{ pl: { xs: 1.5, sm: 3 }, mt: 0.5, mb: 0, borderLeft: 1, borderColor: 'divider' }}>
          {node.children.map((child) => (
            <ResultItem key={child.path} node={child} labels={labels} onPoints={onPoints} />
          ))}
        </Box>
      )}
    </Box>
  );
}

/** A learner's results as a tree, from the enrolment point down to the assessments' course elements. */
export function ResultTree({
  root,
  label,
  labels,
  onPoints,
}: {
  root: ResultNode;
  label: string;
  /** The nodes' labels by path, when the page has them. */
  labels?: PathLabels | undefined;
  onPoints?: (node: ResultNode) => void;
}) {
  return (
    <Box component="ul" aria-label={label} sx={{ pl: 0, m: 0 }} data-testid="result-tree">
      <ResultItem node={root} labels={labels} onPoints={onPoints} />
    </Box>
  );
}
