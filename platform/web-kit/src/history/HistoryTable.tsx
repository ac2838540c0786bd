import { Box, Button, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../api/ProblemAlert.tsx';
import { formatDateTime } from '../i18n/i18n.ts';

/** One audit entry, as the history routes of every module answer it. */
export interface HistoryEntry {
  id: string;
  at: string;
  actor: { subject: string; login: string | null };
  action: string;
  changedFields: string[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface HistoryPage {
  items: HistoryEntry[];
  nextCursor: string | null;
}

/** A value as a person reads it: labels `{fr, en}` as « fr : … · en : … », lists joined. */
function show(value: unknown, none: string): string {
  if (value === null || value === undefined || value === '') return none;
  if (Array.isArray(value)) return value.length === 0 ? none : value.map((item) => show(item, none)).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => `${key} : ${show(item, none)}`)
      .join(' · ');
  }
  return String(value);
}

/**
 * The audit trail of one object, newest first: who changed which fields,
 * from which value to which. `fieldLabel` names the fields in the person's language.
 */
export function HistoryTable({
  queryKey,
  fetchPage,
  fieldLabel,
}: {
  queryKey: readonly unknown[];
  fetchPage: (cursor?: string) => Promise<HistoryPage>;
  fieldLabel: (field: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const query = useInfiniteQuery({
    queryKey: ['history', ...queryKey],
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const entries = query.data?.pages.flatMap((page) => page.items) ?? [];
  const none = t('history.none');
  return (
    <Box component="section" aria-labelledby="history-title">
      <Typography component="h2" variant="h5" id="history-title" sx={{ mb: 1 }}>
        {t('history.title')}
      </Typography>
      {query.error && <ProblemAlert error={query.error} />}
      {/* Focusable and named: on a phone the table scrolls sideways, and keyboard users must reach it (WCAG 2.1.1). */}
      <TableContainer component={Paper} variant="outlined" tabIndex={0} role="region" aria-labelledby="history-title">
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('history.at')}</TableCell>
              <TableCell>{t('history.actor')}</TableCell>
              <TableCell>{t('history.action')}</TableCell>
              <TableCell>{t('history.changes')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {entries.map((entry) => {
              const created = entry.before === null;
              return (
                <TableRow key={entry.id} data-testid="history-entry">
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at, i18n.language)}</TableCell>
                  <TableCell>{entry.actor.login ?? entry.actor.subject}</TableCell>
                  <TableCell>{t(created ? 'history.created' : 'history.updated')}</TableCell>
                  <TableCell>
                    {!created && (
                      <ul style={{ margin: 0, paddingLeft: 16 }}>
                        {entry.changedFields.map((field) => (
                          <li key={field}>
                            {t('history.field', {
                              field: fieldLabel(field),
                              before: show(entry.before?.[field], none),
                              after: show(entry.after?.[field], none),
                            })}
                          </li>
                        ))}
                      </ul>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
            {query.isSuccess && entries.length === 0 && (
              <TableRow>
                <TableCell colSpan={4}>{t('history.empty')}</TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>
      {query.hasNextPage && (
        <Button sx={{ mt: 1 }} onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {t('history.more')}
        </Button>
      )}
    </Box>
  );
}
