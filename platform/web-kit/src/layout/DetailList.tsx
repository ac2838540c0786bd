import { Box } from '@mui/material';
import type { ReactNode } from 'react';

export interface Detail {
  term: string;
  value: ReactNode;
  lang?: string;
  testId?: string;
}

/** The fields of a record as a description list: terms beside values, stacked on a phone. */
export function DetailList({ items }: { items: Detail[] }) {
  return (
    <Box
      component="dl"
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: '1fr', sm: 'max-content 1fr' },
        columnGap: 3,
        rowGap: 1,
        m: 0,
        '& dt': { fontWeight: 600 },
        '& dd': { m: 0, mb: { xs: 1, sm: 0 } },
      }}
    >
      {items.map((item) => (
        <Box key={item.term} sx={{ display: 'contents' }}>
          <dt>{item.term}</dt>
          <dd lang={item.lang} data-testid={item.testId}>
            {item.value}
          </dd>
        </Box>
      ))}
    </Box>
  );
}
