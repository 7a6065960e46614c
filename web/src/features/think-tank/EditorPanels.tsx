import { CheckOutlined, RetweetOutlined, UserAddOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../lib/useShowError';
import {
  type Candidate,
  DECISIONS,
  type Decision,
  type Report,
  useAssignReviewers,
  useCandidates,
  useDecide,
  usePublish,
} from './api';
import { fullReason, reasonsByField } from './errors';
import { AvailabilityTag } from './labels';

interface AssignValues {
  respondBy: Dayjs;
  dueAt: Dayjs;
}

/** Why a candidate may not review this report, in words. */
export function ConflictText({ candidate }: { candidate: Candidate }) {
  const { t } = useTranslation();
  if (candidate.conflicts.length === 0)
    return <Typography.Text type="success">{t('thinkTank.assign.noConflict')}</Typography.Text>;
  return (
    <Space direction="vertical" size={0} data-testid="candidate-conflicts">
      {candidate.conflicts.map((conflict, index) => (
        <Typography.Text key={index} type="danger">
          {t(`thinkTank.conflictRules.${conflict.rule}`, {
            with: conflict.with,
            defaultValue: `${conflict.rule}: ${conflict.with}`,
          })}
        </Typography.Text>
      ))}
    </Space>
  );
}

/** The editor invites reviewers: candidates with their conflicts, reply and due dates, or last round's reviewers. */
export function AssignPanel({ report }: { report: Report }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AssignValues>();
  const candidates = useCandidates(report.id, true);
  const assign = useAssignReviewers(report.id);
  const [selected, setSelected] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const currentRound = report.rounds.find((round) => round.number === report.currentRound);
  const taken = new Set(
    (currentRound?.reviews ?? [])
      .filter((review) => review.status !== 'cancelled' && review.status !== 'declined')
      .map((review) => review.reviewer?.id),
  );
  const takenNames = new Set(
    (currentRound?.reviews ?? [])
      .filter((review) => review.status !== 'cancelled' && review.status !== 'declined')
      .map((review) => review.reviewer?.displayName),
  );
  const isTaken = (candidate: Candidate) => taken.has(candidate.expertId) || takenNames.has(candidate.displayName);

  const run = (sameAsPreviousRound: boolean) => {
    void form.validateFields().then((values) => {
      setError(null);
      assign.mutate(
        {
          respondBy: values.respondBy.toISOString(),
          dueAt: values.dueAt.toISOString(),
          ...(sameAsPreviousRound ? { sameAsPreviousRound: true } : { expertIds: selected }),
        },
        {
          onSuccess: () => {
            setSelected([]);
            void message.success(t('thinkTank.assign.done'));
          },
          onError: (failure) => {
            const byField = reasonsByField(failure);
            form.setFields(
              (['respondBy', 'dueAt'] as const)
                .filter((field) => byField[field])
                .map((field) => ({ name: field, errors: [byField[field]] })),
            );
            setError(fullReason(failure));
          },
        },
      );
    });
  };

  return (
    <Card title={t('thinkTank.assign.title', { n: report.currentRound })} data-testid="assign-panel">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Table<Candidate>
          rowKey="expertId"
          size="small"
          loading={candidates.isLoading}
          dataSource={candidates.data ?? []}
          pagination={false}
          data-testid="assign-candidates"
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys as string[]),
            getCheckboxProps: (candidate) =>
              ({
                disabled: candidate.conflicts.length > 0 || isTaken(candidate),
                'data-testid': `candidate-check-${candidate.displayName}`,
              }) as object,
            renderCell: (_checked, candidate, _index, node) =>
              candidate.conflicts.length > 0 ? (
                <Tooltip
                  title={candidate.conflicts
                    .map((c) =>
                      t(`thinkTank.conflictRules.${c.rule}`, { with: c.with, defaultValue: `${c.rule}: ${c.with}` }),
                    )
                    .join('；')}
                >
                  <span>{node}</span>
                </Tooltip>
              ) : (
                node
              ),
          }}
          onRow={(candidate) =>
            ({
              'data-testid': 'candidate-row',
              'data-name': candidate.displayName,
              'data-conflict': candidate.conflicts.length > 0 ? 'true' : 'false',
            }) as object
          }
          columns={[
            {
              title: t('thinkTank.experts.name'),
              key: 'name',
              render: (_, candidate) => (
                <Space>
                  {candidate.displayName}
                  {isTaken(candidate) && <Tag color="blue">{t('thinkTank.assign.alreadyInvited')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('thinkTank.experts.fields'),
              key: 'fields',
              render: (_, candidate) => candidate.fields.map((field) => <Tag key={field}>{field}</Tag>),
            },
            {
              title: t('thinkTank.experts.availability'),
              key: 'availability',
              render: (_, c) => <AvailabilityTag availability={c.availability} />,
            },
            { title: t('thinkTank.experts.openReviews'), dataIndex: 'openReviews', width: 90 },
            {
              title: t('thinkTank.assign.conflicts'),
              key: 'conflicts',
              render: (_, candidate) => <ConflictText candidate={candidate} />,
            },
          ]}
        />
        <Form<AssignValues>
          form={form}
          layout="inline"
          initialValues={{
            respondBy: dayjs().add(3, 'day').startOf('hour'),
            dueAt: dayjs().add(14, 'day').startOf('hour'),
          }}
        >
          <Form.Item name="respondBy" label={t('thinkTank.assign.respondBy')} rules={[{ required: true }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid="assign-respond-by" />
          </Form.Item>
          <Form.Item name="dueAt" label={t('thinkTank.assign.dueAt')} rules={[{ required: true }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid="assign-due-at" />
          </Form.Item>
        </Form>
        <Space wrap>
          <Button
            type="primary"
            icon={<UserAddOutlined />}
            disabled={selected.length === 0}
            loading={assign.isPending && !assign.variables?.sameAsPreviousRound}
            onClick={() => run(false)}
            data-testid="assign-submit"
          >
            {t('thinkTank.assign.invite', { n: selected.length })}
          </Button>
          {report.currentRound > 1 && (
            <Button
              icon={<RetweetOutlined />}
              loading={assign.isPending && Boolean(assign.variables?.sameAsPreviousRound)}
              onClick={() => run(true)}
              data-testid="assign-same"
            >
              {t('thinkTank.assign.sameAsPrevious')}
            </Button>
          )}
        </Space>
        {error && <Alert type="error" showIcon message={error} data-testid="assign-error" />}
      </Space>
    </Card>
  );
}

interface DecisionValues {
  decision: Decision;
  letter: string;
}

/** The editor decides the round with a letter to the authors. */
export function DecisionPanel({ report }: { report: Report }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DecisionValues>();
  const showError = useShowError();
  const decide = useDecide(report.id);
  const submitted =
    report.rounds.find((round) => round.number === report.currentRound)?.reviews.filter((r) => r.status === 'submitted')
      .length ?? 0;
  return (
    <Card title={t('thinkTank.decision.title', { n: report.currentRound })} data-testid="decision-panel">
      {submitted === 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('thinkTank.decision.waiting')} />
      )}
      <Form<DecisionValues>
        form={form}
        layout="vertical"
        onFinish={(values) =>
          decide.mutate(values, {
            onSuccess: () => {
              form.resetFields();
              void message.success(t('thinkTank.decision.done'));
            },
            onError: (error) => showError(error, form),
          })
        }
      >
        <Form.Item
          name="decision"
          label={t('thinkTank.decision.decision')}
          rules={[{ required: true, message: t('thinkTank.decision.decisionRequired') }]}
        >
          <Select
            data-testid="decision-select"
            getPopupContainer={(trigger: HTMLElement) => trigger.parentElement ?? document.body}
            options={DECISIONS.map((value) => ({ value, label: t(`thinkTank.decisions.${value}`) }))}
            style={{ maxWidth: 240 }}
          />
        </Form.Item>
        <Form.Item
          name="letter"
          label={t('thinkTank.decision.letter')}
          rules={[{ required: true, min: 10, message: t('thinkTank.decision.letterRequired') }]}
        >
          <Input.TextArea rows={5} maxLength={20000} data-testid="decision-letter-input" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          icon={<CheckOutlined />}
          loading={decide.isPending}
          data-testid="decision-submit"
        >
          {t('thinkTank.decision.submit')}
        </Button>
      </Form>
    </Card>
  );
}

export function PublishButton({ report }: { report: Report }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const publish = usePublish(report.id);
  return (
    <Popconfirm
      title={t('thinkTank.report.publishConfirm')}
      onConfirm={() =>
        publish.mutate(undefined, {
          onSuccess: () => void message.success(t('thinkTank.report.published')),
          onError: (error) => showError(error),
        })
      }
      okButtonProps={{ ...({ 'data-testid': 'report-publish-ok' } as object) }}
    >
      <Button type="primary" loading={publish.isPending} data-testid="report-publish">
        {t('thinkTank.report.publish')}
      </Button>
    </Popconfirm>
  );
}
