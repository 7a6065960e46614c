import { CalendarOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Badge, Button, Calendar, Card, Flex, List, Segmented, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DISPLAY_TIME_ZONE } from '../../lib/dates';
import { useIsPhone } from '../../lib/useIsPhone';
import { useMe } from '../auth/api';
import { EmptyState, emptyText } from '../shell/EmptyState';
import { PageHeader } from '../shell/PageHeader';
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

function MeetingLink({ meeting, withTime = true }: { meeting: Meeting; withTime?: boolean }) {
  return (
    <Link to={`/meetings/${meeting.id}`} style={struck(meeting)} data-testid="meeting-link" data-status={meeting.status}>
      {withTime && `${inShanghai(meeting.startsAt).format('HH:mm')} `}
      {meeting.title}
    </Link>
  );
}

function WeekView({ start, meetings }: { start: Dayjs; meetings: Meeting[] }) {
  const { t } = useTranslation();
  const days = byDay(meetings);
  return (
    <List
      data-testid="meetings-week"
      dataSource={Array.from({ length: 7 }, (_, i) => start.add(i, 'day'))}
      renderItem={(day) => {
        const items = days.get(day.format('YYYY-MM-DD')) ?? [];
        return (
          <List.Item>
            <Flex gap="large" style={{ width: '100%' }}>
              <Typography.Text strong style={{ width: 120, flex: 'none' }}>
                {day.format('MM-DD ddd')}
              </Typography.Text>
              {items.length === 0 ? (
                <Typography.Text type="secondary">{t('meetings.noMeetingsThatDay')}</Typography.Text>
              ) : (
                <Space orientation="vertical" size={2}>
                  {items.map((meeting) => (
                    <Space key={meeting.id}>
                      <MeetingLink meeting={meeting} />
                      <Typography.Text type="secondary">
                        <PlaceText place={meeting.place} />
                      </Typography.Text>
                    </Space>
                  ))}
                </Space>
              )}
            </Flex>
          </List.Item>
        );
      }}
    />
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
  const [from, to] = view === 'list' ? [shanghaiToday().subtract(30, 'day'), shanghaiToday().add(180, 'day')] : rangeOf(view, anchor);
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
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setScheduling(true)} data-testid="meetings-new">
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
              return (
                <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                  {items.map((meeting) => (
                    <li key={meeting.id} style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                      <Badge status={meeting.status === 'cancelled' ? 'default' : 'processing'} />{' '}
                      <MeetingLink meeting={meeting} />
                    </li>
                  ))}
                </ul>
              );
            }}
          />
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
                  action={isOfficial ? { label: t('meetings.new'), icon: <PlusOutlined />, onClick: () => setScheduling(true) } : undefined}
                />,
              ),
            }}
            columns={[
              { title: t('meetings.titleLabel'), key: 'title', render: (_, meeting) => <MeetingLink meeting={meeting} withTime={false} /> },
              { title: t('meetings.time'), key: 'time', render: (_, meeting) => <span style={struck(meeting)}>{timeRange(meeting)}</span> },
              { title: t('meetings.place'), key: 'place', render: (_, meeting) => <PlaceText place={meeting.place} /> },
              { title: t('meetings.status'), key: 'status', render: (_, meeting) => <MeetingStatusTag status={meeting.status} /> },
            ]}
          />
        )}
      </Card>
      {isOfficial && <AttendanceStatisticsCard />}
      {isOfficial && <ScheduleMeetingModal open={scheduling} onClose={() => setScheduling(false)} />}
    </>
  );
}
