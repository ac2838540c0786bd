import { Box, Button, Stack, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EnrolmentProblem } from '../common/EnrolmentProblem.tsx';
import { useNomenclatureLabel } from '../common/lookups.ts';
import { ENROLMENT, myDocuments } from '../enrolment-api.ts';
import { DocumentUpload } from './DocumentUpload.tsx';
import { selfKeys } from './self-service-api.ts';

/**
 * The documents the enrolment asks for, each with its state, the reason of
 * a rejection and its file field. They may be sent (or a rejected one
 * replaced) while the enrolment is a draft or submitted.
 */
export function DocumentsStep({ enrolmentId, open, onContinue }: { enrolmentId: string; open: boolean; onContinue?: (() => void) | undefined }) {
  const { t } = useTranslation('enrolment');
  const client = useQueryClient();
  const documents = useQuery({ queryKey: selfKeys.documents(enrolmentId), queryFn: () => myDocuments(enrolmentId) });
  const typeLabel = useNomenclatureLabel('DOCUMENT-TYPE');
  return (
    <>
      {open && <Typography sx={{ mb: 2 }}>{t('student.intro')}</Typography>}
      {documents.error && <EnrolmentProblem error={documents.error} />}
      {!documents.data && !documents.error && <Typography role="status">{t('app.loading', { ns: 'translation' })}</Typography>}
      {documents.data?.length === 0 && <Typography>{t('documents.none')}</Typography>}
      <Stack spacing={2}>
        {documents.data?.map((document) => (
          <DocumentUpload
            key={document.documentType}
            enrolmentId={enrolmentId}
            document={document}
            name={typeLabel(document.documentType)}
            open={open}
            onSent={() => client.invalidateQueries({ queryKey: [ENROLMENT] })}
          />
        ))}
      </Stack>
      {onContinue && (
        <Box sx={{ mt: 2 }}>
          <Button variant="contained" onClick={onContinue}>
            {t('online.continue')}
          </Button>
        </Box>
      )}
    </>
  );
}
