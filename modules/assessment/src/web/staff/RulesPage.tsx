import { useState } from 'react';
import { Alert, Box, Button, Chip, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography, Paper } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime, labelIn, PageHeading, StatusNotice } from '@pegase/web-kit';
import { exportRules, freezeRules, getRule, importRules, keys, type Rule } from '../assessment-api.ts';
import { AssessmentProblem } from '../common/AssessmentProblem.tsx';
import { FileExchange } from '../common/FileExchange.tsx';
import { FormationPicker, useFormationChoice } from '../common/FormationPicker.tsx';
import { formatMark } from '../common/marks.ts';
import { pathsOfTree, type PathOfTree } from '../common/offer.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { RuleDialog } from './RuleDialog.tsx';

/** How many rules are read at once: a formation has tens of paths, the server serves others too. */
const AT_ONCE = 8;

async function rulesOf(periodId: string, paths: PathOfTree[]): Promise<Map<string, Rule>> {
  const rules = new Map<string, Rule>();
  for (let start = 0; start < paths.length; start += AT_ONCE) {
    const read = await Promise.all(paths.slice(start, start + AT_ONCE).map((item) => getRule(periodId, item.path)));
    for (const rule of read) rules.set(rule.path, rule);
  }
  return rules;
}

/**
 * « Modalités de contrôle »: every path of a validated formation, in the
 * order of its tree, with its effective rules (stored, or the defaults of
 * its object's type); staff change one row at a time in a dialog.
 */
