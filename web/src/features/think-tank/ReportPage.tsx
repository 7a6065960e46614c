import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Result, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../lib/dates';
import { PageHeader } from '../../lib/PageHeader';
import { useReport } from './api';
import { AssignPanel, DecisionPanel, PublishButton } from './EditorPanels';
import { fullReason } from './errors';
import { ReportStatusTag } from './labels';
import { RecommendationsCard } from './RecommendationsCard';
import { ReportRounds } from './ReportRounds';
import { ReportVersions } from './ReportVersions';

/** A report as its viewer may see it: the author submits and revises, the editor assigns and decides. */
export function ReportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data: report, isLoading, error } = useReport(id);

  if (isLoading) return <Skeleton active />;
  if (!report) return <Result status="warning" title={fullReason(error)} />;

  const editor = report.viewerRole === 'editor';
  const underReview = report.status === 'under_review';
  const converting = report.status === 'accepted' || report.status === 'published';
  const backTo = report.viewerRole === 'reader' ? '/think-tank/library' : '/think-tank/reports';

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            <span data-testid="report-title">{report.title}</span>
            <ReportStatusTag status={report.status} testId="report-status" />
          </Space>
        }
        subtitle={
          <Space split="·" wrap>
            <span data-testid="report-viewer-role" data-role={report.viewerRole}>
              {t(`thinkTank.viewerRoles.${report.viewerRole}`)}
            </span>
            <span>{t('thinkTank.report.currentRound', { n: report.currentRound })}</span>
            <span>{t(`thinkTank.blindModes.${report.blindMode}`)}</span>
          </Space>
        }
        extra={
          <Space>
            {editor && report.status === 'accepted' && <PublishButton report={report} />}
            <Link to={backTo}>
              <Button icon={<ArrowLeftOutlined />}>{t('thinkTank.report.back')}</Button>
            </Link>
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            <Card data-testid="report-overview">
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('thinkTank.fields.authors')}>
                  {report.authors
                    ? report.authors
                        .map((a) => (a.organization ? `${a.displayName}（${a.organization.name}）` : a.displayName))
                        .join('、')
                    : t('thinkTank.hidden')}
                </Descriptions.Item>
                <Descriptions.Item label={t('thinkTank.fields.topics')}>
                  {report.topics.length ? report.topics.map((topic) => <Tag key={topic}>{topic}</Tag>) : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('thinkTank.fields.subjects')}>
                  {report.subjectOrganizations.length
                    ? report.subjectOrganizations.map((org) => org.name).join('、')
                    : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('common.createdAt')}>{formatDateTime(report.createdAt)}</Descriptions.Item>
                {report.publishedAt && (
                  <Descriptions.Item label={t('thinkTank.fields.publishedAt')}>
                    {formatDateTime(report.publishedAt)}
                  </Descriptions.Item>
                )}
              </Descriptions>
              <Typography.Title level={5}>{t('thinkTank.fields.abstract')}</Typography.Title>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="report-abstract-text">
                {report.abstract}
              </Typography.Paragraph>
            </Card>
            {report.viewerRole === 'author' && report.status === 'revision_requested' && (
              <Alert
                type="warning"
                showIcon
                message={t('thinkTank.report.revisionRequested')}
                data-testid="report-revision-hint"
              />
            )}
            {editor && underReview && <AssignPanel report={report} />}
            {editor && underReview && <DecisionPanel report={report} />}
            <ReportRounds report={report} />
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            <ReportVersions report={report} />
            {/* A reviewer from whom the authors are hidden may not list the action items: they name people and organisations. */}
            {(converting || report.recommendations.total > 0) &&
              !(report.viewerRole === 'reviewer' && report.authors === null) && <RecommendationsCard report={report} />}
          </Space>
        </Col>
      </Row>
    </>
  );
}
