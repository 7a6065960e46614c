import { Card, DatePicker, Flex, Input, List, Progress, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, toApiDate } from '../../lib/dates';
import { PageHeader } from '../../lib/PageHeader';
import { type LibraryEntry, useLibrary, useLibraryTopics } from './api';

/** 成果库: published reports, searched by Chinese or English text, topic and publication date. */
export function LibraryPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [topic, setTopic] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const query = useDeferredValue(q.trim());
  const { data, isFetching } = useLibrary({
    q: query || undefined,
    topic,
    from: toApiDate(range?.[0]),
    to: toApiDate(range?.[1]),
  });
  const { data: topics } = useLibraryTopics();

  return (
    <>
      <PageHeader title={t('thinkTank.library.title')} subtitle={t('thinkTank.library.subtitle')} />
      <Card>
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Flex wrap gap="small">
            <Input.Search
              allowClear
              style={{ width: 360, maxWidth: '100%' }}
              placeholder={t('thinkTank.library.searchPlaceholder')}
              onSearch={setQ}
              onChange={(e) => setQ(e.target.value)}
              data-testid="library-search"
            />
            <DatePicker.RangePicker value={range} onChange={(value) => setRange(value)} data-testid="library-dates" />
          </Flex>
          <Space wrap data-testid="library-topics">
            <Tag.CheckableTag checked={!topic} onChange={() => setTopic(undefined)}>
              {t('thinkTank.library.allTopics')}
            </Tag.CheckableTag>
            {(topics ?? []).map(({ topic: value, count }) => (
              <Tag.CheckableTag
                key={value}
                checked={topic === value}
                onChange={(checked) => setTopic(checked ? value : undefined)}
                data-testid="library-topic"
              >
                {value}（{count}）
              </Tag.CheckableTag>
            ))}
          </Space>
          {/* Vertical layout keeps title, meta and abstract in one column beside the progress ring;
              the default layout lays them side by side and squeezes the title to one character. */}
          <List<LibraryEntry>
            itemLayout="vertical"
            loading={isFetching && !data}
            dataSource={data ?? []}
            data-testid="library-results"
            locale={{ emptyText: t('thinkTank.library.empty') }}
            renderItem={(entry) => (
              <List.Item
                data-testid="library-entry"
                extra={
                  <Space direction="vertical" align="center" style={{ minWidth: 120 }}>
                    <Progress
                      type="circle"
                      size={56}
                      percent={
                        entry.recommendationsTotal === 0
                          ? 0
                          : Math.round((entry.recommendationsDone / entry.recommendationsTotal) * 100)
                      }
                    />
                    <Typography.Text type="secondary">
                      {t('thinkTank.recommendations.progress', {
                        done: entry.recommendationsDone,
                        total: entry.recommendationsTotal,
                      })}
                    </Typography.Text>
                  </Space>
                }
              >
                <List.Item.Meta
                  title={
                    <Link to={`/think-tank/reports/${entry.id}`} data-testid="library-entry-title">
                      {entry.title}
                    </Link>
                  }
                  description={
                    <Space wrap>
                      {entry.authors && <span>{entry.authors.map((a) => a.displayName).join('、')}</span>}
                      <span>
                        {t('thinkTank.fields.publishedAt')}：{formatDateTime(entry.publishedAt)}
                      </span>
                      {entry.topics.map((value) => (
                        <Tag key={value}>{value}</Tag>
                      ))}
                    </Space>
                  }
                />
                <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ marginBottom: 0 }}>
                  {entry.abstract}
                </Typography.Paragraph>
              </List.Item>
            )}
          />
        </Space>
      </Card>
    </>
  );
}
