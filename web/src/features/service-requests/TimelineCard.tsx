import { Card, Rate, Space, Tag, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/dates';
import type { RequestStatus, TimelineEntry } from './api';
import { STATUSES } from './labels';

const COLORS: Record<string, string> = {
  sla_warning: 'orange',
  sla_breached: 'red',
  escalated: 'red',
  chased: 'orange',
  rejected: 'red',
  returned: 'orange',
  resolved: 'green',
  rated: 'green',
  closed: 'gray',
};

const isStatus = (value: unknown): value is RequestStatus => STATUSES.includes(value as RequestStatus);

/** The facts an entry carries beyond its type: the status change, the rating, the file, the deadline. */
function Details({ entry, t }: { entry: TimelineEntry; t: TFunction }) {
  const { from, to, rating, fileName, phase, level, intoId, automatic, reason, confidence, historySuggestion } =
    entry.data as Record<string, unknown>;
  // Shown only to the people serving the request: the API leaves it out for the enterprise.
  const suggestion = historySuggestion as { name?: string | null; confidence?: number } | undefined;
  return (
    <Space size="small" wrap>
      {isStatus(from) && isStatus(to) && from !== to && (
        <Typography.Text type="secondary">
          {t(`serviceRequests.statuses.${from}`)} → {t(`serviceRequests.statuses.${to}`)}
          {automatic ? ` (${t('serviceRequests.timeline.automatic')})` : ''}
        </Typography.Text>
      )}
      {typeof rating === 'number' && <Rate disabled value={rating} style={{ fontSize: 14 }} />}
      {typeof fileName === 'string' && <Typography.Text type="secondary">{fileName}</Typography.Text>}
      {(phase === 'accept' || phase === 'resolve') && typeof level === 'number' && (
        <Typography.Text type="secondary">
          {t(`serviceRequests.timeline.phases.${phase}`)} · {t(`serviceRequests.escalationLevels.${level}`)}
        </Typography.Text>
      )}
      {reason === 'history' && typeof confidence === 'number' && (
        <Typography.Text type="secondary" data-testid="sr-routed-by-history">
          {t('serviceRequests.timeline.routedByHistory', { confidence: confidence.toFixed(2) })}
        </Typography.Text>
      )}
      {suggestion && typeof suggestion.confidence === 'number' && (
        <Typography.Text type="secondary" data-testid="sr-history-suggestion">
          {t('serviceRequests.timeline.historySuggestion', {
            name: suggestion.name ?? '—',
            confidence: suggestion.confidence.toFixed(2),
          })}
        </Typography.Text>
      )}
      {typeof intoId === 'string' && (
        <Link to={`/service-requests/${intoId}`}>{t('serviceRequests.timeline.mergedInto')}</Link>
      )}
    </Space>
  );
}

export function TimelineCard({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('serviceRequests.timeline.title')} className="section-card">
      <Timeline
        data-testid="sr-timeline"
        items={entries.map((entry) => ({
          key: entry.id,
          color: entry.internal ? 'gray' : (COLORS[entry.type] ?? 'blue'),
          content: (
            <Space orientation="vertical" size={2} data-testid="sr-timeline-entry" data-type={entry.type}>
              <Space size="small" wrap>
                <Typography.Text strong>
                  {t(`serviceRequests.events.${entry.type}`, { defaultValue: entry.type })}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {entry.actor?.displayName ?? t('serviceRequests.timeline.system')} · {formatDateTime(entry.createdAt)}
                </Typography.Text>
                {entry.internal && <Tag color="purple">{t('serviceRequests.internal')}</Tag>}
              </Space>
              <Details entry={entry} t={t} />
              {entry.body && (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{entry.body}</Typography.Paragraph>
              )}
            </Space>
          ),
        }))}
      />
    </Card>
  );
}
