import { useEffect, useState } from 'react';
import { Box, Button, Link, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@pegase/web-kit';
import { DocumentStatusChip } from '../common/chips.tsx';
import { useNomenclatureLabel } from '../common/lookups.ts';
import { downloadDocument, reviewDocument, type Enrolment, type EnrolmentDocument } from '../enrolment-api.ts';
import { ReasonDialog } from './ReasonDialog.tsx';

/**
 * The documents an enrolment needs, with what was received: each file opens
 * in a new tab (fetched with the person's token, shown from memory), and a
 * received document is accepted, or rejected with a reason the student reads.
 */
export function DocumentsSection({
  enrolment,
  documents,
  busy,
  act,
  onFailure,
}: {
  enrolment: Enrolment;
  documents: EnrolmentDocument[];
  busy: boolean;
  act: (run: () => Promise<string>) => Promise<void>;
  onFailure: (error: unknown) => void;
}) {
  const { t, i18n } = useTranslation('enrolment');
  const typeLabel = useNomenclatureLabel('DOCUMENT-TYPE');
  // The document being rejected stays named while its dialog fades out.
  const [rejecting, setRejecting] = useState<EnrolmentDocument | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  // When the browser refused to open a tab, the file is offered as a link instead.
  const [opened, setOpened] = useState<{ documentType: string; url: string } | null>(null);
  useEffect(() => () => (opened ? URL.revokeObjectURL(opened.url) : undefined), [opened]);
  const open = enrolment.status === 'draft' || enrolment.status === 'submitted';
  const name = (document: EnrolmentDocument) => typeLabel(document.documentType);

  const view = async (document: EnrolmentDocument) => {
    // Opened at once, while the click still counts as the person's gesture; the file follows.
    const tab = window.open('', '_blank');
    try {
      const blob = await downloadDocument(enrolment.id, document.documentType);
      const url = URL.createObjectURL(blob);
      if (tab) {
        tab.location.href = url;
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      } else {
        setOpened({ documentType: document.documentType, url });
      }
    } catch (error) {
      tab?.close();
      onFailure(error);
    }
  };

  return (
    <Box component="section" aria-labelledby="documents-title" sx={{ mb: 3 }}>
      <Typography component="h2" variant="h5" id="documents-title" sx={{ mb: 1 }}>
        {t('documents.title')}
      </Typography>
      {documents.length === 0 ? (
        <Typography>{t('documents.none')}</Typography>
      ) : (
        <TableContainer component={Paper} variant="outlined" tabIndex={0} role="region" aria-labelledby="documents-title">
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t('documents.document')}</TableCell>
                <TableCell>{t('documents.status')}</TableCell>
                <TableCell>{t('documents.receivedAt')}</TableCell>
                <TableCell>{t('documents.file')}</TableCell>
                {open && <TableCell>{t('documents.actions')}</TableCell>}
              </TableRow>
            </TableHead>
            <TableBody>
              {documents.map((document) => (
                <TableRow key={document.documentType} data-testid={`document-${document.documentType}`}>
                  <TableCell>
                    <Typography sx={{ fontWeight: 600 }}>{name(document)}</Typography>
                    <Typography variant="body2" color="text.secondary">
                      {document.documentType} · {t(document.mandatory ? 'documents.mandatory' : 'documents.optional')}
                    </Typography>
                  </TableCell>
                  <TableCell>
                    <DocumentStatusChip status={document.status} />
                    {document.status === 'rejected' && document.rejectReason && (
                      <Typography variant="body2" sx={{ mt: 0.5 }} data-testid="reject-reason">
                        {t('documents.rejectReason', { reason: document.rejectReason })}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{document.submittedAt ? formatDateTime(document.submittedAt, i18n.language) : '—'}</TableCell>
                  <TableCell>
                    {document.file ? (
                      <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
                        <Button size="small" onClick={() => void view(document)} aria-label={t('documents.viewOf', { document: name(document) })}>
                          {t('documents.view')}
                        </Button>
                        <Typography variant="body2" color="text.secondary">
                          {document.file.mediaType} · {t('documents.size', { size: Math.max(1, Math.round(document.file.size / 1024)) })}
                        </Typography>
                        {opened?.documentType === document.documentType && (
                          <Link href={opened.url} target="_blank" rel="noopener">
                            {t('documents.openHere', { document: name(document) })}
                          </Link>
                        )}
                      </Stack>
                    ) : (
                      t('documents.noFile')
                    )}
                  </TableCell>
                  {open && (
                    <TableCell>
                      {document.status === 'submitted' && (
                        <Stack direction="row" spacing={1}>
                          <Button
                            size="small"
                            variant="contained"
                            color="success"
                            disabled={busy}
                            aria-label={t('documents.acceptOf', { document: name(document) })}
                            onClick={() =>
                              void act(async () => {
                                await reviewDocument(enrolment.id, document.documentType, 'accepted');
                                return t('enrolment.notices.accepted', { document: name(document) });
                              })
                            }
                          >
                            {t('documents.accept')}
                          </Button>
                          <Button
                            size="small"
                            variant="outlined"
                            color="error"
                            disabled={busy}
                            aria-label={t('documents.rejectOf', { document: name(document) })}
                            onClick={() => {
                              setRejecting(document);
                              setDialogOpen(true);
                            }}
                          >
                            {t('documents.reject')}
                          </Button>
                        </Stack>
                      )}
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      <ReasonDialog
        open={dialogOpen}
        title={rejecting ? t('documents.rejectTitle', { document: name(rejecting) }) : ''}
        help={t('documents.rejectHelp')}
        confirm={t('documents.rejectConfirm')}
        onClose={() => setDialogOpen(false)}
        onConfirm={async (reason) => {
          const document = rejecting!;
          await reviewDocument(enrolment.id, document.documentType, 'rejected', reason || undefined);
          await act(async () => t('enrolment.notices.rejected', { document: name(document) }));
        }}
      />
    </Box>
  );
}
