import { App, Button, Card, Image, Input, Space, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { session } from '../../lib/session';
import { useMe } from '../auth/api';
import { useShowError } from '../../lib/useShowError';
import { PageHeader } from '../../lib/PageHeader';
import { usePublish, useReview, useCase } from './api';
import { STATUS_COLORS } from './CasesPage';
import { useQueryClient } from '@tanstack/react-query';

/** One typical case: its story and photos; officials review and publish it. */
export function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data: me } = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const item = useCase(id);
  const review = useReview();
  const publish = usePublish();
  const showError = useShowError();
  const [comment, setComment] = useState('');
  if (!item.data) return null;
  const c = item.data;
  const isOfficial = me?.role === 'township_admin';
  const canAddPhoto = isOfficial || me?.organization?.id === c.organization.id;
  const done = () => void message.success(t('common.saved'));
  return (
    <>
      <PageHeader
        title={c.title}
        subtitle={`${c.organization.name} · ${c.alliance.name}`}
        extra={<Tag color={STATUS_COLORS[c.status]}>{t(`cases.statuses.${c.status}`)}</Tag>}
      />
      <Card className="section-card">
        <Typography.Paragraph strong>{c.summary}</Typography.Paragraph>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c.body}</Typography.Paragraph>
        {c.reviewComment && (
          <Typography.Paragraph type="warning">
            {t('cases.reviewComment', { comment: c.reviewComment })}
          </Typography.Paragraph>
        )}
        <Space wrap>
          {c.photos.map((p) => (
            <AuthImage key={p.id} src={`/api/v1/typical-cases/${c.id}/photos/${p.id}`} />
          ))}
          {canAddPhoto && (
            <Upload
              accept="image/jpeg,image/png,image/webp"
              showUploadList={false}
              action={`/api/v1/typical-cases/${c.id}/photos`}
              headers={{ authorization: `Bearer ${session.tokens?.accessToken ?? ''}` }}
              onChange={(info) => {
                if (info.file.status === 'done') void queryClient.invalidateQueries({ queryKey: ['typical-cases'] });
                if (info.file.status === 'error')
                  void message.error((info.file.response as { message?: string })?.message ?? t('cases.photoFailed'));
              }}
            >
              <Button>{t('cases.addPhoto')}</Button>
            </Upload>
          )}
        </Space>
      </Card>
      {isOfficial && (
        <Card className="section-card" title={t('cases.review.title')} style={{ marginTop: 16 }}>
          {c.status === 'nominated' && (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Input.TextArea
                rows={2}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
                placeholder={t('cases.review.comment')}
              />
              <Space>
                <Button
                  type="primary"
                  onClick={() =>
                    review.mutate(
                      { id, decision: 'approve', comment: comment.trim() || undefined },
                      { onSuccess: done, onError: (e) => showError(e) },
                    )
                  }
                >
                  {t('cases.review.approve')}
                </Button>
                <Button
                  danger
                  onClick={() =>
                    review.mutate(
                      { id, decision: 'return', comment: comment.trim() || undefined },
                      { onSuccess: done, onError: (e) => showError(e) },
                    )
                  }
                >
                  {t('cases.review.return')}
                </Button>
              </Space>
            </Space>
          )}
          {(c.status === 'approved' || c.status === 'unpublished') && (
            <Button
              type="primary"
              onClick={() => publish.mutate({ id, publish: true }, { onSuccess: done, onError: (e) => showError(e) })}
            >
              {t('cases.publish')}
            </Button>
          )}
          {c.status === 'published' && (
            <Button
              onClick={() => publish.mutate({ id, publish: false }, { onSuccess: done, onError: (e) => showError(e) })}
            >
              {t('cases.unpublish')}
            </Button>
          )}
        </Card>
      )}
    </>
  );
}

/** Photos of unpublished cases need the session's token, so they are fetched rather than linked. */
function AuthImage({ src }: { src: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let objectUrl: string | null = null;
    void fetch(src, { headers: { authorization: `Bearer ${session.tokens?.accessToken ?? ''}` } })
      .then((r) => (r.ok ? r.blob() : null))
      .then((blob) => {
        objectUrl = blob ? URL.createObjectURL(blob) : null;
        setUrl(objectUrl);
      });
    return () => {
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [src]);
  return url ? <Image width={160} src={url} /> : null;
}
