import { CalendarOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Badge, Button, Calendar, Card, Flex, List, Segmented, Space, Table, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DISPLAY_TIME_ZONE } from '../../lib/dates';
import { useIsPhone } from '../../lib/useIsPhone';
import { useMe } from '../auth/api';
import { EmptyState, emptyText } from '../../lib/EmptyState';
import { PageHeader } from '../../lib/PageHeader';
import { inShanghai, useMeetings, type Meeting } from './api';
import { AttendanceStatisticsCard } from './AttendanceStatisticsCard';
import { FeedButton } from './FeedButton';
import { MeetingStatusTag, PlaceText, timeRange } from './labels';
import { ScheduleMeetingModal } from './ScheduleMeetingModal';

type View = 'month' | 'week' | 'list';

const struck = (meeting: Meeting): CSSProperties | undefined =>
  meeting.status === 'cancelled' ? { textDecoration: 'line-through', color: 'rgba(0,0,0,0.45)' } : undefined;

/** Today in Shanghai as a plain (local) date, the calendar's notion of a day. */
function shanghaiToday(): Dayjs {
  return dayjs(dayjs().tz(DISPLAY_TIME_ZONE).format('YYYY-MM-DD'));
}

function rangeOf(view: View, anchor: Dayjs): [Dayjs, Dayjs] {
  if (view === 'week') {
    const start = anchor.subtract((anchor.day() + 6) % 7, 'day').startOf('day');
    return [start, start.add(7, 'day')];
  }
  // The month grid shows a few days of the neighbouring months too.
  return [anchor.startOf('month').subtract(7, 'day'), anchor.endOf('month').add(8, 'day').startOf('day')];
}

/** A plain date at Shanghai midnight, as an ISO instant. */
function toInstant(day: Dayjs): string {
  return dayjs.tz(day.format('YYYY-MM-DD'), DISPLAY_TIME_ZONE).toISOString();
}

function byDay(meetings: Meeting[]): Map<string, Meeting[]> {
  const map = new Map<string, Meeting[]>();
  for (const meeting of meetings) {
    const key = inShanghai(meeting.startsAt).format('YYYY-MM-DD');
    map.set(key, [...(map.get(key) ?? []), meeting]);
  }
  return map;
}

/**
 * The title as a calendar cell shows it: a leading "2026年" of the meeting's own year says nothing
 * there and would push the distinctive part ("第四季度…") out of the cell.
 */
function calendarTitle(meeting: Pick<Meeting, 'title' | 'startsAt'>): string {
  const year = inShanghai(meeting.startsAt).format('YYYY');
  const short = meeting.title.replace(new RegExp(`^${year}\\s*年(度)?\\s*`), '');
  return short || meeting.title;
}

/** Two lines at most in a month cell; the full title and time on hover. */
const clamped: CSSProperties = {
  display: '-webkit-box',
  WebkitLineClamp: 2,
  WebkitBoxOrient: 'vertical',
  overflow: 'hidden',
  whiteSpace: 'normal',
  overflowWrap: 'anywhere',
  lineHeight: 1.35,
};

function MeetingLink({
  meeting,
  withTime = true,
  compact = false,
}: {
  meeting: Meeting;
  withTime?: boolean;
  compact?: boolean;
}) {
  const link = (
    <Link
      to={`/meetings/${meeting.id}`}
      style={{ ...struck(meeting), ...(compact ? clamped : undefined) }}
      data-testid="meeting-link"
      data-status={meeting.status}
      aria-label={compact ? `${timeRange(meeting)} ${meeting.title}` : undefined}
    >
      {withTime && `${inShanghai(meeting.startsAt).format('HH:mm')} `}
      {compact ? calendarTitle(meeting) : meeting.title}
    </Link>
  );
  if (!compact) return link;
  return (
    <Tooltip
      title={
        <span data-testid="meeting-link-tooltip">
          {meeting.title}
          <br />
          {timeRange(meeting)}
        </span>
      }
    >
      {link}
    </Tooltip>
  );
}

function WeekView({ start, meetings }: { start: Dayjs; meetings: Meeting[] }) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const days = byDay(meetings);
  return (
    <List
      data-testid="meetings-week"
      dataSource={Array.from({ length: 7 }, (_, i) => start.add(i, 'day'))}
      renderItem={(day) => {
        const items = days.get(day.format('YYYY-MM-DD')) ?? [];
        return (
          <List.Item>
            <Flex gap={phone ? 'small' : 'large'} style={{ width: '100%' }}>
              <Typography.Text strong style={{ width: phone ? 80 : 120, flex: 'none' }}>
                {day.format('MM-DD ddd')}
              </Typography.Text>
              {items.length === 0 ? (
                <Typography.Text type="secondary">{t('meetings.noMeetingsThatDay')}</Typography.Text>
              ) : (
                // The full title, wrapping where the day is narrow; the place after it.
                <Flex vertical gap={4} style={{ minWidth: 0, flex: 1, overflowWrap: 'anywhere' }}>
                  {items.map((meeting) => (
                    <div key={meeting.id}>
                      <MeetingLink meeting={meeting} />
                      <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                        <PlaceText place={meeting.place} />
                      </Typography.Text>
                    </div>
                  ))}
                </Flex>
              )}
            </Flex>
          </List.Item>
        );
      }}
    />
  );
}

