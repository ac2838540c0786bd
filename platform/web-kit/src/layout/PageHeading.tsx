import { Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { usePageTitle } from './usePageTitle.ts';

/** The page's one h1, which also titles the browser tab. */
export function PageHeading({ children, title }: { children: ReactNode; title?: string }) {
  usePageTitle(title ?? (typeof children === 'string' ? children : undefined));
  return (
    <Typography component="h1" variant="h4" sx={{ mb: 2, overflowWrap: 'anywhere' }}>
      {children}
    </Typography>
  );
}
