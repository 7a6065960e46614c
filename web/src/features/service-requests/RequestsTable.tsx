import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/dates';
import { useIsPhone } from '../../lib/useIsPhone';
import { FitTable, type FitColumn } from '../../lib/FitTable';
import type { ServiceRequest } from './api';
import { RequestCards } from './RequestCards';
import { SlaTag, StatusTag, UrgencyTag, currentDue, isOpen } from './labels';

export interface RequestsTableProps {
  items: ServiceRequest[];
  loading: boolean;
  /** Which optional columns to show. */
  show?: { requester?: boolean; assigned?: boolean; handler?: boolean; escalation?: boolean };
  testId?: string;
  /** What an empty list shows: an EmptyState saying what the page is for. */
  empty?: ReactNode;
}

/** Service requests with their status, urgency, current deadline and SLA state; the number opens the detail. A phone gets cards instead (RequestCards). */
export function RequestsTable(props: RequestsTableProps) {
  const phone = useIsPhone();
  return phone ? <RequestCards {...props} /> : <RequestsGrid {...props} />;
}

function RequestsGrid({ items, loading, show = {}, testId, empty }: RequestsTableProps) {
  const { t, i18n } = useTranslation();
  // English status words ("In progress", "Overdue") need wider tags than two or three characters.
  const tag = i18n.language === 'en-US' ? 112 : 88;
  // Widths fit each column's usual content on one line; `drop` says what goes first when the
  // screen is narrower (1440 with the menu open leaves 1184 px, 1280 leaves 1024): the submission
  // time, then the category, the urgency, the handler, the requester.
  const columns: FitColumn<ServiceRequest>[] = [
    {
      title: t('serviceRequests.number'),
      dataIndex: 'number',
      width: 160,
      render: (number: string, request) => (
        <Link to={`/service-requests/${request.id}`} data-testid="sr-link">
          {number}
        </Link>
      ),
    },
    { title: t('serviceRequests.title'), dataIndex: 'title', width: 160, grow: true },
    { title: t('serviceRequests.category'), key: 'category', width: 120, drop: 4, render: (_, r) => r.category.name },
    ...(show.requester
      ? [
          {
            title: t('serviceRequests.requester'),
            key: 'requester',
            width: 120,
            drop: 1,
            render: (_: unknown, r: ServiceRequest) => r.requesterOrganization.name,
          },
        ]
      : []),
    ...(show.assigned
      ? [
          {
            title: t('serviceRequests.assigned'),
            key: 'assigned',
            width: 150,
            render: (_: unknown, r: ServiceRequest) => r.assignedOrganization?.name ?? '—',
          },
        ]
      : []),
    ...(show.handler
      ? [
          {
            title: t('serviceRequests.handler'),
            key: 'handler',
            width: 90,
            drop: 2,
            render: (_: unknown, r: ServiceRequest) => r.handler?.displayName ?? '—',
          },
        ]
      : []),
    {
      title: t('serviceRequests.status'),
      dataIndex: 'status',
      width: tag,
      render: (status: ServiceRequest['status']) => <StatusTag status={status} />,
    },
    {
      title: t('serviceRequests.urgency'),
      dataIndex: 'urgency',
      width: tag,
      drop: 3,
      render: (urgency: ServiceRequest['urgency']) => <UrgencyTag urgency={urgency} />,
    },
    {
      title: t('serviceRequests.dueAt'),
      key: 'due',
      width: 150,
      render: (_, r) => (isOpen(r.status) ? formatDateTime(currentDue(r)) : '—'),
    },
    {
      title: t('serviceRequests.sla'),
      dataIndex: 'slaState',
      width: tag,
      render: (state: ServiceRequest['slaState'], r) => (isOpen(r.status) ? <SlaTag state={state} /> : '—'),
    },
    ...(show.escalation
      ? [
          {
            title: t('serviceRequests.escalationLevel'),
            dataIndex: 'escalationLevel',
            width: 140,
            render: (level: number) => {
              const label = t(`serviceRequests.escalationLevels.${Math.min(Math.max(level, 0), 3)}`);
              return (
                <Tag
                  color={level >= 2 ? 'red' : level === 1 ? 'orange' : 'default'}
                  title={label}
                  data-testid="sr-escalation"
                >
                  {label}
                </Tag>
              );
            },
          },
        ]
      : []),
    { title: t('serviceRequests.submittedAt'), dataIndex: 'createdAt', width: 150, drop: 5, render: formatDateTime },
  ];

  return (
    <FitTable<ServiceRequest>
      rowKey="id"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      empty={empty}
      data-testid={testId}
    />
  );
}
