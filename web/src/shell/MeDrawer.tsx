import { Avatar, Badge, Drawer, Flex, Menu, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { Me } from '../features/auth/api';
import { LanguageSwitch } from '../lib/LanguageSwitch';
import { useNavigation } from './useNavigation';

/** The first character of a name, for the avatar (张伟 → 张, Li Na → L). */
export const initialOf = (name: string) => Array.from(name.trim())[0]?.toUpperCase() ?? '?';

/**
 * 我的 on a phone: who is signed in where, the rest of the role's menu (what the tab bar has no room
 * for), and the language.
 */
export function MeDrawer({
  me,
  open,
  onClose,
  exclude,
  unread,
}: {
  me: Me;
  open: boolean;
  onClose: () => void;
  /** Paths the tab bar already offers. */
  exclude: string[];
  unread: number;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = useNavigation(me.role).items.filter((item) => !exclude.includes(item.path));
  const selected = items.find((item) => pathname === item.path || pathname.startsWith(`${item.path}/`));

  return (
    <Drawer
      open={open}
      onClose={onClose}
      placement="right"
      size={300}
      title={t('phone.meTitle')}
      className="me-drawer"
      data-testid="me-drawer"
    >
      <Flex gap="middle" align="center" className="me-drawer-who">
        <Avatar size={48} className="user-avatar">
          {initialOf(me.displayName)}
        </Avatar>
        <div className="me-drawer-names">
          <Typography.Text strong ellipsis>
            {me.displayName}
          </Typography.Text>
          <Typography.Text type="secondary" ellipsis>
            {[me.tenant?.name, me.organization?.name].filter(Boolean).join(' · ') || t('header.platform')}
          </Typography.Text>
          <div>
            <Tag color="red">{t(`roles.${me.role}`)}</Tag>
          </div>
        </div>
      </Flex>
      <Menu
        mode="inline"
        className="me-drawer-menu"
        selectedKeys={selected ? [selected.path] : []}
        items={items.map((item) => ({
          key: item.path,
          icon: item.icon,
          label: (
            <Flex justify="space-between" align="center" data-testid={`more${item.path.replace(/\//g, '-')}`}>
              <span>{t(item.labelKey)}</span>
              {item.path === '/notifications' && <Badge count={unread} size="small" />}
            </Flex>
          ),
        }))}
        onClick={({ key }) => {
          onClose();
          void navigate(key);
        }}
      />
      <Flex justify="space-between" align="center" className="me-drawer-language">
        <Typography.Text type="secondary">{t('phone.language')}</Typography.Text>
        <LanguageSwitch />
      </Flex>
    </Drawer>
  );
}
