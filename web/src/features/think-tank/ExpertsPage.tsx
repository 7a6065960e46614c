import { Card, Space, Table, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../lib/PageHeader';
import { type Expert, type Workload, useExperts, useWorkload } from './api';
import { AvailabilityTag } from './labels';

/** Officials: the expert roster (智库专家) and each expert's reviewing workload. */
export function ExpertsPage() {
  const { t } = useTranslation();
  const experts = useExperts();
  const workload = useWorkload();
  return (
    <>
      <PageHeader title={t('thinkTank.experts.pageTitle')} />
      <Card>
        <Tabs
          items={[
            {
              key: 'roster',
              label: t('thinkTank.experts.roster'),
              children: (
                <Table<Expert>
                  rowKey="id"
                  loading={experts.isLoading}
                  dataSource={experts.data ?? []}
                  data-testid="experts-roster"
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  columns={[
                    {
                      title: t('thinkTank.experts.name'),
                      key: 'name',
                      render: (_, e) => (e.title ? `${e.displayName} · ${e.title}` : e.displayName),
                    },
                    {
                      title: t('thinkTank.experts.fields'),
                      key: 'fields',
                      render: (_, e) => e.fields.map((f) => <Tag key={f}>{f}</Tag>),
                    },
                    {
                      title: t('thinkTank.experts.affiliation'),
                      key: 'affiliation',
                      render: (_, e) => e.affiliationOrganization?.name ?? e.affiliationExternal ?? '—',
                    },
                    {
                      title: t('thinkTank.experts.availability'),
                      key: 'availability',
                      render: (_, e) => <AvailabilityTag availability={e.availability} />,
                    },
                    {
                      title: t('thinkTank.profile.declarations'),
                      key: 'declarations',
                      render: (_, e) => (
                        <Space direction="vertical" size={0}>
                          {e.declarations.map((d) => (
                            <span key={d.id}>
                              {d.organization?.name ?? d.user?.displayName}：{d.reason}
                            </span>
                          ))}
                        </Space>
                      ),
                    },
                  ]}
                />
              ),
            },
            {
              key: 'workload',
              label: t('thinkTank.experts.workload'),
              children: (
                <Table<Workload>
                  rowKey="expertId"
                  loading={workload.isLoading}
                  dataSource={workload.data ?? []}
                  data-testid="experts-workload"
                  pagination={false}
                  columns={[
                    { title: t('thinkTank.experts.name'), dataIndex: 'displayName' },
                    {
                      title: t('thinkTank.experts.availability'),
                      key: 'availability',
                      render: (_, w) => <AvailabilityTag availability={w.availability} />,
                    },
                    {
                      title: t('thinkTank.experts.openReviews'),
                      dataIndex: 'openReviews',
                      sorter: (a, b) => a.openReviews - b.openReviews,
                    },
                    { title: t('thinkTank.experts.submittedReviews'), dataIndex: 'submittedReviews' },
                    {
                      title: t('thinkTank.experts.onTimeRate'),
                      key: 'onTimeRate',
                      render: (_, w) => (w.onTimeRate === null ? '—' : `${Math.round(w.onTimeRate * 100)}%`),
                    },
                    {
                      title: t('thinkTank.experts.turnaround'),
                      key: 'turnaround',
                      render: (_, w) =>
                        w.averageTurnaroundDays === null
                          ? '—'
                          : t('thinkTank.experts.days', { n: w.averageTurnaroundDays.toFixed(1) }),
                    },
                  ]}
                />
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
