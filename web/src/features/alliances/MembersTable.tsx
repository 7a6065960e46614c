import { Button, Space, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/dates';
import type { MembershipRole } from '../../lib/options';
import { LoadMore } from '../../lib/LoadMore';
import { useMembers, type Membership } from './api';

interface Props {
  allianceId: string;
  role: MembershipRole;
  onLeave: (membership: Membership) => void;
  onHistory: (membership: Membership) => void;
}

/** Current (not left) memberships of one part of the 1+X+N structure. */
export function MembersTable({ allianceId, role, onLeave, onHistory }: Props) {
  const { t } = useTranslation();
  const list = useMembers(allianceId, role);

  const columns: TableColumnsType<Membership> = [
    { title: t('members.organization'), key: 'name', render: (_, m) => m.organization.name },
    {
      title: t('organizations.chainPosition'),
      key: 'chain',
      render: (_, m) => (m.organization.chainPosition ? t(`chainPositions.${m.organization.chainPosition}`) : '—'),
    },
    {
      title: t('partyOrganization.type'),
      key: 'partyType',
      render: (_, m) =>
        m.organization.partyOrganization ? t(`partyOrgTypes.${m.organization.partyOrganization.type}`) : '—',
    },
    {
      title: t('partyOrganization.secretary'),
      key: 'secretary',
      render: (_, m) => m.organization.partyOrganization?.secretary ?? '—',
    },
    {
      title: t('partyOrganization.memberCount'),
      key: 'memberCount',
      render: (_, m) => m.organization.partyOrganization?.memberCount ?? '—',
    },
    { title: t('members.joinedOn'), dataIndex: 'joinedOn', render: formatDate },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, m) => (
        <Space size={0}>
          <Button type="link" onClick={() => onHistory(m)}>
            {t('members.history')}
          </Button>
          <Button type="link" danger onClick={() => onLeave(m)} data-testid="member-leave">
            {t('members.leave')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Table<Membership>
        rowKey="id"
        columns={columns}
        dataSource={list.items}
        loading={list.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid={`members-table-${role}`}
      />
      <LoadMore {...list} />
    </>
  );
}
