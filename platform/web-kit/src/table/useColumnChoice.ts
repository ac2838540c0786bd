import { useCallback, useState } from 'react';

const key = (tableId: string) => `pegase.columns.${tableId}`;

/** The columns a person chose to see in a table, remembered in this browser. */
export function useColumnChoice(tableId: string, defaults: readonly string[]): [Set<string>, (column: string, shown: boolean) => void] {
  const [shown, setShown] = useState<Set<string>>(() => {
    try {
      const saved = JSON.parse(localStorage.getItem(key(tableId)) ?? 'null') as unknown;
      if (Array.isArray(saved)) return new Set(saved.filter((c): c is string => typeof c === 'string'));
    } catch {
      // A damaged choice falls back to the defaults.
    }
    return new Set(defaults);
  });
  const toggle = useCallback(
    (column: string, visible: boolean) =>
      setShown((current) => {
        const next = new Set(current);
        if (visible) next.add(column);
        else next.delete(column);
        localStorage.setItem(key(tableId), JSON.stringify([...next]));
        return next;
      }),
    [tableId],
  );
  return [shown, toggle];
}
