import { ArrowLeftOutlined, DownloadOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Radio,
  Result,
  Row,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useShowError } from '../../lib/useShowError';
import { PageHeader } from '../../lib/PageHeader';
import {
  type Assignment,
  DECISIONS,
  type Decision,
  useAssignment,
  useDownloadVersion,
  useRespondToInvitation,
  useSaveReview,
  useSubmitReview,
} from './api';
import { fullReason } from './errors';
import { AssignmentStatusTag, DueText, invitationLapsed, LapsedInvitationText, reviewerLabel } from './labels';
import { ReviewCard } from './ReportRounds';

interface Values {
  scores: Record<string, number | undefined>;
  recommendation?: Decision;
  commentsToAuthors?: string;
  confidentialComments?: string;
}

function ReportBrief({ assignment }: { assignment: Assignment }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const download = useDownloadVersion(assignment.report.id);
  const { report } = assignment;
  return (
    <Card title={t('thinkTank.review.report')} data-testid="review-report">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {report.title}
      </Typography.Title>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('thinkTank.fields.authors')}>
          {report.authors ? report.authors.map((a) => a.displayName).join('、') : t('thinkTank.hiddenDoubleBlind')}
        </Descriptions.Item>
        <Descriptions.Item label={t('thinkTank.fields.topics')}>
          {report.topics.map((topic) => (
            <Tag key={topic}>{topic}</Tag>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('thinkTank.versions.title')}>
          {t('thinkTank.versions.version', { n: report.versionNumber })}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{report.abstract}</Typography.Paragraph>
      {report.response && (
        <Alert
          type="info"
          data-testid="review-author-response"
          message={t('thinkTank.versions.response')}
          description={<span style={{ whiteSpace: 'pre-wrap' }}>{report.response}</span>}
          style={{ marginBottom: 12 }}
        />
      )}
      <Button
        icon={<DownloadOutlined />}
        loading={download.isPending}
        onClick={() =>
          download.mutate({ id: report.versionId, fileName: 'report' }, { onError: (error) => showError(error) })
        }
        data-testid="review-download"
      >
        {t('thinkTank.versions.download')}
      </Button>
    </Card>
  );
}

function ReviewForm({ assignment }: { assignment: Assignment }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const save = useSaveReview(assignment.id);
  const submit = useSubmitReview(assignment.id);
  const { mine, rubric } = assignment;

  const body = (values: Values) => ({
    scores: Object.fromEntries(Object.entries(values.scores ?? {}).filter(([, v]) => typeof v === 'number')) as Record<
      string,
      number
    >,
    recommendation: values.recommendation,
    commentsToAuthors: values.commentsToAuthors ?? '',
    confidentialComments: values.confidentialComments ?? '',
  });

  return (
    <Card title={t('thinkTank.review.form')} data-testid="review-form">
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          scores: mine.scores ?? {},
          recommendation: mine.recommendation ?? undefined,
          commentsToAuthors: mine.commentsToAuthors ?? '',
          confidentialComments: mine.confidentialComments ?? '',
        }}
      >
        <Typography.Title level={5}>{t('thinkTank.review.rubric')}</Typography.Title>
        {rubric.map((criterion) => (
          <Form.Item
            key={criterion.key}
            name={['scores', criterion.key]}
            label={`${criterion.label}（1–${criterion.maxScore}）`}
            extra={criterion.description}
            rules={[
              {
                type: 'number',
                min: 1,
                max: criterion.maxScore,
                message: t('thinkTank.review.scoreRange', { max: criterion.maxScore }),
              },
            ]}
          >
            {criterion.maxScore <= 10 ? (
              <Radio.Group optionType="button" buttonStyle="solid" data-testid={`score-${criterion.key}`}>
                {Array.from({ length: criterion.maxScore }, (_, i) => i + 1).map((n) => (
                  <Radio.Button key={n} value={n} data-testid={`score-${criterion.key}-${n}`}>
                    {n}
                  </Radio.Button>
                ))}
              </Radio.Group>
            ) : (
              <InputNumber min={1} max={criterion.maxScore} precision={0} data-testid={`score-${criterion.key}`} />
            )}
          </Form.Item>
        ))}
        <Form.Item name="recommendation" label={t('thinkTank.review.recommendation')}>
          <Radio.Group optionType="button" data-testid="review-recommendation">
            {DECISIONS.map((value) => (
              <Radio.Button key={value} value={value} data-testid={`review-recommendation-${value}`}>
                {t(`thinkTank.decisions.${value}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="commentsToAuthors"
          label={t('thinkTank.review.commentsToAuthors')}
          extra={t('thinkTank.review.commentsHelp')}
        >
          <Input.TextArea rows={6} maxLength={20000} showCount data-testid="review-comments-input" />
        </Form.Item>
        <Form.Item
          name="confidentialComments"
          label={t('thinkTank.review.confidentialComments')}
          extra={t('thinkTank.review.confidentialHelp')}
        >
          <Input.TextArea rows={4} maxLength={20000} data-testid="review-confidential-input" />
        </Form.Item>
        <Space>
          <Button
            icon={<SaveOutlined />}
            loading={save.isPending}
            data-testid="review-save"
            onClick={() =>
              save.mutate(
                { ...body(form.getFieldsValue(true) as Values) },
                {
                  onSuccess: () => void message.success(t('thinkTank.review.saved')),
                  onError: (error) => showError(error, form),
                },
              )
            }
          >
            {t('thinkTank.review.saveDraft')}
          </Button>
          <Popconfirm
            title={t('thinkTank.review.submitConfirm')}
            okButtonProps={{ ...({ 'data-testid': 'review-submit-ok' } as object) }}
            onConfirm={() =>
              void form.validateFields().then((values) =>
                submit.mutate(body(values) as Parameters<typeof submit.mutate>[0], {
                  onSuccess: () => void message.success(t('thinkTank.review.submitted')),
                  onError: (error) => showError(error, form),
                }),
              )
            }
          >
            <Button type="primary" icon={<SendOutlined />} loading={submit.isPending} data-testid="review-submit">
              {t('thinkTank.review.submit')}
            </Button>
          </Popconfirm>
        </Space>
      </Form>
    </Card>
  );
}

/** The expert's review of one report: accept or decline, fill the rubric, then see the others' reviews. */
export function ReviewPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const showError = useShowError();
  const { data: assignment, isLoading, error } = useAssignment(id);
  const respond = useRespondToInvitation();

  if (isLoading) return <Skeleton active />;
  if (!assignment) return <Result status="warning" title={fullReason(error)} />;

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            <span>{reviewerLabel(t, assignment.ordinal)}</span>
            <AssignmentStatusTag status={assignment.status} />
          </Space>
        }
        subtitle={
          <Space split="·" wrap>
            <span>
              {t('thinkTank.rounds.round', { n: assignment.round, version: assignment.report.versionNumber })}
            </span>
            <span>
              {t('thinkTank.assign.dueAt')}：<DueText value={assignment.dueAt} />
            </span>
          </Space>
        }
        extra={
          <Link to="/think-tank/reviews">
            <Button icon={<ArrowLeftOutlined />}>{t('thinkTank.queue.title')}</Button>
          </Link>
        }
      />
      <Row gutter={[16, 16]} data-testid="review-page" data-status={assignment.status} data-round={assignment.round}>
        <Col xs={24} xl={10}>
          <ReportBrief assignment={assignment} />
        </Col>
        <Col xs={24} xl={14}>
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            {assignment.status === 'invited' && (
              <Card data-testid="review-invitation">
                <Space direction="vertical">
                  <Typography.Text>
                    {t('thinkTank.review.invited')} <DueText value={assignment.respondBy} />
                  </Typography.Text>
                  {invitationLapsed(assignment) ? (
                    <LapsedInvitationText testId="review-invitation-expired" />
                  ) : (
                    <Space>
                      <Button
                        type="primary"
                        loading={respond.isPending}
                        onClick={() =>
                          respond.mutate({ id: assignment.id, accept: true }, { onError: (e) => showError(e) })
                        }
                        data-testid="review-accept"
                      >
                        {t('thinkTank.queue.accept')}
                      </Button>
                      <Button
                        danger
                        onClick={() =>
                          respond.mutate({ id: assignment.id, accept: false }, { onError: (e) => showError(e) })
                        }
                        data-testid="review-decline"
                      >
                        {t('thinkTank.queue.decline')}
                      </Button>
                    </Space>
                  )}
                </Space>
              </Card>
            )}
            {assignment.status === 'accepted' && <ReviewForm assignment={assignment} />}
            {assignment.status === 'submitted' && (
              <>
                <ReviewCard review={assignment.mine} rubric={assignment.rubric} testId="review-mine" />
                <Card title={t('thinkTank.review.others')} data-testid="review-others">
                  {assignment.others.length === 0 ? (
                    <Typography.Text type="secondary">{t('thinkTank.review.noOthers')}</Typography.Text>
                  ) : (
                    <Space direction="vertical" style={{ width: '100%' }}>
                      {assignment.others.map((review) => (
                        <ReviewCard
                          key={review.ordinal}
                          review={review}
                          rubric={assignment.rubric}
                          testId="review-other"
                        />
                      ))}
                    </Space>
                  )}
                </Card>
              </>
            )}
          </Space>
        </Col>
      </Row>
    </>
  );
}
