import { CalendarOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Result, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '../../api/errors';
import { useShowError } from '../../lib/useShowError';
import { useMe } from '../auth/api';
import { PageHeader } from '../../lib/PageHeader';
import { useDownloadIcs, useMeeting, useNameAttendee, useRsvp, type Meeting, type Participant } from './api';
import { MeetingStatusTag, PlaceText, ResponseTag, timeRange } from './labels';
import { AgendaTab } from './AgendaTab';
import { CheckInTab } from './CheckInTab';
import { MeetingActionsTab } from './MeetingActionsTab';
import { CancelMeetingModal, RescheduleModal, RsvpModal } from './MeetingModals';
import { MinutesTab } from './MinutesTab';

/** The current user's answer: accept, or ask for leave / delegate in a modal. */
function RsvpBar({ meeting, mine, canDelegate }: { meeting: Meeting; mine: Participant; canDelegate: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rsvp = useRsvp(meeting.id);
  const showError = useShowError();
  const [modal, setModal] = useState<'declined' | 'delegated' | null>(null);
  return (
    <Card className="section-card" title={t('meetings.rsvp.title')} data-testid="meeting-rsvp">
      <Space wrap>
        <Typography.Text>{t('meetings.rsvp.yourAnswer')}</Typography.Text>
        <ResponseTag response={mine.response} />
        <Button
          type="primary"
          disabled={mine.response === 'accepted'}
          loading={rsvp.isPending}
          onClick={() =>
            rsvp.mutate(
              { response: 'accepted' },
              {
                onSuccess: () => void message.success(t('meetings.rsvp.accepted')),
                onError: (error) => showError(error),
              },
            )
          }
          data-testid="rsvp-accept"
        >
          {t('meetings.rsvp.accept')}
        </Button>
        <Button disabled={mine.response === 'declined'} onClick={() => setModal('declined')} data-testid="rsvp-decline">
          {t('meetings.rsvp.decline')}
        </Button>
        {canDelegate && (
          <Button
            disabled={mine.response === 'delegated'}
            onClick={() => setModal('delegated')}
            data-testid="rsvp-delegate-open"
          >
            {t('meetings.rsvp.delegate')}
          </Button>
        )}
      </Space>
      <RsvpModal meeting={meeting} kind={modal} onClose={() => setModal(null)} />
    </Card>
  );
}

function ParticipantsCard({
  meeting,
  myId,
  myOrganizationId,
  open,
}: {
  meeting: Meeting;
  myId?: string;
  myOrganizationId?: string;
  open: boolean;
}) {
  const { t } = useTranslation();
  const nameAttendee = useNameAttendee(meeting.id);
  const showError = useShowError();
  return (
    <Card className="section-card" title={t('meetings.participants.title')}>
      <Table<Participant>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={meeting.participants}
        data-testid="meeting-participants"
        columns={[
          {
            title: t('meetings.participants.organization'),
            key: 'organization',
            render: (_, p) => p.organization?.name ?? '—',
          },
          {
            title: t('meetings.participants.attendee'),
            key: 'attendee',
            render: (_, p) =>
              p.attendee ? (
                p.attendee.displayName
              ) : open && myId && p.organization && p.organization.id === myOrganizationId ? (
                <Button
                  size="small"
                  loading={nameAttendee.isPending}
                  onClick={() =>
                    nameAttendee.mutate(
                      { organizationId: p.organization!.id, attendeeId: myId },
                      { onError: (error) => showError(error) },
                    )
                  }
                  data-testid="meeting-attend-self"
                >
                  {t('meetings.participants.attendSelf')}
                </Button>
              ) : (
                <Typography.Text type="secondary">{t('meetings.participants.notNamed')}</Typography.Text>
              ),
          },
          {
            title: t('meetings.participants.required'),
            key: 'required',
            render: (_, p) => (p.required ? <Tag color="red">{t('meetings.participants.requiredTag')}</Tag> : null),
            // A phone keeps who comes and their answer; the rest needs the width.
            responsive: ['md'],
          },
          {
            title: t('meetings.participants.response'),
            key: 'response',
            render: (_, p) => <ResponseTag response={p.response} />,
          },
          {
            title: t('meetings.participants.declineReason'),
            key: 'reason',
            render: (_, p) => p.declineReason ?? '',
            responsive: ['md'],
          },
        ]}
      />
    </Card>
  );
}

const MEETING_TABS = ['overview', 'agenda', 'checkin', 'minutes', 'actions'];

/** One joint meeting: facts, participants and their answers, the user's own answer, the official's changes. */
export function MeetingDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data: me } = useMe();
  const query = useMeeting(id);
  const ics = useDownloadIcs(id);
  const showError = useShowError();
  const [modal, setModal] = useState<'cancel' | 'reschedule' | null>(null);
  // `?tab=minutes` opens a tab directly (the workbench's "minutes to approve" does).
  const [search] = useSearchParams();
  const [tab, setTab] = useState(() =>
    MEETING_TABS.includes(search.get('tab') ?? '') ? search.get('tab')! : 'overview',
  );

  if (query.isError) {
    const notFound =
      query.error instanceof ApiError && (query.error.statusCode === 404 || query.error.statusCode === 400);
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('meetings.notFound') : errorMessage(query.error)}
        extra={
          <Link to="/meetings">
            <Button type="primary">{t('meetings.backToList')}</Button>
          </Link>
        }
      />
    );
  }
  if (!query.data) return <Spin />;
  const meeting = query.data;
  const isOfficial = me?.role === 'township_admin';
  const open = meeting.status === 'scheduled';
  const mine = me ? meeting.participants.find((p) => p.attendee?.id === me.id) : undefined;

  return (
    <>
      <PageHeader
        title={<span style={open ? undefined : { textDecoration: 'line-through' }}>{meeting.title}</span>}
        subtitle={<Link to="/meetings">{t('meetings.backToList')}</Link>}
        extra={
          <Space wrap>
            <Button
              icon={<DownloadOutlined />}
              loading={ics.isPending}
              onClick={() => ics.mutate(undefined, { onError: (error) => showError(error) })}
              data-testid="meeting-ics"
            >
              {t('meetings.downloadIcs')}
            </Button>
            {isOfficial && open && (
              <>
                <Button
                  icon={<CalendarOutlined />}
                  onClick={() => setModal('reschedule')}
                  data-testid="meeting-reschedule"
                >
                  {t('meetings.reschedule.button')}
                </Button>
                <Button danger onClick={() => setModal('cancel')} data-testid="meeting-cancel">
                  {t('meetings.cancel.button')}
                </Button>
              </>
            )}
          </Space>
        }
      />
      {!open && meeting.cancelReason && (
        <Alert
          type="warning"
          showIcon
          title={t('meetings.cancelledBecause', { reason: meeting.cancelReason })}
          style={{ marginBottom: 16 }}
          data-testid="meeting-cancel-reason-shown"
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          {
            key: 'overview',
            label: <span data-testid="meeting-tab-overview">{t('meetings.tabs.overview')}</span>,
            children: (
              <>
                <Card className="section-card" data-testid="meeting-overview">
                  <Space style={{ marginBottom: 16 }}>
                    <MeetingStatusTag status={meeting.status} testId="meeting-status" />
                    {meeting.seriesId && <Tag>{t('meetings.series')}</Tag>}
                  </Space>
                  <Descriptions column={{ xs: 1, md: 2 }} size="small">
                    <Descriptions.Item label={t('meetings.time')}>{timeRange(meeting)}</Descriptions.Item>
                    <Descriptions.Item label={t('meetings.place')}>
                      <PlaceText place={meeting.place} />
                    </Descriptions.Item>
                    <Descriptions.Item label={t('meetings.chair')}>{meeting.chairName || '—'}</Descriptions.Item>
                    <Descriptions.Item label={t('meetings.recorder')}>{meeting.recorderName ?? '—'}</Descriptions.Item>
                    {meeting.place.kind === 'online' && meeting.place.onlineUrl && (
                      <Descriptions.Item label={t('meetings.form.onlineUrl')}>
                        <Typography.Link href={meeting.place.onlineUrl} target="_blank" rel="noreferrer">
                          {meeting.place.onlineUrl}
                        </Typography.Link>
                      </Descriptions.Item>
                    )}
                  </Descriptions>
                  {meeting.description && (
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12, marginBottom: 0 }}>
                      {meeting.description}
                    </Typography.Paragraph>
                  )}
                </Card>
                {open && mine && <RsvpBar meeting={meeting} mine={mine} canDelegate={isOfficial} />}
                <ParticipantsCard meeting={meeting} myId={me?.id} myOrganizationId={me?.organization?.id} open={open} />
              </>
            ),
          },
          {
            key: 'agenda',
            label: <span data-testid="meeting-tab-agenda">{t('meetings.tabs.agenda')}</span>,
            children: <AgendaTab meetingId={meeting.id} isOfficial={isOfficial} open={open} />,
          },
          {
            key: 'checkin',
            label: <span data-testid="meeting-tab-checkin">{t('meetings.tabs.checkIn')}</span>,
            children: <CheckInTab meetingId={meeting.id} isOfficial={isOfficial} open={open} />,
          },
          {
            key: 'minutes',
            label: <span data-testid="meeting-tab-minutes">{t('meetings.tabs.minutes')}</span>,
            children: <MinutesTab meeting={meeting} myId={me?.id} isOfficial={isOfficial} />,
          },
          {
            key: 'actions',
            label: <span data-testid="meeting-tab-actions">{t('meetings.tabs.actions')}</span>,
            children: <MeetingActionsTab meeting={meeting} isOfficial={isOfficial} />,
          },
        ]}
      />
      {isOfficial && (
        <>
          <CancelMeetingModal meeting={meeting} open={modal === 'cancel'} onClose={() => setModal(null)} />
          <RescheduleModal meeting={meeting} open={modal === 'reschedule'} onClose={() => setModal(null)} />
        </>
      )}
    </>
  );
}
