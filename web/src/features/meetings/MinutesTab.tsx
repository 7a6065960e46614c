import { DownloadOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, List, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errors';
import { useShowError } from '../../lib/useShowError';
import { inShanghai, type Meeting } from './api';
import {
  useApproveMinutes,
  useCirculateMinutes,
  useCommentOnMinutes,
  useDownloadMinutesPdf,
  useMinutes,
  useWriteMinutes,
  type Minutes,
} from './sessionApi';

const STATUS_COLORS: Record<Minutes['status'], string> = {
  draft: 'default',
  circulated: 'processing',
  approved: 'success',
};

function CommentsCard({
  meetingId,
  minutes,
  canComment,
}: {
  meetingId: string;
  minutes: Minutes;
  canComment: boolean;
}) {
  const { t } = useTranslation();
  const comment = useCommentOnMinutes(meetingId);
  const showError = useShowError();
  const [body, setBody] = useState('');
  return (
    <Card className="section-card" title={t('meetings.minutes.comments')} data-testid="minutes-comments">
      <List
        dataSource={minutes.comments}
        locale={{ emptyText: t('meetings.minutes.noComments') }}
        renderItem={(c) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Space>
                  {c.author}
                  <Tag>v{c.version}</Tag>
                  <Typography.Text type="secondary">
                    {inShanghai(c.createdAt).format('YYYY-MM-DD HH:mm')}
                  </Typography.Text>
                </Space>
              }
              description={<span style={{ whiteSpace: 'pre-wrap' }}>{c.body}</span>}
            />
          </List.Item>
        )}
      />
      {canComment && (
        <Space.Compact style={{ width: '100%', marginTop: 12 }}>
          <Input.TextArea
            rows={2}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            maxLength={4000}
            data-testid="minutes-comment"
          />
          <Button
            type="primary"
            disabled={!body.trim()}
            loading={comment.isPending}
            onClick={() =>
              comment.mutate(body.trim(), { onSuccess: () => setBody(''), onError: (error) => showError(error) })
            }
            data-testid="minutes-comment-submit"
          >
            {t('meetings.minutes.comment')}
          </Button>
        </Space.Compact>
      )}
    </Card>
  );
}

/** 纪要: drafted by the recorder (or an official), circulated for comments, approved by the chair, then locked. */
export function MinutesTab({ meeting, myId, isOfficial }: { meeting: Meeting; myId?: string; isOfficial: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const query = useMinutes(meeting.id);
  const write = useWriteMinutes(meeting.id);
  const circulate = useCirculateMinutes(meeting.id);
  const approve = useApproveMinutes(meeting.id);
  const pdf = useDownloadMinutesPdf(meeting.id);
  const showError = useShowError();
  const minutes = query.data ?? null;
  // An edit belongs to the version and status it was typed against: a save or a step drops it.
  const editedOf = `${minutes?.version ?? ''}:${minutes?.status ?? ''}`;
  const [edit, setEdit] = useState<{ of: string; text: string } | null>(null);
  const draft = edit?.of === editedOf ? edit.text : null;

  if (query.isError) return <Alert type="error" showIcon title={errorMessage(query.error)} />;
  if (query.isPending) return <Spin />;
  const approved = minutes?.status === 'approved';
  const canWrite = !approved && (isOfficial || (!!myId && myId === meeting.recorderId));
  const isChair = !!myId && myId === meeting.chairId;
  const content = draft ?? minutes?.content ?? '';
  const dirty = draft !== null && draft !== (minutes?.content ?? '');
  const isParticipant =
    meeting.participants.some((p) => p.attendee?.id === myId) || isChair || myId === meeting.recorderId;

  return (
    <>
      <Card
        className="section-card"
        title={
          <Space>
            {t('meetings.minutes.title')}
            {minutes ? (
              <Tag color={STATUS_COLORS[minutes.status]} data-testid="minutes-status" data-status={minutes.status}>
                {approved && <LockOutlined />} {t(`meetings.minutes.statuses.${minutes.status}`)} · v{minutes.version}
              </Tag>
            ) : (
              <Tag data-testid="minutes-status" data-status="none">
                {t('meetings.minutes.none')}
              </Tag>
            )}
          </Space>
        }
        extra={
          approved && (
            <Button
              icon={<DownloadOutlined />}
              loading={pdf.isPending}
              onClick={() => pdf.mutate(undefined, { onError: (error) => showError(error) })}
              data-testid="minutes-pdf"
            >
              {t('meetings.minutes.pdf')}
            </Button>
          )
        }
      >
        {canWrite ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Input.TextArea
              rows={12}
              value={content}
              onChange={(e) => setEdit({ of: editedOf, text: e.target.value })}
              placeholder={t('meetings.minutes.placeholder')}
              data-testid="minutes-editor"
            />
            <Space wrap>
              <Button
                type="primary"
                disabled={!dirty || !content.trim()}
                loading={write.isPending}
                onClick={() =>
                  write.mutate(content, {
                    onSuccess: () => void message.success(t('meetings.minutes.saved')),
                    onError: (error) => showError(error),
                  })
                }
                data-testid="minutes-save"
              >
                {t('meetings.minutes.save')}
              </Button>
              {minutes?.status === 'draft' && (
                <Button
                  disabled={dirty}
                  loading={circulate.isPending}
                  onClick={() =>
                    circulate.mutate(undefined, {
                      onSuccess: () => void message.success(t('meetings.minutes.circulated')),
                      onError: (error) => showError(error),
                    })
                  }
                  data-testid="minutes-circulate"
                >
                  {t('meetings.minutes.circulate')}
                </Button>
              )}
            </Space>
          </Space>
        ) : minutes ? (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="minutes-content">
            {minutes.content}
          </Typography.Paragraph>
        ) : (
          <Typography.Text type="secondary">{t('meetings.minutes.notYet')}</Typography.Text>
        )}
        {approved && minutes && (
          <Alert
            type="success"
            showIcon
            icon={<LockOutlined />}
            title={t('meetings.minutes.approvedBy', {
              name: minutes.approvedBy?.displayName ?? '',
              at: minutes.approvedAt ? inShanghai(minutes.approvedAt).format('YYYY-MM-DD HH:mm') : '',
            })}
          />
        )}
        {isChair && minutes?.status === 'circulated' && (
          <Button
            type="primary"
            style={{ marginTop: 12 }}
            loading={approve.isPending}
            onClick={() =>
              approve.mutate(undefined, {
                onSuccess: () => void message.success(t('meetings.minutes.approvedToast')),
                onError: (error) => showError(error),
              })
            }
            data-testid="minutes-approve"
          >
            {t('meetings.minutes.approve')}
          </Button>
        )}
      </Card>
      {minutes && minutes.status !== 'draft' && (
        <CommentsCard
          meetingId={meeting.id}
          minutes={minutes}
          canComment={minutes.status === 'circulated' && (isParticipant || isOfficial)}
        />
      )}
    </>
  );
}
