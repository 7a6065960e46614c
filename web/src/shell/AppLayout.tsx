import { Layout, Space, Tag, Typography } from 'antd';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import i18n, { currentLanguage, languageFromLocale, storedLanguage } from '../i18n';
import { useMe } from '../features/auth/api';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { BottomTabBar } from './BottomTabBar';
import { LanguageSwitch } from '../lib/LanguageSwitch';
import { PageLoading } from '../lib/PageLoading';
import { FirstRunTour } from './FirstRunTour';
import { SideNav } from './SideNav';
import { useDocumentTitle } from './useDocumentTitle';
import { UserMenu } from './UserMenu';

export function AppLayout() {
  const { t } = useTranslation();
  const { data: me } = useMe();

  // A profile locale applies until the user picks a language on this browser.
  useEffect(() => {
    const preferred = languageFromLocale(me?.locale);
    if (!storedLanguage() && preferred && preferred !== currentLanguage()) void i18n.changeLanguage(preferred);
  }, [me?.locale]);

  useDocumentTitle(me?.role);

  if (!me) return null;

  return (
    <Layout className="app-layout">
      <SideNav role={me.role} />
      <Layout>
        <Layout.Header className="app-header">
          <div className="app-header-start">
            <Typography.Text strong className="app-tenant-name" title={me.tenant?.name} data-testid="tenant-name">
              {me.tenant?.name ?? t('header.platform')}
            </Typography.Text>
            <Tag color="red">{t(`roles.${me.role}`)}</Tag>
          </div>
          <Space size="middle" className="app-header-end">
            <LanguageSwitch />
            <NotificationBell userId={me.id} />
            <UserMenu me={me} />
          </Space>
        </Layout.Header>
        <Layout.Content className="app-content">
          {/* A page whose code is still loading: a spinner under the menu and header, which stay. */}
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
        <BottomTabBar me={me} />
      </Layout>
      <FirstRunTour key={me.id} userId={me.id} role={me.role} />
    </Layout>
  );
}
