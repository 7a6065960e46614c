import { CloudSyncOutlined, EditOutlined, HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Descriptions, Space, Spin, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { formatDateTime } from '../../lib/dates';
import { MEMBERSHIP_ROLES, type MembershipRole } from '../../lib/options';
import { PageHeader } from '../../lib/PageHeader';
import { AddMemberModal } from './AddMemberModal';
import { AllianceFormModal } from './AllianceFormModal';
import { useAlliance, type Membership } from './api';
import { LeaveMemberModal } from './LeaveMemberModal';
import { MembersTable } from './MembersTable';
import { MembershipHistoryDrawer } from './MembershipHistoryDrawer';

const isRole = (value: string | null): value is MembershipRole => MEMBERSHIP_ROLES.includes(value as MembershipRole);

/** One alliance and its open "1+X+N" organisation: lead (1), departments (X), members (N). */
export function AlliancePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab: MembershipRole = isRole(tabParam) ? tabParam : 'lead';
  const alliance = useAlliance(id);

  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [leaving, setLeaving] = useState<Membership | null>(null);
  const [history, setHistory] = useState<{ open: boolean; organization?: { id: string; name: string } }>({
    open: false,
  });

  if (alliance.isError) throw alliance.error;
  if (alliance.isPending) return <Spin />;
  const { data } = alliance;

  const counts: Record<MembershipRole, number> = {
    lead: data.memberCounts.lead,
    department: data.memberCounts.departments,
    member: data.memberCounts.members,
  };

  return (
    <>
      <PageHeader
        title={data.name}
        subtitle={t('alliances.structure')}
        extra={
          <Space wrap>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
            <Link to={`/imports?allianceId=${data.id}`}>
              <Button icon={<CloudSyncOutlined />}>{t('nav.imports')}</Button>
            </Link>
            <Button
              icon={<HistoryOutlined />}
              onClick={() => setHistory({ open: true })}
              data-testid="membership-history-open"
            >
              {t('members.historyAll')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="member-add">
              {t('members.add')}
            </Button>
          </Space>
        }
      />
      <Card className="form-card">
        <Descriptions
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'industry', label: t('alliances.industry'), children: data.industry ?? '—' },
            { key: 'createdAt', label: t('common.createdAt'), children: formatDateTime(data.createdAt) },
            {
              key: 'counts',
              label: t('alliances.counts'),
              children: t('alliances.countsValue', {
                lead: counts.lead,
                departments: counts.department,
                members: counts.member,
              }),
            },
            { key: 'description', label: t('alliances.description'), children: data.description ?? '—', span: 3 },
          ]}
        />
      </Card>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        destroyOnHidden
        items={MEMBERSHIP_ROLES.map((role) => ({
          key: role,
          label: (
            <Space size={6} data-testid={`members-tab-${role}`}>
              {t(`alliances.tabs.${role}`)}
              <Badge count={counts[role]} showZero color="#8c8c8c" />
            </Space>
          ),
          children: (
            <MembersTable
              allianceId={data.id}
              role={role}
              onLeave={setLeaving}
              onHistory={(m) => setHistory({ open: true, organization: m.organization })}
            />
          ),
        }))}
      />
      <AllianceFormModal open={editing} alliance={data} onClose={() => setEditing(false)} />
      <AddMemberModal allianceId={data.id} open={adding} defaultRole={tab} onClose={() => setAdding(false)} />
      <LeaveMemberModal allianceId={data.id} membership={leaving} onClose={() => setLeaving(null)} />
      <MembershipHistoryDrawer
        allianceId={data.id}
        open={history.open}
        organization={history.organization}
        onClose={() => setHistory((prev) => ({ ...prev, open: false }))}
      />
    </>
  );
}
