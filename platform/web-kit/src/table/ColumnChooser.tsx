import { useId, useState } from 'react';
import { Button, ListItemIcon, ListItemText, Menu, MenuItem } from '@mui/material';
import { useTranslation } from 'react-i18next';

export interface ChoosableColumn {
  id: string;
  label: string;
  /** A column that identifies the row cannot be hidden. */
  required?: boolean;
}

/** The state is told by aria-checked; the mark is for the eye only. */
function CheckMark({ checked }: { checked: boolean }) {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <rect x="3" y="3" width="18" height="18" rx="2" fill="none" stroke="currentColor" strokeWidth="2" />
      {checked && <path d="M7 12l3 3 7-7" fill="none" stroke="currentColor" strokeWidth="2.5" />}
    </svg>
  );
}

/** A menu of check boxes, one per column; the identifying columns stay. */
export function ColumnChooser({
  columns,
  shown,
  onToggle,
}: {
  columns: ChoosableColumn[];
  shown: Set<string>;
  onToggle: (id: string, shown: boolean) => void;
}) {
  const { t } = useTranslation();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = useId();
  return (
    <>
      <Button
        variant="outlined"
        aria-haspopup="true"
        aria-expanded={anchor !== null}
        aria-controls={anchor ? menuId : undefined}
        title={t('table.chooseColumns')}
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        {t('table.columns')}
      </Button>
      <Menu
        id={menuId}
        anchorEl={anchor}
        open={anchor !== null}
        onClose={() => setAnchor(null)}
        slotProps={{ list: { 'aria-label': t('table.chooseColumns') } }}
      >
        {columns.map((column) => (
          <MenuItem
            key={column.id}
            disabled={column.required}
            onClick={() => onToggle(column.id, !shown.has(column.id))}
            role="menuitemcheckbox"
            aria-checked={shown.has(column.id)}
          >
            <ListItemIcon>
              <CheckMark checked={shown.has(column.id)} />
            </ListItemIcon>
            <ListItemText primary={column.label} />
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