export default function RulesPage() {
  const { t, i18n } = useTranslation('assessment');
  const client = useQueryClient();
  const choice = useFormationChoice();
  const { period, formation } = choice;
  const paths = choice.tree.data ? pathsOfTree(choice.tree.data).filter((item) => item.object.type !== 'grouping') : [];
  const rules = useQuery({
    queryKey: keys.rules(period?.id ?? '', formation?.id ?? ''),
    queryFn: () => rulesOf(period!.id, paths),
    enabled: period !== undefined && formation !== undefined && choice.tree.isSuccess,
  });
  const [editing, setEditing] = useState<{ item: PathOfTree; rule: Rule } | null>(null);
  const [notice, setNotice] = useState('');
  const [freezing, setFreezing] = useState<'asking' | 'busy' | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  // The freeze is the formation's: every path's rule carries it.
  const frozen = rules.data ? ([...rules.data.values()].find((rule) => rule.frozen !== null)?.frozen ?? null) : null;
  const reread = () => void client.invalidateQueries({ queryKey: keys.rules(period?.id ?? '', formation?.id ?? '') });
  const freeze = async () => {
    setFreezing('busy');
    setFailure(null);
    try {
      await freezeRules(period!.id, formation!.id);
      reread();
      setNotice(t('rules.frozenNow'));
    } catch (error) {
      setFailure(error);
    } finally {
      setFreezing(null);
    }
  };
  const nameOf = (item: PathOfTree) => t('picker.element', { code: item.object.code, label: labelIn(i18n.language, item.object.labels) });
  const yesNo = (value: boolean) => t(value ? 'rules.yes' : 'rules.no');

  return (
    <Box sx={{ maxWidth: 1400 }}>
      <PageHeading>{t('rules.title')}</PageHeading>
      <Typography sx={{ mb: 2 }}>{t('rules.intro')}</Typography>
      <FormationPicker choice={choice} idPrefix="rules" />
      <StatusNotice notice={notice} testId="rules-notice" />
      {failure !== null && <AssessmentProblem error={failure} />}
      {rules.error && <AssessmentProblem error={rules.error} />}
      {rules.data && period && formation && (
        <>
          {frozen ? (
            <Alert severity="info" sx={{ mb: 2 }} data-testid="rules-frozen">
              {t(`rules.frozen.${frozen.reason}`, { at: formatDateTime(frozen.at, i18n.language), by: frozen.by })}
            </Alert>
          ) : (
            <Button variant="outlined" onClick={() => setFreezing('asking')} sx={{ mb: 2 }}>
              {t('rules.freeze')}
            </Button>
          )}
          <FileExchange
            downloadLabel={t('rules.export')}
            importLabel={t('rules.import')}
            help={t('rules.importHelp')}
            canImport={frozen === null}
            fallbackName={`mcc-${formation.code}.xlsx`}
            download={() => exportRules(period.id, formation.id)}
            upload={async (file) => {
              const report = await importRules(period.id, formation.id, file);
              return t('rules.imported', {
                file: file.name,
                changed: report.rules.changed,
                unchanged: report.rules.unchanged,
                created: report.assessments.created,
              });
            }}
            onImported={(message) => {
              reread();
              setNotice(message);
            }}
          />
        </>
      )}
      {formation && rules.isPending && <Typography role="status">{t('loading')}</Typography>}
      {rules.data && (
        <TableContainer
          component={Paper}
          variant="outlined"
          // A wide table scrolls sideways: the keyboard reaches it too.
          tabIndex={0}
          role="region"
          aria-label={t('rules.caption', { formation: formation?.code ?? '' })}
        >
          <Table size="small">
            <caption>{t('rules.caption', { formation: formation?.code ?? '' })}</caption>
            <TableHead>
              <TableRow>
                <TableCell scope="col">{t('rules.path')}</TableCell>
                <TableCell scope="col">{t('rules.coefficient')}</TableCell>
                <TableCell scope="col">{t('rules.passMark')}</TableCell>
                <TableCell scope="col">{t('rules.credits')}</TableCell>
                <TableCell scope="col">{t('rules.compensates')}</TableCell>
                <TableCell scope="col">{t('rules.eliminatory')}</TableCell>
                <TableCell scope="col">{t('rules.abjPolicy')}</TableCell>
                <TableCell scope="col">{t('rules.session2')}</TableCell>
                <TableCell scope="col">{t('rules.source')}</TableCell>
                {frozen === null && <TableCell scope="col">{t('rules.actions')}</TableCell>}
              </TableRow>
            </TableHead>
            <TableBody>
              {paths.map((item) => {
                const rule = rules.data.get(item.path);
                if (!rule) return null;
                const name = nameOf(item);
                return (
                  <TableRow key={item.path} data-testid="rule-row" data-path={item.path}>
                    <TableCell component="th" scope="row" sx={{ pl: 1 + item.depth * 2, minWidth: 220, overflowWrap: 'break-word' }}>
                      {name}
                      <Typography variant="body2" color="text.secondary" component="span" sx={{ display: 'block' }}>
                        {t(`objectType.${item.object.type}`, { ns: 'translation', defaultValue: item.object.type })}
                      </Typography>
                    </TableCell>
                    <TableCell>{formatMark(rule.coefficient, i18n.language)}</TableCell>
                    <TableCell>{formatMark(rule.passMark, i18n.language)}</TableCell>
                    <TableCell>{formatMark(rule.credits, i18n.language)}</TableCell>
                    <TableCell>{yesNo(rule.compensates)}</TableCell>
                    <TableCell>{rule.eliminatory === null ? t('rules.none') : formatMark(rule.eliminatory, i18n.language)}</TableCell>
                    <TableCell>{t(`rules.abj.${rule.abjPolicy}`)}</TableCell>
                    <TableCell>{t(`rules.second.${rule.session2}`)}</TableCell>
                    <TableCell>
                      <Chip size="small" variant="outlined" label={t(`rules.sources.${rule.source}`)} />
                    </TableCell>
                    {frozen === null && (
                      <TableCell>
                        <Button
                          size="small"
                          variant="outlined"
                          onClick={() => {
                            setNotice('');
                            setEditing({ item, rule });
                          }}
                          aria-label={t('rules.editOf', { name })}
                        >
                          {t('rules.edit')}
                        </Button>
                      </TableCell>
                    )}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {freezing && (
        <ConfirmDialog
          title={t('rules.confirmFreeze.title')}
          text={t('rules.confirmFreeze.text')}
          confirm={t('rules.confirmFreeze.button')}
          busy={freezing === 'busy'}
          onConfirm={() => void freeze()}
          onClose={() => setFreezing(null)}
        />
      )}
      {editing && period && (
        <RuleDialog
          periodId={period.id}
          rule={editing.rule}
          name={nameOf(editing.item)}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            client.setQueryData<Map<string, Rule>>(keys.rules(period.id, formation?.id ?? ''), (before) =>
              before ? new Map(before).set(saved.path, saved) : before,
            );
            setEditing(null);
            setNotice(t('rules.saved', { name: nameOf(editing.item) }));
          }}
        />
      )}
    </Box>
  );
}
