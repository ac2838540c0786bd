import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Each page names itself in the browser's title bar and history (RGAA 8.5, 8.6). */
export function usePageTitle(title: string | undefined): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = title ? `${title} — ${t('app.name')}` : t('app.name');
  }, [title, t]);
}
