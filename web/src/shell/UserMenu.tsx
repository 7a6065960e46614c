import { DownOutlined, KeyOutlined, LogoutOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ChangePasswordModal } from '../features/auth/ChangePasswordModal';
import { useLogout, type Me } from '../features/auth/api';
import { initialOf } from './MeDrawer';

export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [changingPassword, setChangingPassword] = useState(false);
  const logout = useLogout();
  const navigate = useNavigate();

  const onLogout = () => logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) });

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            {
              key: 'password',
              icon: <KeyOutlined />,
              label: <span data-testid="change-password">{t('header.changePassword')}</span>,
              onClick: () => setChangingPassword(true),
            },
            { type: 'divider' },
            {
              key: 'logout',
              icon: <LogoutOutlined />,
              label: <span data-testid="logout">{t('header.logout')}</span>,
              onClick: onLogout,
            },
          ],
        }}
      >
        <Button type="text" className="user-menu-button" title={me.displayName} data-testid="user-menu">
          <Space size={6}>
            <Avatar size={24} className="user-avatar">
              {initialOf(me.displayName)}
            </Avatar>
            <span className="user-menu-name" data-testid="user-name">
              {me.displayName}
            </span>
            <DownOutlined className="user-menu-caret" />
          </Space>
        </Button>
      </Dropdown>
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
    </>
  );
}
