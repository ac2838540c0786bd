import { useTranslation } from 'react-i18next';
import { importMarks, marksTemplate } from '../assessment-api.ts';
import { FileExchange } from '../common/FileExchange.tsx';

/**
 * Marks from a file: the sheet as an .xlsx to fill in (« Télécharger le
 * modèle »), and « Importer » of an .xlsx or .csv, all or nothing; the
 * report is announced, every wrong row of a refused file listed.
 */
export function SheetImport({ assessmentId, locked, onImported }: { assessmentId: string; locked: boolean; onImported: (message: string) => void }) {
  const { t } = useTranslation('assessment');
  return (
    <FileExchange
      downloadLabel={t('import.template')}
      importLabel={t('import.button')}
      help={t('import.help')}
      canImport={!locked}
      fallbackName="notes.xlsx"
      download={() => marksTemplate(assessmentId)}
      upload={async (file) => {
        const report = await importMarks(assessmentId, file);
        return t('import.done', { file: file.name, changed: report.changed, unchanged: report.unchanged, empty: report.empty });
      }}
      onImported={onImported}
    />
  );
}
