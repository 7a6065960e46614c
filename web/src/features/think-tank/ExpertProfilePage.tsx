import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  List,
  Popconfirm,
  Radio,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/dates';
import { useShowError } from '../../lib/useShowError';
import { OrganizationSelect } from '../organizations';
import { PageHeader } from '../../lib/PageHeader';
import {
  AVAILABILITIES,
  type Availability,
  type HistoryEntry,
  useDeclare,
  useMyExpertProfile,
  useMyReviewHistory,
  useUpdateMyProfile,
  useWithdrawDeclaration,
} from './api';

interface ProfileValues {
  title?: string;
  fields?: string[];
  affiliationOrganizationId?: string | null;
  affiliationExternal?: string;
  bio?: string;
  availability: Availability;
}

interface DeclarationValues {
  organizationId: string;
  reason: string;
}

/** The expert's own profile: fields, affiliation, availability, declared conflicts of interest and review history. */
export function ExpertProfilePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<ProfileValues>();
  const [declarationForm] = Form.useForm<DeclarationValues>();
  const { data: expert, isLoading } = useMyExpertProfile();
  const history = useMyReviewHistory();
  const update = useUpdateMyProfile();
  const declare = useDeclare();
  const withdraw = useWithdrawDeclaration();

  if (isLoading || !expert) return <Skeleton active />;

  return (
    <>
      <PageHeader title={t('thinkTank.profile.title')} subtitle={expert.displayName} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('thinkTank.profile.details')}>
            <Form<ProfileValues>
              form={form}
              layout="vertical"
              data-testid="profile-form"
              initialValues={{
                title: expert.title ?? '',
                fields: expert.fields,
                affiliationOrganizationId: expert.affiliationOrganization?.id,
                affiliationExternal: expert.affiliationExternal ?? '',
                bio: expert.bio ?? '',
                availability: expert.availability,
              }}
              onFinish={(values) =>
                update.mutate(
                  {
                    title: values.title || null,
                    fields: values.fields ?? [],
                    affiliationOrganizationId: values.affiliationOrganizationId ?? null,
                    affiliationExternal: values.affiliationExternal || null,
                    bio: values.bio || null,
                    availability: values.availability,
                  },
                  {
                    onSuccess: () => void message.success(t('common.saved')),
                    onError: (error) => showError(error, form),
                  },
                )
              }
            >
              <Form.Item name="title" label={t('thinkTank.experts.title')}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="fields" label={t('thinkTank.experts.fields')} extra={t('thinkTank.form.topicsHelp')}>
                <Select mode="tags" tokenSeparators={[',', '，', '、']} data-testid="profile-fields" />
              </Form.Item>
              <Form.Item name="affiliationOrganizationId" label={t('thinkTank.experts.affiliation')}>
                <OrganizationSelect />
              </Form.Item>
              <Form.Item name="affiliationExternal" label={t('thinkTank.experts.affiliationExternal')}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="availability" label={t('thinkTank.experts.availability')}>
                <Radio.Group optionType="button" data-testid="profile-availability">
                  {AVAILABILITIES.map((value) => (
                    <Radio.Button key={value} value={value}>
                      {t(`thinkTank.availabilities.${value}`)}
                    </Radio.Button>
                  ))}
                </Radio.Group>
              </Form.Item>
              <Form.Item name="bio" label={t('thinkTank.experts.bio')}>
                <Input.TextArea rows={4} maxLength={5000} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="profile-save">
                {t('common.save')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            <Card title={t('thinkTank.profile.declarations')} data-testid="profile-declarations">
              <Typography.Paragraph type="secondary">{t('thinkTank.profile.declarationsHelp')}</Typography.Paragraph>
              <List
                dataSource={expert.declarations}
                locale={{ emptyText: t('thinkTank.profile.noDeclarations') }}
                renderItem={(declaration) => (
                  <List.Item
                    data-testid="declaration"
                    actions={[
                      <Popconfirm
                        key="withdraw"
                        title={t('thinkTank.profile.withdrawConfirm')}
                        onConfirm={() => withdraw.mutate(declaration.id, { onError: (error) => showError(error) })}
                      >
                        <Button size="small" icon={<DeleteOutlined />} danger>
                          {t('thinkTank.profile.withdraw')}
                        </Button>
                      </Popconfirm>,
                    ]}
                  >
                    <List.Item.Meta
                      title={declaration.organization?.name ?? declaration.user?.displayName ?? '—'}
                      description={`${declaration.reason} · ${formatDateTime(declaration.createdAt)}`}
                    />
                  </List.Item>
                )}
              />
              <Form<DeclarationValues>
                form={declarationForm}
                layout="vertical"
                onFinish={(values) =>
                  declare.mutate(values, {
                    onSuccess: () => {
                      declarationForm.resetFields();
                      void message.success(t('thinkTank.profile.declared'));
                    },
                    onError: (error) => showError(error, declarationForm),
                  })
                }
              >
                <Form.Item
                  name="organizationId"
                  label={t('thinkTank.profile.declareOrganization')}
                  rules={[{ required: true, message: t('actionItems.create.ownerRequired') }]}
                >
                  <OrganizationSelect data-testid="declaration-organization" />
                </Form.Item>
                <Form.Item
                  name="reason"
                  label={t('thinkTank.profile.reason')}
                  rules={[{ required: true, min: 2, message: t('thinkTank.profile.reasonRequired') }]}
                >
                  <Input maxLength={500} data-testid="declaration-reason" />
                </Form.Item>
                <Button
                  htmlType="submit"
                  icon={<PlusOutlined />}
                  loading={declare.isPending}
                  data-testid="declaration-submit"
                >
                  {t('thinkTank.profile.declare')}
                </Button>
              </Form>
            </Card>
            <Card title={t('thinkTank.profile.history')}>
              <Table<HistoryEntry>
                rowKey="assignmentId"
                size="small"
                loading={history.isLoading}
                dataSource={history.data ?? []}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                columns={[
                  {
                    title: t('thinkTank.fields.title'),
                    key: 'title',
                    render: (_, h) => <Link to={`/think-tank/reviews/${h.assignmentId}`}>{h.reportTitle}</Link>,
                  },
                  { title: t('thinkTank.fields.round'), dataIndex: 'round', width: 70 },
                  {
                    title: t('thinkTank.fields.status'),
                    key: 'status',
                    render: (_, h) => t(`thinkTank.assignmentStatuses.${h.status}`, { defaultValue: h.status }),
                  },
                  { title: t('thinkTank.assign.dueAt'), key: 'due', render: (_, h) => formatDateTime(h.dueAt) },
                  {
                    title: t('thinkTank.experts.onTime'),
                    key: 'onTime',
                    render: (_, h) =>
                      h.onTime === null ? (
                        '—'
                      ) : (
                        <Tag color={h.onTime ? 'green' : 'red'}>
                          {h.onTime ? t('thinkTank.experts.yes') : t('thinkTank.experts.no')}
                        </Tag>
                      ),
                  },
                ]}
              />
            </Card>
          </Space>
        </Col>
      </Row>
    </>
  );
}
