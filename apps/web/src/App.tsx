import { Alert, Box, Button, CircularProgress, Typography } from '@mui/material';
import { Route, Routes, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AuthGate, CALLBACK_PATH, login, PageHeading } from '@pegase/web-kit';
import { AppShell } from './layout/AppShell.tsx';
import { HomePage } from './home/HomePage.tsx';
import { webModules } from './modules.ts';
import { ModulePage } from './routing/ModulePage.tsx';

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

function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('errors.title')}</PageHeading>
      <Alert severity="warning">{t('errors.notFound')}</Alert>
    </>
  );
}

const modulePages = webModules.flatMap((module) => module.pages.map((page) => ({ ...page, key: `${module.name}:${page.path}` })));

export function App() {
  const navigate = useNavigate();
  return (
    <AuthGate onReturn={(path) => void navigate(path, { replace: true })} fallback={<Waiting />} failure={(message) => <LoginFailed message={message} />}>
      <AppShell>
        <Routes>
          <Route path="/" element={<HomePage />} />
          {/* The gate sends the person on to the page they asked for; nothing to show meanwhile. */}
          <Route path={CALLBACK_PATH} element={null} />
          {modulePages.map((page) => (
            <Route key={page.key} path={page.path} element={<ModulePage roles={page.roles} load={page.load} />} />
          ))}
          <Route path="*" element={<NotFound />} />
        </Routes>
      </AppShell>
    </AuthGate>
  );
}
