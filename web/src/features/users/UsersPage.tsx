import { UserAddOutlined } from '@ant-design/icons';
import { App, Button, Input, Popconfirm, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDateTime } from '../../lib/dates';
import { ROLES, USER_STATUSES, optionsOf } from '../../lib/options';
import { useShowError } from '../../lib/useShowError';
import { useMe } from '../auth/api';
import { FitTable, type FitColumn } from '../../lib/FitTable';
import { LoadMore } from '../../lib/LoadMore';
import { PageHeader } from '../../lib/PageHeader';
import { useSetUserEnabled, useUsers, type User, type UserFilters } from './api';
import { EditUserModal } from './EditUserModal';
import { InviteUserModal } from './InviteUserModal';

const STATUS_COLORS: Record<User['status'], string> = { invited: 'gold', active: 'green', disabled: 'default' };

export function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const filters: UserFilters = {
    q: params.get('q') || undefined,
    role: (params.get('role') as UserFilters['role']) || undefined,
    status: (params.get('status') as UserFilters['status']) || undefined,
  };
  const list = useUsers(filters);
  const setEnabled = useSetUserEnabled();
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);

  const setFilter = (key: keyof UserFilters, value: string | undefined) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const toggle = (user: User, enabled: boolean) =>
    setEnabled.mutate(
      { id: user.id, enabled },
      {
        onSuccess: () => void message.success(enabled ? t('users.enabled') : t('users.disabled')),
        onError: (error) => showError(error),
      },
    );

  // What goes first when the screen is narrow: when the account was made, then the mobile number.
  const columns: FitColumn<User>[] = [
    { title: t('users.displayName'), dataIndex: 'displayName', width: 110, grow: true },
    { title: t('users.email'), dataIndex: 'email', width: 200, render: (v: string | null) => v ?? '—' },
    { title: t('users.mobile'), dataIndex: 'mobile', width: 130, drop: 1, render: (v: string | null) => v ?? '—' },
    { title: t('users.role'), dataIndex: 'role', width: 110, render: (role: string) => t(`roles.${role}`) },
    { title: t('users.organization'), key: 'org', width: 180, render: (_, u) => u.organization?.name ?? '—' },
    {
      title: t('users.status'),
      dataIndex: 'status',
      width: 90,
      render: (status: User['status']) => <Tag color={STATUS_COLORS[status]}>{t(`userStatuses.${status}`)}</Tag>,
    },
    { title: t('common.createdAt'), dataIndex: 'createdAt', width: 150, drop: 2, render: formatDateTime },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 180,
      ellipsis: false,
      render: (_, user) =>
        user.id === me?.id ? null : (
          <Space size={0}>
            <Button type="link" onClick={() => setEditing(user)} data-testid="user-edit">
              {t('users.changeRole')}
            </Button>
            {user.status === 'disabled' ? (
              <Button type="link" onClick={() => toggle(user, true)} data-testid="user-enable">
                {t('users.enable')}
              </Button>
            ) : (
              <Popconfirm
                title={t('users.disableConfirm', { name: user.displayName })}
                okText={t('users.disable')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => toggle(user, false)}
              >
                <Button type="link" danger data-testid="user-disable">
                  {t('users.disable')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.users')}
        extra={
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setInviting(true)} data-testid="user-invite">
            {t('users.invite')}
          </Button>
        }
      />
      <Space wrap className="filters">
        <Input.Search
          allowClear
          defaultValue={filters.q}
          placeholder={t('users.searchPlaceholder')}
          onSearch={(value) => setFilter('q', value.trim() || undefined)}
          style={{ width: 260 }}
        />
        <Select
          allowClear
          value={filters.role}
          placeholder={t('users.roleFilter')}
          options={optionsOf(ROLES, t, 'roles')}
          onChange={(value) => setFilter('role', value)}
          style={{ width: 180 }}
        />
        <Select
          allowClear
          value={filters.status}
          placeholder={t('users.statusFilter')}
          options={optionsOf(USER_STATUSES, t, 'userStatuses')}
          onChange={(value) => setFilter('status', value)}
          style={{ width: 140 }}
        />
      </Space>
      <FitTable<User>
        rowKey="id"
        columns={columns}
        dataSource={list.items}
        loading={list.isPending}
        pagination={false}
        data-testid="users-table"
      />
      <LoadMore {...list} />
      <InviteUserModal open={inviting} onClose={() => setInviting(false)} />
      <EditUserModal user={editing} onClose={() => setEditing(null)} />
    </>
  );
}
