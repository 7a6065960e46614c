import { Button, Card, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useShowError } from '../../lib/useShowError';
import { PageHeader } from '../../lib/PageHeader';
import { type Assignment, useRespondToInvitation, useReviewQueue } from './api';
import { AssignmentStatusTag, DueText, invitationLapsed, LapsedInvitationText } from './labels';

/** The expert's queue: invitations to accept or decline, open reviews with their due dates, and past reviews. */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  const showError = useShowError();
  const { data, isLoading } = useReviewQueue();
  const respond = useRespondToInvitation();
  const [declining, setDeclining] = useState<Assignment | null>(null);
  const [reason, setReason] = useState('');
  const items = data ?? [];
  const invitations = items.filter((a) => a.status === 'invited');
  const open = items.filter((a) => a.status === 'accepted');
  const done = items.filter((a) => a.status !== 'invited' && a.status !== 'accepted');

  const titleColumn = {
    title: t('thinkTank.fields.title'),
    key: 'title',
    render: (_: unknown, a: Assignment) => (
      <Space direction="vertical" size={0}>
        <Link to={`/think-tank/reviews/${a.id}`} data-testid="assignment-link">
          {a.report.title}
        </Link>
        <Typography.Text type="secondary">
          {t('thinkTank.rounds.round', { n: a.round, version: a.report.versionNumber })} ·{' '}
          {t(`thinkTank.blindModes.${a.report.blindMode}`)}
        </Typography.Text>
      </Space>
    ),
  };
  const rowProps = (a: Assignment) =>
    ({ 'data-testid': 'assignment-row', 'data-title': a.report.title, 'data-round': a.round }) as object;

  return (
    <>
      <PageHeader title={t('thinkTank.queue.title')} />
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Card title={t('thinkTank.queue.invitations', { n: invitations.length })} data-testid="queue-invitations">
          <Table<Assignment>
            rowKey="id"
            size="small"
            loading={isLoading}
            dataSource={invitations}
            pagination={false}
            onRow={rowProps}
            locale={{ emptyText: t('thinkTank.queue.noInvitations') }}
            columns={[
              titleColumn,
              {
                title: t('thinkTank.assign.respondBy'),
                key: 'respondBy',
                render: (_, a) => <DueText value={a.respondBy} />,
              },
              { title: t('thinkTank.assign.dueAt'), key: 'dueAt', render: (_, a) => <DueText value={a.dueAt} /> },
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_, a) =>
                  invitationLapsed(a) ? (
                    <LapsedInvitationText testId="invitation-expired" />
                  ) : (
                    <Space>
                      <Button
                        type="primary"
                        size="small"
                        loading={respond.isPending && respond.variables?.id === a.id && respond.variables.accept}
                        onClick={() =>
                          respond.mutate({ id: a.id, accept: true }, { onError: (error) => showError(error) })
                        }
                        data-testid="invitation-accept"
                      >
                        {t('thinkTank.queue.accept')}
                      </Button>
                      <Button size="small" danger onClick={() => setDeclining(a)} data-testid="invitation-decline">
                        {t('thinkTank.queue.decline')}
                      </Button>
                    </Space>
                  ),
              },
            ]}
          />
        </Card>
        <Card title={t('thinkTank.queue.open', { n: open.length })} data-testid="queue-open">
          <Table<Assignment>
            rowKey="id"
            size="small"
            loading={isLoading}
            dataSource={open}
            pagination={false}
            onRow={rowProps}
            locale={{ emptyText: t('thinkTank.queue.noOpen') }}
            columns={[
              titleColumn,
              {
                title: t('thinkTank.assign.dueAt'),
                key: 'dueAt',
                render: (_, a) => <DueText value={a.dueAt} testId="assignment-due" />,
              },
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_, a) => (
                  <Link to={`/think-tank/reviews/${a.id}`}>
                    <Button size="small" type="primary" data-testid="assignment-open">
                      {t('thinkTank.queue.write')}
                    </Button>
                  </Link>
                ),
              },
            ]}
          />
        </Card>
        <Card title={t('thinkTank.queue.done')} data-testid="queue-done">
          <Table<Assignment>
            rowKey="id"
            size="small"
            loading={isLoading}
            dataSource={done}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            onRow={rowProps}
            columns={[
              titleColumn,
              {
                title: t('thinkTank.fields.status'),
                key: 'status',
                render: (_, a) => <AssignmentStatusTag status={a.status} />,
              },
              {
                title: t('thinkTank.review.recommendation'),
                key: 'rec',
                render: (_, a) =>
                  a.mine.recommendation ? <Tag>{t(`thinkTank.decisions.${a.mine.recommendation}`)}</Tag> : '—',
              },
            ]}
          />
        </Card>
      </Space>
      <Modal
        open={declining !== null}
        title={t('thinkTank.queue.declineTitle')}
        onCancel={() => setDeclining(null)}
        okButtonProps={{ danger: true, loading: respond.isPending, ...({ 'data-testid': 'decline-ok' } as object) }}
        onOk={() =>
          declining &&
          respond.mutate(
            { id: declining.id, accept: false, reason: reason.trim() || undefined },
            {
              onSuccess: () => {
                setDeclining(null);
                setReason('');
              },
              onError: (error) => showError(error),
            },
          )
        }
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('thinkTank.queue.declineReason')}
          data-testid="decline-reason"
        />
      </Modal>
    </>
  );
}
