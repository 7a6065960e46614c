import { Layout, Menu, type MenuProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { Role } from '../lib/options';
import { isNavGroup, navGroupFor, navItemFor, type NavItem } from './navigation';
import { useNavigation } from './useNavigation';
import './navigation.css';

/** Kept in this browser: which groups are open, and whether the menu is folded to its icons. */
const OPEN_GROUPS_KEY = 'lianmeng.nav.openGroups';
const COLLAPSED_KEY = 'lianmeng.nav.collapsed';

/** The open groups with `group` among them. */
function withGroup(keys: string[], group: string | undefined): string[] {
  return !group || keys.includes(group) ? keys : [...keys, group];
}

function storedOpenGroups(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(OPEN_GROUPS_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((key): key is string => typeof key === 'string') : [];
  } catch {
    return [];
  }
}

const storedCollapsed = () => localStorage.getItem(COLLAPSED_KEY) === 'true';

/** The side menu: a role's entries in collapsible groups, folded to icons on request, hidden on narrow screens. */
export function SideNav({ role }: { role: Role }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { menu } = useNavigation(role);
  const selected = navItemFor(role, pathname);
  const currentGroup = navGroupFor(role, pathname)?.key;

  // Arriving on a page (a link, the workbench, the address bar) opens its group, so its entry shows:
  // adjusted while rendering when the page's group changes, not in an effect after it.
  const [openKeys, setOpenKeys] = useState(() => withGroup(storedOpenGroups(), currentGroup));
  const [openedFor, setOpenedFor] = useState(currentGroup);
  if (openedFor !== currentGroup) {
    setOpenedFor(currentGroup);
    setOpenKeys(withGroup(openKeys, currentGroup));
  }
  const [collapsed, setCollapsed] = useState(storedCollapsed);
  // Below antd's `lg` breakpoint the menu folds away entirely, whatever was chosen on a wide screen.
  const [narrow, setNarrow] = useState(false);

  useEffect(() => localStorage.setItem(OPEN_GROUPS_KEY, JSON.stringify(openKeys)), [openKeys]);

  const onCollapse = (next: boolean, type: 'clickTrigger' | 'responsive') => {
    if (type === 'responsive') {
      setNarrow(next);
      setCollapsed(next || storedCollapsed());
      return;
    }
    setCollapsed(next);
    if (!narrow) localStorage.setItem(COLLAPSED_KEY, String(next));
  };

  const entry = (item: NavItem) => ({
    key: item.path,
    icon: item.icon,
    label: <span data-testid={`nav-${item.path.slice(1)}`}>{t(item.labelKey)}</span>,
  });
  const items: MenuProps['items'] = menu.map((e) =>
    isNavGroup(e)
      ? {
          key: e.key,
          icon: e.icon,
          // The paths inside, so a test can open the group that holds an entry before it is drawn.
          label: (
            <span
              data-testid={`nav-${e.key.replace(':', '-')}`}
              data-paths={e.items.map((item) => item.path).join(' ')}
            >
              {t(e.labelKey)}
            </span>
          ),
          children: e.items.map(entry),
        }
      : entry(e),
  );

  // Folded to icons, groups open as pop-ups on hover: those must not be remembered as open groups.
  const openState: MenuProps = collapsed ? {} : { openKeys, onOpenChange: setOpenKeys };

  return (
    <Layout.Sider
      className="app-sider"
      breakpoint="lg"
      collapsible
      collapsed={collapsed}
      collapsedWidth={narrow ? 0 : 64}
      onCollapse={onCollapse}
      width={208}
      theme="dark"
    >
      <div className="app-logo">{t('app.name')}</div>
      <nav data-testid="main-nav" aria-label={t('nav.label')}>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={selected ? [selected.path] : []}
          items={items}
          onClick={({ key }) => void navigate(key)}
          {...openState}
        />
      </nav>
    </Layout.Sider>
  );
}
