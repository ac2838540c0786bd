import { lazy, Suspense, useMemo, type ComponentType, type LazyExoticComponent } from 'react';
import { Navigate } from 'react-router';
import { Box, CircularProgress } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { mayUse, useSession, type LazyComponent, type Role } from '@pegase/web-kit';

const cache = new Map<LazyComponent, LazyExoticComponent<ComponentType>>();

/** One lazy component per loader, so that React keeps its state between renders. */
export function lazyOnce(load: LazyComponent): LazyExoticComponent<ComponentType> {
  let component = cache.get(load);
  if (!component) {
    component = lazy(load);
    cache.set(load, component);
  }
  return component;
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <Box sx={{ p: 2 }} role="status" aria-label={t('app.loading')}>
      <CircularProgress size={24} aria-hidden="true" />
    </Box>
  );
}

/** A module's page, for the roles it is meant for; the others go back home. */
export function ModulePage({ roles, load }: { roles: Role[]; load: LazyComponent }) {
  const session = useSession();
  const Page = useMemo(() => lazyOnce(load), [load]);
  if (!mayUse(session, roles)) return <Navigate to="/" replace />;
  return (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  );
}
