import { useEffect, useRef, useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Chip, Link, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '@pegase/web-kit';
import { memberKey, pageOf, sortMembers } from '../common/groups.ts';
import { learnerName } from '../common/lookups.ts';
import { RegistrationProblem } from '../common/RegistrationProblem.tsx';
import { classListCsv, getClassList, type ClassListFilter, type ClassMember } from '../registration-api.ts';
import { CLASS_LIST_TABLE, useGroups, useGroupsChanged } from './group-queries.ts';
import { PlacementDialog } from './PlacementDialog.tsx';

interface Downloaded {
  url: string;
  filename: string;
}

/**
 * The class list of a course: who follows it (every path, or the one
 * chosen), with their groups and whether they are exempted; sorted by name,
 * number or group, filtered by group; the API's CSV (« Télécharger (CSV) »)
 * fetched with the token and handed over as a download. Staff change a
 * learner's groups from their row.
 */
export function ClassListPanel({
  objectId,
  courseCode,
  courseName,
  paths,
  canWrite,
}: {
  objectId: string;
  courseCode: string;
  courseName: string;
  paths: string[];
  canWrite: boolean;
}) {
  const { t } = useTranslation('registration');
  const groups = useGroups(objectId);
  const changed = useGroupsChanged(objectId);
  const [groupId, setGroupId] = useState('');
  const [path, setPath] = useState('');
  const [placing, setPlacing] = useState<ClassMember | null>(null);
  const [notice, setNotice] = useState('');
  const [downloading, setDownloading] = useState(false);
  const [downloaded, setDownloaded] = useState<Downloaded | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const link = useRef<HTMLAnchorElement>(null);
  const list = groups.data ?? [];
  const filter: ClassListFilter = { ...(groupId ? { groupId } : {}), ...(path ? { path } : {}) };

  // The file's address lives while the page shows its link; a new file is handed over at once.
  useEffect(() => () => (downloaded ? URL.revokeObjectURL(downloaded.url) : undefined), [downloaded]);
  useEffect(() => {
    if (downloaded) link.current?.click();
  }, [downloaded]);

  const download = async () => {
    setDownloading(true);
    setFailure(null);
    setNotice('');
    try {
      const { blob, filename } = await classListCsv(objectId, filter);
      setDownloaded({ url: URL.createObjectURL(blob), filename: filename ?? `liste-${courseCode}.csv` });
    } catch (error) {
      setFailure(error);
    } finally {
      setDownloading(false);
    }
  };

  const columns: Column<ClassMember>[] = [
    { id: 'code', label: t('classList.code'), cell: (member) => member.learnerCode, sortable: true, key: true },
    { id: 'name', label: t('classList.name'), cell: (member) => learnerName(member), sortable: true },
    {
      id: 'path',
      label: t('classList.path'),
      cell: (member) => (
        <Box component="span" sx={{ overflowWrap: 'anywhere' }}>
          {member.path}
        </Box>
      ),
      text: (member) => member.path,
      hiddenByDefault: paths.length < 2,
    },
    {
      id: 'group',
      label: t('classList.groups'),
      cell: (member) =>
        member.groups.length === 0 ? (
          <Box component="span" sx={{ color: 'text.secondary' }}>
            {t('classList.noGroup')}
          </Box>
        ) : (
          <span data-testid="member-groups">{member.groups.join(', ')}</span>
        ),
      text: (member) => member.groups.join(' '),
      sortable: true,
    },
    {
      id: 'exempted',
      label: t('classList.exempted'),
      cell: (member) =>
        member.exempted ? (
          <Chip size="small" variant="outlined" label={t('classList.exempted')} title={t('classList.exemptedHelp')} />
        ) : member.carriedOver ? (
          <Chip size="small" variant="outlined" label={t('classList.carriedOver')} title={t('classList.carriedOverHelp')} />
        ) : (
          ''
        ),
      text: (member) => (member.exempted ? t('classList.exempted') : member.carriedOver ? t('classList.carriedOver') : ''),
    },
    ...(canWrite
      ? [
          {
            id: 'actions',
            label: t('classList.actions'),
            cell: (member: ClassMember) => (
              <Button
                size="small"
                variant="outlined"
                onClick={() => {
                  setNotice('');
                  setPlacing(member);
                }}
                disabled={list.length === 0}
                aria-label={t('classList.changeOf', { name: learnerName(member) })}
              >
                {t('classList.change')}
              </Button>
            ),
            text: () => '',
          },
        ]
      : []),
  ];

  const toolbar = (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ flexWrap: 'wrap', alignItems: { sm: 'center' }, minWidth: 0 }}>
      <TextField
        select
        id="class-list-group"
        label={t('classList.groupFilter')}
        value={groupId}
        onChange={(event) => setGroupId(event.target.value)}
        slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
        size="small"
        sx={{ minWidth: 180 }}
      >
        <option value="">{t('classList.allGroups')}</option>
        {list.map((group) => (
          <option key={group.id} value={group.id}>
            {group.code}
          </option>
        ))}
      </TextField>
      {paths.length > 1 && (
        <TextField
          select
          id="class-list-path"
          label={t('classList.pathFilter')}
          value={path}
          onChange={(event) => setPath(event.target.value)}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
          size="small"
          sx={{ minWidth: 220, maxWidth: '100%' }}
        >
          <option value="">{t('classList.allPaths')}</option>
          {paths.map((item) => (
            <option key={item} value={item}>
              {item}
            </option>
          ))}
        </TextField>
      )}
      <Button variant="outlined" onClick={() => void download()} disabled={downloading}>
        {downloading ? t('classList.downloading') : t('classList.download')}
      </Button>
    </Stack>
  );

  return (
    <Card variant="outlined" component="section" aria-labelledby="class-list-title" sx={{ mb: 3 }}>
      <CardContent sx={{ px: { xs: 1.5, sm: 2 } }}>
        <Typography component="h3" variant="h6" id="class-list-title" sx={{ mb: 1 }}>
          {t('classList.title')}
        </Typography>
        {canWrite && groups.isSuccess && list.length === 0 && (
          <Typography variant="body2" sx={{ mb: 1 }}>
            {t('classList.noGroupYet')}
          </Typography>
        )}
        <Box role="status" aria-live="polite" data-testid="class-list-notice">
          {notice && (
            <Alert severity="success" role="none" sx={{ mb: 2 }}>
              {notice}
            </Alert>
          )}
          {downloaded && (
            <Alert severity="success" role="none" sx={{ mb: 2 }} data-testid="class-list-file">
              <Link ref={link} href={downloaded.url} download={downloaded.filename}>
                {t('classList.downloaded', { file: downloaded.filename })}
              </Link>
            </Alert>
          )}
        </Box>
        {failure !== null && <RegistrationProblem error={failure} />}
        <DataTable
          id={CLASS_LIST_TABLE}
          title={t('classList.tableTitle', { course: courseName })}
          columns={columns}
          filters={[objectId, groupId, path]}
          fetchPage={async (request) => pageOf(sortMembers((await getClassList(objectId, filter)).members, request.sort), request)}
          rowKey={memberKey}
          {...(canWrite ? { rowHref: (member: ClassMember) => `/enrolments/${member.enrolmentId}/cursus` } : {})}
          defaultSort="name"
          pageSize={50}
          toolbar={toolbar}
          exportName={`apprenants-${courseCode}`}
        />
        {placing && (
          <PlacementDialog
            member={placing}
            groups={list}
            onClose={() => setPlacing(null)}
            onChanged={changed}
            onDone={(message) => {
              setPlacing(null);
              setNotice(message);
            }}
          />
        )}
      </CardContent>
    </Card>
  );
}
