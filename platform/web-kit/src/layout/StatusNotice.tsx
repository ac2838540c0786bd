import type { ReactNode } from 'react';
import { Alert, Box, type AlertColor, type SxProps, type Theme } from '@mui/material';

/**
 * The result of an action, announced: a polite status region that is always
 * in the page (a region added with its text is not read out), holding the
 * notice while there is one. The alert itself takes no role of its own, so
 * that it is announced once.
 */
export function StatusNotice({
  notice,
  testId,
  severity = 'success',
  sx,
}: {
  notice: ReactNode;
  testId?: string;
  severity?: AlertColor;
  /** Where the alert sits (a margin below it by default). */
  sx?: SxProps<Theme>;
}) {
  return (
    <Box role="status" aria-live="polite" data-testid={testId}>
      {notice ? (
        <Alert severity={severity} role="none" sx={sx ?? { mb: 2 }}>
          {notice}
        </Alert>
      ) : null}
    </Box>
  );
}
