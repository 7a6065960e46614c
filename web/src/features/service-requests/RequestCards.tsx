import { Card, Empty, Flex, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/dates';
import { SlaTag, StatusTag, UrgencyTag, currentDue, isOpen } from './labels';
import type { RequestsTableProps } from './RequestsTable';
import './request-cards.css';

/**
 * The requests on a phone: one card each, what a person scans for first (number, status, title,
 * deadline), the rest on one line below; the whole card opens the detail.
 */
export function RequestCards({ items, loading, show = {}, testId, empty }: RequestsTableProps) {
  const { t } = useTranslation();
  if (loading && items.length === 0) {
    return (
      <Flex justify="center" className="request-cards-empty">
        <Spin />
      </Flex>
    );
  }
  if (items.length === 0) {
    return (
      <div className="request-cards-empty" data-testid={testId}>
        {empty ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      </div>
    );
  }
  return (
    <div className="request-cards" data-testid={testId}>
      {items.map((request) => {
        const open = isOpen(request.status);
        const parties = [
          request.category.name,
          show.requester ? request.requesterOrganization.name : null,
          show.assigned ? request.assignedOrganization?.name : null,
          show.handler ? request.handler?.displayName : null,
        ].filter(Boolean);
        return (
          <Link key={request.id} to={`/service-requests/${request.id}`} className="request-card" data-testid="sr-link">
            <Card size="small" hoverable>
              <Flex justify="space-between" align="center" gap="small">
                <Typography.Text type="secondary" className="request-card-number">
                  {request.number}
                </Typography.Text>
                <StatusTag status={request.status} />
              </Flex>
              <Typography.Paragraph strong ellipsis={{ rows: 2 }} className="request-card-title">
                {request.title}
              </Typography.Paragraph>
              <Typography.Text type="secondary" ellipsis className="request-card-parties">
                {parties.join(' · ')}
              </Typography.Text>
              <Flex justify="space-between" align="center" gap="small" wrap className="request-card-footer">
                <span>
                  <UrgencyTag urgency={request.urgency} />
                  {open && <SlaTag state={request.slaState} />}
                  {show.escalation && request.escalationLevel > 0 && (
                    <Tag color={request.escalationLevel >= 2 ? 'red' : 'orange'} data-testid="sr-escalation">
                      {t(`serviceRequests.escalationLevels.${Math.min(request.escalationLevel, 3)}`)}
                    </Tag>
                  )}
                </span>
                <Typography.Text type="secondary" className="request-card-time">
                  {open
                    ? `${t('serviceRequests.dueAt')} ${formatDateTime(currentDue(request))}`
                    : `${t('serviceRequests.submittedAt')} ${formatDateTime(request.createdAt)}`}
                </Typography.Text>
              </Flex>
            </Card>
          </Link>
        );
      })}
    </div>
  );
}
