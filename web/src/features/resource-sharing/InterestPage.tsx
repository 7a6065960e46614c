import { Button, Card, Col, Descriptions, Input, List, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatDateTime } from '../../lib/dates';
import { useShowError } from '../../lib/useShowError';
import { PageHeader } from '../../lib/PageHeader';
import { useInterest, usePostMessage, type Interest } from './api';

/** An interest: both sides' contacts and their thread, for the two parties and officials only. */
export function InterestPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const interest = useInterest(id);
  const post = usePostMessage();
  const showError = useShowError();
  const [body, setBody] = useState('');
  if (!interest.data) return null;
  const data = interest.data;
  const contacts = (title: string, people: Interest['ownerContacts']) => (
    <Card size="small" title={title}>
      {people.map((p) => (
        <Descriptions key={p.id} size="small" column={1} title={p.displayName}>
          {p.email && <Descriptions.Item label={t('resources.interests.email')}>{p.email}</Descriptions.Item>}
          {p.mobile && <Descriptions.Item label={t('resources.interests.mobile')}>{p.mobile}</Descriptions.Item>}
        </Descriptions>
      ))}
    </Card>
  );
  return (
    <>
      <PageHeader
        title={data.listing.title}
        subtitle={t('resources.interests.between', {
          owner: data.owner?.name ?? t('resources.township'),
          interested: data.interested.name,
        })}
      />
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {contacts(data.owner?.name ?? t('resources.township'), data.ownerContacts)}
            {contacts(data.interested.name, data.interestedContacts)}
          </Space>
        </Col>
        <Col xs={24} md={16}>
          <Card title={t('resources.interests.thread')} data-testid="interest-thread">
            <List
              dataSource={data.messages}
              renderItem={(m) => (
                <List.Item>
                  <List.Item.Meta
                    title={`${m.author.displayName} · ${formatDateTime(m.createdAt)}`}
                    description={<Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{m.body}</Typography.Text>}
                  />
                </List.Item>
              )}
            />
            <Input.TextArea rows={3} value={body} onChange={(e) => setBody(e.target.value)} maxLength={2000} />
            <Button
              type="primary"
              style={{ marginTop: 8 }}
              disabled={!body.trim()}
              loading={post.isPending}
              onClick={() =>
                post.mutate({ id, body: body.trim() }, { onSuccess: () => setBody(''), onError: (e) => showError(e) })
              }
            >
              {t('resources.interests.send')}
            </Button>
          </Card>
        </Col>
      </Row>
    </>
  );
}
