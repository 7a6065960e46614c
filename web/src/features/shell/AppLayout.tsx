import { Layout, Menu, Space, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import i18n, { currentLanguage, languageFromLocale, storedLanguage } from '../../i18n';
import { useMe } from '../auth/api';
import { NotificationBell } from '../notifications/NotificationBell';
import { LanguageSwitch } from './LanguageSwitch';
import { navigationByRole } from './navigation';
import { UserMenu } from './UserMenu';

export function AppLayout() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  // A profile locale applies until the user picks a language on this browser.
  useEffect(() => {
    const preferred = languageFromLocale(me?.locale);
    if (!storedLanguage() && preferred && preferred !== currentLanguage()) void i18n.changeLanguage(preferred);
  }, [me?.locale]);

  if (!me) return null;

  const items = navigationByRole[me.role];
  const selected = items.find((item) => pathname === item.path || pathname.startsWith(`${item.path}/`));

  return (
    <Layout className="app-layout">
      <Layout.Sider breakpoint="lg" collapsedWidth={0} width={208} theme="dark">
        <div className="app-logo">{t('app.name')}</div>
        <nav data-testid="main-nav" aria-label={t('nav.label')}>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={selected ? [selected.path] : []}
            items={items.map((item) => ({
              key: item.path,
              icon: item.icon,
              label: <span data-testid={`nav-${item.path.slice(1)}`}>{t(item.labelKey)}</span>,
            }))}
            onClick={({ key }) => navigate(key)}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <Space size="middle">
            <Typography.Text strong className="app-tenant-name" data-testid="tenant-name">
              {me.tenant?.name ?? t('header.platform')}
            </Typography.Text>
            <Tag color="red">{t(`roles.${me.role}`)}</Tag>
          </Space>
          <Space size="middle">
            <LanguageSwitch />
            <NotificationBell userId={me.id} />
            <UserMenu me={me} />
          </Space>
        </Layout.Header>
        <Layout.Content className="app-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
