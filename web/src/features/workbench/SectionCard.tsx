import { Badge, Card, Empty, Flex, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WorkbenchItem, WorkbenchSection } from './api';
import { clockOf } from './clock';
import { itemLink, sectionLink } from './links';

const TONE_COLORS = { overdue: 'error', soon: 'warning', normal: 'default' } as const;

function ItemRow({
  item,
  section,
  now,
  timeZone,
}: {
  item: WorkbenchItem;
  section: WorkbenchSection['key'];
  now: string;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const clock = clockOf(t, item, now, timeZone);
  const meeting = item.kind === 'meeting' && item.dueAt;
  const details = [
    meeting
      ? `${dayjs(item.dueAt).tz(timeZone).format('MM-DD HH:mm')}${item.endsAt ? `–${dayjs(item.endsAt).tz(timeZone).format('HH:mm')}` : ''}`
      : null,
    item.kind === 'review_assignment' && item.reference
      ? t('workbench.round', { number: item.reference })
      : item.kind === 'pair' && item.reference
        ? t('workbench.lastVisit', { date: item.reference })
        : item.reference,
    item.counterpart,
    item.rating !== null ? t('workbench.rating', { rating: item.rating }) : null,
    item.escalationLevel ? t('workbench.escalation', { level: item.escalationLevel }) : null,
  ].filter((part): part is string => Boolean(part));
  return (
    <li className="workbench-item" data-testid="workbench-item">
      <Flex justify="space-between" align="flex-start" gap={8} wrap>
        <div className="workbench-item-main">
          <Link
            to={itemLink(item, section)}
            className="workbench-item-title"
            data-testid={`workbench-link-${item.kind}`}
          >
            {item.title}
          </Link>
          {details.length > 0 && (
            <Typography.Text type="secondary" className="workbench-item-details">
              {details.join(' · ')}
            </Typography.Text>
          )}
        </div>
        <Flex gap={4} wrap className="workbench-item-tags">
          <Tag color="blue">{t(`workbench.actions.${item.action}`)}</Tag>
          {clock && (
            <Tag color={TONE_COLORS[clock.tone]} data-testid="workbench-clock">
              {clock.text}
            </Tag>
          )}
        </Flex>
      </Flex>
    </li>
  );
}

/** One section of the workbench: its count, its first items with their clocks, and where to see them all. */
export function SectionCard({
  section,
  now,
  timeZone,
  role,
}: {
  section: WorkbenchSection;
  now: string;
  timeZone: string;
  role: string;
}) {
  const { t } = useTranslation();
  const more = section.total - section.items.length;
  return (
    <Card
      className="workbench-card"
      data-testid={`workbench-section-${section.key}`}
      title={
        <Flex align="center" gap={8}>
          <span className="workbench-card-title">{t(`workbench.sections.${section.key}.title`)}</span>
          <Badge
            count={section.total}
            showZero
            color={section.total > 0 ? undefined : '#bfbfbf'}
            overflowCount={999}
            data-testid="workbench-count"
          />
        </Flex>
      }
      extra={
        section.total > 0 ? (
          <Link to={sectionLink(section.key, role)} data-testid="workbench-all">
            {t('workbench.all')}
          </Link>
        ) : null
      }
    >
      {section.items.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t(`workbench.sections.${section.key}.empty`)}
          data-testid="workbench-empty"
        />
      ) : (
        <>
          <ul className="workbench-items">
            {section.items.map((item) => (
              <ItemRow
                key={`${item.kind}:${item.id}`}
                item={item}
                section={section.key}
                now={now}
                timeZone={timeZone}
              />
            ))}
          </ul>
          {more > 0 && (
            <Link to={sectionLink(section.key, role)} className="workbench-more">
              {t('workbench.more', { count: more })}
            </Link>
          )}
        </>
      )}
    </Card>
  );
}
