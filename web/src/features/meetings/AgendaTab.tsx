import { Button, Card, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../lib/useShowError';
import { useAgenda, useDecideAgendaItem, useProposeAgendaItem, type AgendaItem } from './sessionApi';

const STATUS_COLORS: Record<AgendaItem['status'], string> = {
  proposed: 'gold',
  accepted: 'green',
  declined: 'default',
};

/** 议程: proposals with their status, a proposal form, the official's decisions, and the previous meeting's open items. */
export function AgendaTab({ meetingId, isOfficial, open }: { meetingId: string; isOfficial: boolean; open: boolean }) {
  const { t } = useTranslation();
  const agenda = useAgenda(meetingId);
  const propose = useProposeAgendaItem(meetingId);
  const decide = useDecideAgendaItem(meetingId);
  const showError = useShowError();
  const [form] = Form.useForm<{ title: string; description?: string }>();
  const decideItem = (item: AgendaItem, accept: boolean) =>
    decide.mutate({ itemId: item.id, accept }, { onError: (error) => showError(error) });
  return (
    <>
      <Card className="section-card" title={t('meetings.agenda.title')}>
        <List<AgendaItem>
          loading={agenda.isPending}
          dataSource={agenda.data?.items ?? []}
          locale={{ emptyText: t('meetings.agenda.empty') }}
          data-testid="agenda-list"
          renderItem={(item) => (
            <List.Item
              data-testid="agenda-item"
              actions={
                isOfficial && item.status === 'proposed'
                  ? [
                      <Button
                        key="accept"
                        size="small"
                        type="primary"
                        onClick={() => decideItem(item, true)}
                        data-testid="agenda-accept"
                      >
                        {t('meetings.agenda.accept')}
                      </Button>,
                      <Button
                        key="decline"
                        size="small"
                        onClick={() => decideItem(item, false)}
                        data-testid="agenda-decline"
                      >
                        {t('meetings.agenda.decline')}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    <Tag color={STATUS_COLORS[item.status]} data-status={item.status}>
                      {t(`meetings.agenda.statuses.${item.status}`)}
                    </Tag>
                    {item.title}
                    {item.serviceRequest && <Tag>{item.serviceRequest.number}</Tag>}
                  </Space>
                }
                description={
                  <>
                    {item.description && <div style={{ whiteSpace: 'pre-wrap' }}>{item.description}</div>}
                    <Typography.Text type="secondary">
                      {t('meetings.agenda.proposedBy', {
                        name: [item.proposedBy.displayName, item.proposedByOrganization?.name]
                          .filter(Boolean)
                          .join(' · '),
                      })}
                    </Typography.Text>
                    {item.decisionNote && <div>{item.decisionNote}</div>}
                  </>
                }
              />
            </List.Item>
          )}
        />
        {open && (
          <Form
            form={form}
            layout="vertical"
            style={{ marginTop: 16 }}
            onFinish={(values) =>
              propose.mutate(
                { title: values.title.trim(), description: values.description?.trim() || undefined },
                { onSuccess: () => form.resetFields(), onError: (error) => showError(error, form) },
              )
            }
          >
            <Form.Item
              name="title"
              label={t('meetings.agenda.proposeTitle')}
              rules={[{ required: true, whitespace: true, message: t('meetings.agenda.titleRequired') }]}
            >
              <Input maxLength={200} data-testid="agenda-title" />
            </Form.Item>
            <Form.Item name="description" label={t('meetings.agenda.proposeDescription')}>
              <Input.TextArea rows={2} maxLength={4000} data-testid="agenda-description" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={propose.isPending} data-testid="agenda-propose">
              {t('meetings.agenda.propose')}
            </Button>
          </Form>
        )}
      </Card>
      <Card className="section-card" title={t('meetings.agenda.review')} data-testid="agenda-review">
        <List
          dataSource={agenda.data?.review ?? []}
          locale={{ emptyText: t('meetings.agenda.reviewEmpty') }}
          renderItem={(item) => (
            <List.Item>
              <Space wrap>
                <Typography.Text strong>{item.title}</Typography.Text>
                <Typography.Text type="secondary">{item.ownerOrganization}</Typography.Text>
                <Typography.Text>{t('meetings.agenda.due', { date: item.dueOn })}</Typography.Text>
                <Tag>{item.progress}%</Tag>
              </Space>
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
