import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { Role } from '../lib/options';
import { navItemFor } from './navigation';

/**
 * The browser tab names the page: its menu entry (a detail page takes its list's entry) and the
 * product, in the current language, e.g. "督办看板 · 联盟".
 */
export function useDocumentTitle(role: Role | undefined) {
  const { t, i18n } = useTranslation();
  const { pathname } = useLocation();
  const item = role ? navItemFor(role, pathname) : undefined;
  const app = t('app.name');
  const page = item ? t(item.labelKey) : undefined;

  useEffect(() => {
    document.title = page ? t('nav.documentTitle', { page, app }) : app;
  }, [page, app, t, i18n.language]);
}
