import { Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/dates';
import { useIsPhone } from '../../lib/useIsPhone';
import type { ServiceRequest } from './api';
import { RequestCards } from './RequestCards';
import { SlaTag, StatusTag, UrgencyTag, currentDue, isOpen } from './labels';

export interface RequestsTableProps {
  items: ServiceRequest[];
  loading: boolean;
  /** Which optional columns to show. */
  show?: { requester?: boolean; assigned?: boolean; handler?: boolean; escalation?: boolean };
  testId?: string;
}

/** Service requests with their status, urgency, current deadline and SLA state; the number opens the detail. A phone gets cards instead (RequestCards). */
export function RequestsTable(props: RequestsTableProps) {
  const phone = useIsPhone();
  return phone ? <RequestCards {...props} /> : <RequestsGrid {...props} />;
}

function RequestsGrid({ items, loading, show = {}, testId }: RequestsTableProps) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ServiceRequest> = [
    {
      title: t('serviceRequests.number'),
      dataIndex: 'number',
      render: (number: string, request) => (
        <Link to={`/service-requests/${request.id}`} data-testid="sr-link">
          {number}
        </Link>
      ),
    },
    { title: t('serviceRequests.title'), dataIndex: 'title', ellipsis: true },
    { title: t('serviceRequests.category'), key: 'category', render: (_, r) => r.category.name },
    ...(show.requester
      ? [{ title: t('serviceRequests.requester'), key: 'requester', render: (_: unknown, r: ServiceRequest) => r.requesterOrganization.name }]
      : []),
    ...(show.assigned
      ? [{ title: t('serviceRequests.assigned'), key: 'assigned', render: (_: unknown, r: ServiceRequest) => r.assignedOrganization?.name ?? '—' }]
      : []),
    ...(show.handler
      ? [{ title: t('serviceRequests.handler'), key: 'handler', render: (_: unknown, r: ServiceRequest) => r.handler?.displayName ?? '—' }]
      : []),
    {
      title: t('serviceRequests.status'),
      dataIndex: 'status',
      render: (status: ServiceRequest['status']) => <StatusTag status={status} />,
    },
    {
      title: t('serviceRequests.urgency'),
      dataIndex: 'urgency',
      render: (urgency: ServiceRequest['urgency']) => <UrgencyTag urgency={urgency} />,
    },
    {
      title: t('serviceRequests.dueAt'),
      key: 'due',
      render: (_, r) => (isOpen(r.status) ? formatDateTime(currentDue(r)) : '—'),
    },
    {
      title: t('serviceRequests.sla'),
      dataIndex: 'slaState',
      render: (state: ServiceRequest['slaState'], r) => (isOpen(r.status) ? <SlaTag state={state} /> : '—'),
    },
    ...(show.escalation
      ? [
          {
            title: t('serviceRequests.escalationLevel'),
            dataIndex: 'escalationLevel',
            render: (level: number) => (
              <Tag color={level >= 2 ? 'red' : level === 1 ? 'orange' : 'default'} data-testid="sr-escalation">
                {t(`serviceRequests.escalationLevels.${Math.min(Math.max(level, 0), 3)}`)}
              </Tag>
            ),
          },
        ]
      : []),
    { title: t('serviceRequests.submittedAt'), dataIndex: 'createdAt', render: formatDateTime },
  ];

  return (
    <Table<ServiceRequest>
      rowKey="id"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid={testId}
    />
  );
}
