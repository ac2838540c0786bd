import { useEffect, useRef, useState } from 'react';
import { Alert, Box, Button, Link, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { EnrolmentProblem } from '../common/EnrolmentProblem.tsx';
import type { Enrolment } from '../enrolment-api.ts';
import { myCertificate, type CertificateLanguage } from './self-service-api.ts';
import { certificateAvailable } from './steps.ts';

interface Issued {
  url: string;
  filename: string;
  code: string | null;
  lang: CertificateLanguage;
}

/**
 * The certificate of enrolment: provisional (it says so) once the enrolment
 * is submitted and its fees paid or waived, final once validated. Fetched
 * with the token, handed to the browser as a download; the link stays, with
 * the verification code printed on it.
 */
export function CertificateStep({ enrolment }: { enrolment: Enrolment }) {
  const { t } = useTranslation('enrolment');
  const [issued, setIssued] = useState<Issued | null>(null);
  const [busy, setBusy] = useState<CertificateLanguage | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const link = useRef<HTMLAnchorElement>(null);
  const available = certificateAvailable(enrolment);
  const provisional = enrolment.status !== 'validated';

  // The object URL lives while the page shows it.
  useEffect(() => () => (issued ? URL.revokeObjectURL(issued.url) : undefined), [issued]);
  useEffect(() => {
    if (issued) link.current?.click();
  }, [issued]);

  const download = async (lang: CertificateLanguage) => {
    setFailure(null);
    setBusy(lang);
    try {
      const { blob, code } = await myCertificate(enrolment.id, lang);
      const name = lang === 'fr' ? 'attestation-inscription' : 'certificate-of-enrolment';
      setIssued({ url: URL.createObjectURL(blob), filename: `${name}${provisional ? (lang === 'fr' ? '-provisoire' : '-provisional') : ''}.pdf`, code, lang });
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };

  if (!available) {
    return (
      <Alert severity="info" data-testid="certificate-unavailable">
        {enrolment.status === 'cancelled' ? t('online.certificate.cancelled') : t('online.certificate.notYet')}{' '}
        {enrolment.status !== 'cancelled' && (
          <Link component={RouterLink} to={enrolment.status === 'draft' ? '?step=submit' : '?step=fees'}>
            {t('online.submit.goTo', { step: t(enrolment.status === 'draft' ? 'online.steps.submit' : 'online.steps.fees') })}
          </Link>
        )}
      </Alert>
    );
  }
  return (
    <>
      <Typography sx={{ mb: 2 }}>{provisional ? t('online.certificate.provisional') : t('online.certificate.final')}</Typography>
      {failure !== null && <EnrolmentProblem error={failure} />}
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2, alignItems: 'flex-start' }}>
        <Button variant="contained" onClick={() => void download('fr')} disabled={busy !== null}>
          {busy === 'fr' ? t('online.certificate.preparing') : t('online.certificate.downloadFr')}
        </Button>
        <Button variant="outlined" onClick={() => void download('en')} disabled={busy !== null}>
          {busy === 'en' ? t('online.certificate.preparing') : t('online.certificate.downloadEn')}
        </Button>
      </Stack>
      <Box role="status">
        {issued && (
          <Alert severity="success" data-testid="certificate-issued">
            <Link ref={link} href={issued.url} download={issued.filename}>
              {t(issued.lang === 'fr' ? 'online.certificate.openFr' : 'online.certificate.openEn')}
            </Link>
            {issued.code && (
              <Typography variant="body2" sx={{ mt: 1 }}>
                {t('online.certificate.code')} <span data-testid="certificate-code">{issued.code}</span>
              </Typography>
            )}
          </Alert>
        )}
      </Box>
    </>
  );
}
