import { Alert, Button, Card, Col, Descriptions, Rate, Result, Row, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, errorMessage } from '../../api/errors';
import { formatDateTime } from '../../lib/dates';
import { useMe } from '../auth/api';
import { PageHeader } from '../../lib/PageHeader';
import { ActionBar } from './ActionBar';
import { useServiceRequest, type ServiceRequestDetail } from './api';
import { AttachmentsCard } from './AttachmentsCard';
import { CommentBox } from './CommentBox';
import { SlaTag, StatusTag, UrgencyTag, isOpen } from './labels';
import { TimelineCard } from './TimelineCard';

function Overview({ request }: { request: ServiceRequestDetail }) {
  const { t } = useTranslation();
  const contact = request.preferredContact;
  return (
    <Card className="section-card" data-testid="sr-overview">
      <Space wrap style={{ marginBottom: 16 }}>
        <StatusTag status={request.status} testId="sr-status" />
        <UrgencyTag urgency={request.urgency} />
        {isOpen(request.status) && <SlaTag state={request.slaState} />}
        {request.escalationLevel > 0 && isOpen(request.status) && (
          <Tag color="red" data-testid="sr-escalation">
            {t('serviceRequests.escalationTag', {
              level: t(`serviceRequests.escalationLevels.${Math.min(request.escalationLevel, 3)}`),
            })}
          </Tag>
        )}
      </Space>
      <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
        <Descriptions.Item label={t('serviceRequests.category')}>{request.category.name}</Descriptions.Item>
        <Descriptions.Item label={t('serviceRequests.requester')}>
          {request.requesterOrganization.name}
        </Descriptions.Item>
        <Descriptions.Item label={t('serviceRequests.contact.title')}>
          {[contact.name, contact.phone, contact.method && t(`serviceRequests.contactMethods.${contact.method}`)]
            .filter(Boolean)
            .join(' · ') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('serviceRequests.assigned')}>
          <span data-testid="sr-assigned">{request.assignedOrganization?.name ?? '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('serviceRequests.handler')}>
          <span data-testid="sr-handler">{request.handler?.displayName ?? '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('serviceRequests.submittedAt')}>
          {formatDateTime(request.createdAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('serviceRequests.acceptDueAt')}>
          {formatDateTime(request.acceptDueAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('serviceRequests.acceptedAt')}>
          {formatDateTime(request.acceptedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('serviceRequests.resolveDueAt')}>
          {formatDateTime(request.resolveDueAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('serviceRequests.resolvedAt')}>
          {formatDateTime(request.resolvedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('serviceRequests.closedAt')}>{formatDateTime(request.closedAt)}</Descriptions.Item>
        {request.rating !== null && (
          <Descriptions.Item label={t('serviceRequests.rating')}>
            <Space>
              <Rate disabled value={request.rating} style={{ fontSize: 14 }} />
              {request.ratingComment && <Typography.Text type="secondary">{request.ratingComment}</Typography.Text>}
            </Space>
          </Descriptions.Item>
        )}
        {request.mergedIntoId && (
          <Descriptions.Item label={t('serviceRequests.mergedInto')}>
            <Link to={`/service-requests/${request.mergedIntoId}`}>{t('common.view')}</Link>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

/** One service request for everyone concerned: facts, description, timeline, comments, files, actions. */
export function RequestDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data: me } = useMe();
  const query = useServiceRequest(id);

  if (query.isError) {
    const notFound =
      query.error instanceof ApiError && (query.error.statusCode === 404 || query.error.statusCode === 400);
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('serviceRequests.notFound') : errorMessage(query.error)}
        extra={
          <Link to="/">
            <Button type="primary">{t('common.backHome')}</Button>
          </Link>
        }
      />
    );
  }
  if (!query.data) return <Spin />;
  const request = query.data;
  const canWriteInternal =
    me?.role === 'township_admin' || (!!me?.organization && me.organization.id === request.assignedOrganization?.id);

  return (
    <>
      <PageHeader
        title={request.title}
        subtitle={<span data-testid="sr-number">{request.number}</span>}
        extra={<ActionBar request={request} />}
      />
      {request.status === 'submitted' && (
        <Alert
          type="info"
          showIcon
          icon={<Spin size="small" />}
          title={t('serviceRequests.awaitingRouting')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Overview request={request} />
      <Card title={t('serviceRequests.description')} className="section-card">
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="sr-detail-description">
          {request.description}
        </Typography.Paragraph>
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <TimelineCard entries={request.timeline} />
          <Card title={t('serviceRequests.comment.title')} className="section-card">
            <CommentBox requestId={request.id} canWriteInternal={canWriteInternal} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <AttachmentsCard requestId={request.id} attachments={request.attachments} />
        </Col>
      </Row>
    </>
  );
}
