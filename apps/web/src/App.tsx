import { Alert, Box, Button, CircularProgress, Typography } from '@mui/material';
import { Navigate, Route, Routes, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AuthGate, isStaff, login, useSession } from './auth/auth.tsx';
import { AppShell } from './layout/AppShell.tsx';
import { HomePage } from './pages/Home.tsx';
import { NomenclaturesPage, PeriodsPage } from './pages/Lists.tsx';
import { StructuresPage } from './pages/Structures.tsx';
import type { ReactNode } from 'react';

function Waiting() {
  const { t } = useTranslation();
  return (
    <Box component="main" sx={{ display: 'flex', gap: 2, alignItems: 'center', p: 4 }}>
      <CircularProgress size={24} aria-hidden="true" />
      <Typography component="h1" variant="h6" role="status">
        {t('app.signingIn')}
      </Typography>
    </Box>
  );
}

function LoginFailed({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <Box component="main" sx={{ p: 4 }}>
      <Typography component="h1" variant="h5" sx={{ mb: 2 }}>
        {t('app.name')}
      </Typography>
      <Alert severity="error" sx={{ mb: 2 }}>
        {t('errors.login', { message })}
      </Alert>
      <Button variant="contained" onClick={() => void login('/')}>
        {t('errors.retry')}
      </Button>
    </Box>
  );
}

/** A page for staff and admins; others go back home. */
function StaffOnly({ children }: { children: ReactNode }) {
  const session = useSession();
  return isStaff(session) ? <>{children}</> : <Navigate to="/" replace />;
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <Typography component="h1" variant="h4" sx={{ mb: 2 }}>
        {t('errors.title')}
      </Typography>
      <Alert severity="warning">{t('errors.notFound')}</Alert>
    </>
  );
}

export function App() {
  const navigate = useNavigate();
  return (
    <AuthGate onReturn={(path) => void navigate(path, { replace: true })} fallback={<Waiting />} failure={(message) => <LoginFailed message={message} />}>
      <AppShell>
        <Routes>
          <Route path="/" element={<HomePage />} />
          <Route path="/oidc-callback" element={<Navigate to="/" replace />} />
          <Route
            path="/structures"
            element={
              <StaffOnly>
                <StructuresPage />
              </StaffOnly>
            }
          />
          <Route
            path="/periods"
            element={
              <StaffOnly>
                <PeriodsPage />
              </StaffOnly>
            }
          />
          <Route
            path="/nomenclatures"
            element={
              <StaffOnly>
                <NomenclaturesPage />
              </StaffOnly>
            }
          />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </AppShell>
    </AuthGate>
  );
}
