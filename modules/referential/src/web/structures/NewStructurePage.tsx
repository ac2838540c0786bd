import { Box } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, dataOf, PageHeading } from '@pegase/web-kit';
import { creationOf, emptyDraft } from './draft.ts';
import { StructureForm } from './StructureForm.tsx';

/** Creates a structure, then opens its page. */
export default function NewStructurePage() {
  const { t } = useTranslation('referential');
  const navigate = useNavigate();
  const client = useQueryClient();
  return (
    <Box>
      <PageHeading>{t('structures.createTitle')}</PageHeading>
      <StructureForm
        initial={emptyDraft}
        creating
        onCancel={() => void navigate('/structures')}
        onSubmit={async (draft) => {
          const created = dataOf(await api.POST('/api/referential/v1/structures', { body: creationOf(draft) }));
          await client.invalidateQueries();
          void navigate(`/structures/${created.id}`, { state: { notice: 'created' } });
        }}
      />
    </Box>
  );
}
