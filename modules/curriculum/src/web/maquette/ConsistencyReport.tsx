import { Box, Link, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '@pegase/web-kit';
import type { Finding } from '../curriculum-api.ts';
import { SeverityChip } from '../common/chips.tsx';
import type { TreeModel } from './tree-model.ts';

/** A finding in the person's language, from its kind and the objects of the tree. */
export function useFindingText(model: TreeModel) {
  const { t, i18n } = useTranslation('curriculum');
  return (finding: Finding): string => {
    const object = model.objects.get(finding.objectId);
    if (!object) return finding.message;
    const count = new Set((model.children.get(finding.path) ?? []).map((node) => node.objectId)).size;
    return t(`report.kinds.${finding.kind}`, {
      code: object.code,
      min: object.choice?.min ?? 0,
      max: object.choice?.max ?? 0,
      count,
      ects: object.ects === null ? '' : formatNumber(object.ects, i18n.language),
    });
  };
}

/**
 * Findings of a consistency report, errors first: each names the path of the
 * object concerned, a link that selects it in the tree.
 */
export function FindingList({ findings, model, onSelect, label }: { findings: Finding[]; model: TreeModel; onSelect: (path: string) => void; label: string }) {
  const text = useFindingText(model);
  const sorted = [...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return (
    <Box component="ul" aria-label={label} sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 1 }}>
      {sorted.map((finding) => (
        <Box
          component="li"
          key={`${finding.kind}:${finding.path}`}
          data-testid="finding"
          sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'baseline' }}
        >
          <SeverityChip severity={finding.severity} />
          <Link
            component="button"
            type="button"
            onClick={() => onSelect(finding.path)}
            sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere', textAlign: 'left' }}
          >
            {finding.path.split('>').join(' › ')}
          </Link>
          <Typography component="span">{text(finding)}</Typography>
        </Box>
      ))}
    </Box>
  );
}

export function ReportSummary({ objects, errors, warnings }: { objects: number; errors: number; warnings: number }) {
  const { t } = useTranslation('curriculum');
  return (
    <Typography sx={{ mb: 1 }} data-testid="report-summary">
      {errors === 0 && warnings === 0 ? t('report.clean') : t('report.summary', { objects, errors, warnings })}
    </Typography>
  );
}
