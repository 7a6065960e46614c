import { Drawer, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/dates';
import { LoadMore } from '../../lib/LoadMore';
import { useMembershipHistory, type Membership } from './api';

interface Props {
  allianceId: string;
  open: boolean;
  /** One organisation's history; the whole alliance's when absent. */
  organization?: { id: string; name: string };
  onClose: () => void;
}

export function MembershipHistoryDrawer({ allianceId, open, organization, onClose }: Props) {
  const { t } = useTranslation();
  const list = useMembershipHistory(allianceId, organization?.id, open);

  const columns: TableColumnsType<Membership> = [
    { title: t('members.organization'), key: 'name', render: (_, m) => m.organization.name },
    { title: t('members.role'), dataIndex: 'role', render: (role: string) => t(`membershipRoles.${role}`) },
    { title: t('members.joinedOn'), dataIndex: 'joinedOn', render: formatDate },
    {
      title: t('members.leftOn'),
      dataIndex: 'leftOn',
      render: (leftOn: string | null) =>
        leftOn ? formatDate(leftOn) : <Tag color="green">{t('members.current')}</Tag>,
    },
    { title: t('members.leaveReason'), dataIndex: 'leaveReason', render: (v: string | null) => v ?? '—' },
  ];

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={760}
      title={organization ? t('members.historyOf', { name: organization.name }) : t('members.historyAll')}
      data-testid="membership-history"
    >
      <Table<Membership>
        rowKey="id"
        columns={columns}
        dataSource={list.items}
        loading={list.isPending && open}
        pagination={false}
        rowClassName={(m) => (m.leftOn ? 'row-left' : '')}
      />
      <LoadMore {...list} />
    </Drawer>
  );
}