/** The chosen day's meetings under a phone's month grid, with their full titles. */
function DayMeetings({ day, meetings }: { day: Dayjs; meetings: Meeting[] }) {
  const { t } = useTranslation();
  return (
    <div data-testid="meetings-day" style={{ marginTop: 8, overflowWrap: 'anywhere' }}>
      <Typography.Text strong>{day.format('MM-DD ddd')}</Typography.Text>
      {meetings.length === 0 ? (
        <div>
          <Typography.Text type="secondary">{t('meetings.noMeetingsThatDay')}</Typography.Text>
        </div>
      ) : (
        meetings.map((meeting) => (
          <div key={meeting.id} style={{ marginTop: 4 }}>
            <MeetingLink meeting={meeting} />
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
              <PlaceText place={meeting.place} />
            </Typography.Text>
          </div>
        ))
      )}
    </div>
  );
}

/** 联席会议: the month or week calendar, or a list, of the meetings the user may see. */
export function MeetingsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const phone = useIsPhone();
  // A month's grid needs a wide screen; a phone starts on the week, a list of days.
  const [chosenView, setView] = useState<View | null>(null);
  const view = chosenView ?? (phone ? 'week' : 'month');
  const [anchor, setAnchor] = useState<Dayjs>(shanghaiToday);
  const [scheduling, setScheduling] = useState(false);
  const [from, to] =
    view === 'list' ? [shanghaiToday().subtract(30, 'day'), shanghaiToday().add(180, 'day')] : rangeOf(view, anchor);
  const query = useMeetings(toInstant(from), toInstant(to));
  const meetings = query.data ?? [];
  const days = byDay(meetings);
  const isOfficial = me?.role === 'township_admin';

  return (
    <>
      <PageHeader
        title={t('meetings.title')}
        extra={
          <Space wrap>
            <FeedButton />
            {isOfficial && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setScheduling(true)}
                data-testid="meetings-new"
              >
                {t('meetings.new')}
              </Button>
            )}
          </Space>
        }
      />
      <Card className="section-card" data-testid="meetings-page">
        <Flex justify="space-between" wrap gap="middle" style={{ marginBottom: 12 }}>
          <Segmented<View>
            value={view}
            onChange={setView}
            data-testid="meetings-view"
            options={[
              { value: 'month', label: t('meetings.views.month'), icon: <CalendarOutlined /> },
              { value: 'week', label: t('meetings.views.week'), icon: <CalendarOutlined /> },
              { value: 'list', label: t('meetings.views.list'), icon: <UnorderedListOutlined /> },
            ]}
          />
          {view === 'week' && (
            <Space>
              <Button onClick={() => setAnchor(anchor.subtract(7, 'day'))}>{t('meetings.previousWeek')}</Button>
              <Button onClick={() => setAnchor(shanghaiToday())}>{t('meetings.thisWeek')}</Button>
              <Button onClick={() => setAnchor(anchor.add(7, 'day'))}>{t('meetings.nextWeek')}</Button>
            </Space>
          )}
        </Flex>
        {view === 'month' && (
          <div data-testid="meetings-calendar">
            <Calendar
              value={anchor}
              onPanelChange={(value) => setAnchor(value)}
              onSelect={(value) => setAnchor(value)}
              cellRender={(current, info) => {
                if (info.type !== 'date') return info.originNode;
                const items = days.get(current.format('YYYY-MM-DD')) ?? [];
                // A phone's cell is a finger wide: a dot per meeting, the day's titles below the grid.
                if (phone)
                  return (
                    <Flex wrap gap={2} data-testid="meeting-dots">
                      {items.map((meeting) => (
                        <Badge key={meeting.id} status={meeting.status === 'cancelled' ? 'default' : 'processing'} />
                      ))}
                    </Flex>
                  );
                return (
                  <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                    {items.map((meeting) => (
                      <li
                        key={meeting.id}
                        style={{ display: 'flex', gap: 4, alignItems: 'baseline', marginBottom: 2, fontSize: 12 }}
                      >
                        <Badge status={meeting.status === 'cancelled' ? 'default' : 'processing'} />
                        <MeetingLink meeting={meeting} compact />
                      </li>
                    ))}
                  </ul>
                );
              }}
            />
            {phone && <DayMeetings day={anchor} meetings={days.get(anchor.format('YYYY-MM-DD')) ?? []} />}
          </div>
        )}
        {view === 'week' && <WeekView start={from} meetings={meetings} />}
        {view === 'list' && (
          <Table<Meeting>
            rowKey="id"
            loading={query.isPending}
            dataSource={meetings}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            data-testid="meetings-list"
            locale={{
              emptyText: emptyText(
                query.isPending,
                <EmptyState
                  text={t('emptyStates.meetings')}
                  action={
                    isOfficial
                      ? { label: t('meetings.new'), icon: <PlusOutlined />, onClick: () => setScheduling(true) }
                      : undefined
                  }
                />,
              ),
            }}
            columns={[
              {
                title: t('meetings.titleLabel'),
                key: 'title',
                render: (_, meeting) => <MeetingLink meeting={meeting} withTime={false} />,
              },
              {
                title: t('meetings.time'),
                key: 'time',
                render: (_, meeting) => <span style={struck(meeting)}>{timeRange(meeting)}</span>,
              },
              { title: t('meetings.place'), key: 'place', render: (_, meeting) => <PlaceText place={meeting.place} /> },
              {
                title: t('meetings.status'),
                key: 'status',
                render: (_, meeting) => <MeetingStatusTag status={meeting.status} />,
              },
            ]}
          />
        )}
      </Card>
      {isOfficial && <AttendanceStatisticsCard />}
      {isOfficial && <ScheduleMeetingModal open={scheduling} onClose={() => setScheduling(false)} />}
    </>
  );
}
