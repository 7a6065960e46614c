import {
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  App,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDayTime, formatTimeOf, instantInTownship, today, townshipDayStart } from '../../lib/dates';
import { useShowError } from '../../lib/useShowError';
import { useMe } from '../auth/api';
import { EmptyState, emptyText } from '../../lib/EmptyState';
import { PageHeader } from '../../lib/PageHeader';
import {
  useBookingAction,
  useBookZone,
  useVenueBookings,
  useVenueCalendar,
  useVenues,
  type Venue,
  type VenueBooking,
} from './api';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** A booking's time in the township: 12-07 14:00–16:00. */
const timeSpan = (startsAt: string, endsAt: string) => `${formatDayTime(startsAt)}–${formatTimeOf(endsAt)}`;

/** 活动阵地: venues with their zones, a week's calendar per venue, booking, and (officials) the approval list. */
export function VenuesPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const venues = useVenues();
  const [venueId, setVenueId] = useState<string>();
  const venue = venues.data?.find((v) => v.id === venueId) ?? venues.data?.[0];
  const [booking, setBooking] = useState<Venue['zones'][number] | null>(null);
  const isOfficial = me?.role === 'township_admin';
  const canBook = me?.role !== 'expert';
  return (
    <>
      <PageHeader
        title={t('venues.title')}
        extra={
          (venues.data?.length ?? 0) > 1 && (
            <Select
              value={venue?.id}
              onChange={setVenueId}
              options={venues.data?.map((v) => ({ value: v.id, label: v.name }))}
              style={{ minWidth: 240 }}
            />
          )
        }
      />
      {!venue && !venues.isPending && <Empty description={t('venues.empty')} />}
      {venue && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Card className="section-card" title={venue.name}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'address', label: t('venues.address'), children: venue.address ?? '—' },
                { key: 'description', label: t('venues.description'), children: venue.description ?? '—' },
              ]}
            />
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={venue.zones}
              data-testid="venue-zones"
              columns={[
                { title: t('venues.zone'), dataIndex: 'name' },
                { title: t('venues.kind'), dataIndex: 'kind', render: (kind: string) => t(`venues.kinds.${kind}`) },
                { title: t('venues.capacity'), dataIndex: 'capacity' },
                {
                  title: t('venues.openingHours'),
                  render: (_: unknown, zone) =>
                    zone.openingHours
                      ? zone.openingHours
                          .map(
                            (d, i) =>
                              `${t(`venues.weekdays.${WEEKDAYS[i]}`)} ${d ? `${d.open}–${d.close}` : t('venues.closed')}`,
                          )
                          .join('；')
                      : t('venues.anyTime'),
                },
                {
                  title: t('venues.approval'),
                  render: (_: unknown, zone) =>
                    zone.requiresApproval ? (
                      <Tag color="orange">{t('venues.needsApproval')}</Tag>
                    ) : (
                      <Tag>{t('venues.noApproval')}</Tag>
                    ),
                },
                {
                  title: '',
                  render: (_: unknown, zone) =>
                    canBook && (
                      <Button
                        size="small"
                        type="primary"
                        onClick={() => setBooking(zone)}
                        data-testid={`book-zone-${zone.name}`}
                      >
                        {t('venues.book')}
                      </Button>
                    ),
                },
              ]}
            />
          </Card>
          <VenueCalendar venueId={venue.id} />
          <BookingsCard official={isOfficial} />
        </Space>
      )}
      <BookingModal zone={booking} onClose={() => setBooking(null)} />
    </>
  );
}

function VenueCalendar({ venueId }: { venueId: string }) {
  const { t } = useTranslation();
  const [start, setStart] = useState<Dayjs>(today);
  const from = townshipDayStart(start);
  const to = townshipDayStart(start.add(7, 'day'));
  const calendar = useVenueCalendar(venueId, from, to);
  return (
    <Card
      className="section-card"
      title={t('venues.calendar')}
      extra={<DatePicker value={start} onChange={(d) => d && setStart(d.startOf('day'))} allowClear={false} />}
    >
      <Table
        rowKey={(e) => `${e.zoneId}-${e.startsAt}`}
        size="small"
        pagination={false}
        loading={calendar.isPending}
        dataSource={calendar.data ?? []}
        data-testid="venue-calendar"
        locale={{ emptyText: t('venues.calendarEmpty') }}
        columns={[
          { title: t('venues.time'), render: (_: unknown, e) => timeSpan(e.startsAt, e.endsAt) },
          { title: t('venues.zone'), dataIndex: 'zoneName' },
          { title: t('venues.what'), render: (_: unknown, e) => e.title ?? t('venues.reserved') },
          { title: t('venues.status'), render: (_: unknown, e) => <Tag>{t(`venues.statuses.${e.status}`)}</Tag> },
        ]}
      />
    </Card>
  );
}

function BookingsCard({ official }: { official: boolean }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<VenueBooking['status'] | undefined>(official ? 'pending' : undefined);
  const bookings = useVenueBookings(status);
  const action = useBookingAction();
  const showError = useShowError();
  const run = (id: string, kind: 'approve' | 'reject' | 'cancel') =>
    action.mutate({ id, action: kind }, { onError: (e) => showError(e) });
  return (
    <Card
      className="section-card"
      title={official ? t('venues.approvals') : t('venues.myBookings')}
      extra={
        <Select
          allowClear
          placeholder={t('venues.allStatuses')}
          value={status}
          onChange={setStatus}
          style={{ minWidth: 140 }}
          options={(['pending', 'approved', 'rejected', 'cancelled'] as const).map((s) => ({
            value: s,
            label: t(`venues.statuses.${s}`),
          }))}
        />
      }
    >
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={bookings.data ?? []}
        data-testid="venue-bookings"
        locale={{
          emptyText: emptyText(
            bookings.isPending,
            <EmptyState text={t(official ? 'emptyStates.bookingsOfficial' : 'emptyStates.bookingsMine')} />,
          ),
        }}
        columns={[
          { title: t('venues.time'), render: (_: unknown, b) => timeSpan(b.startsAt, b.endsAt) },
          { title: t('venues.zone'), dataIndex: 'zoneName' },
          { title: t('venues.purpose'), dataIndex: 'purpose' },
          { title: t('venues.attendees'), dataIndex: 'attendees' },
          { title: t('venues.booker'), render: (_: unknown, b) => b.bookerOrganization?.name ?? b.booker.name },
          { title: t('venues.status'), render: (_: unknown, b) => <Tag>{t(`venues.statuses.${b.status}`)}</Tag> },
          {
            title: '',
            render: (_: unknown, b) => (
              <Space>
                {b.allowedActions.map((a) => (
                  <Button
                    key={a}
                    size="small"
                    danger={a !== 'approve'}
                    type={a === 'approve' ? 'primary' : 'default'}
                    onClick={() => run(b.id, a as 'approve')}
                    data-testid={`booking-${a}`}
                  >
                    {t(`venues.actions.${a}`)}
                  </Button>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

function BookingModal({ zone, onClose }: { zone: Venue['zones'][number] | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ range: [Dayjs, Dayjs]; purpose: string; attendees: number }>();
  const book = useBookZone();
  const showError = useShowError();
  const initial = useMemo(() => ({ attendees: 1 }), []);
  return (
    <Modal
      open={!!zone}
      title={t('venues.bookTitle', { zone: zone?.name ?? '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={book.isPending}
      okButtonProps={{ 'data-testid': 'booking-submit' }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(values) =>
          zone &&
          book.mutate(
            {
              zoneId: zone.id,
              startsAt: instantInTownship(values.range[0]),
              endsAt: instantInTownship(values.range[1]),
              purpose: values.purpose,
              attendees: values.attendees,
            },
            {
              onSuccess: (saved) => {
                void message.success(saved.status === 'pending' ? t('venues.bookedPending') : t('venues.booked'));
                form.resetFields();
                onClose();
              },
              onError: (error) => showError(error, form),
            },
          )
        }
      >
        <Form.Item name="range" label={t('venues.time')} rules={[{ required: true, message: t('venues.required') }]}>
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm', minuteStep: 15 }}
            format="YYYY-MM-DD HH:mm"
            data-testid="booking-range"
          />
        </Form.Item>
        <Form.Item
          name="purpose"
          label={t('venues.purpose')}
          rules={[{ required: true, min: 2, message: t('venues.required') }]}
        >
          <Input maxLength={200} data-testid="booking-purpose" />
        </Form.Item>
        <Form.Item
          name="attendees"
          label={t('venues.attendees')}
          extra={zone && t('venues.capacityHint', { capacity: zone.capacity })}
        >
          <InputNumber min={1} max={10000} data-testid="booking-attendees" />
        </Form.Item>
        <Typography.Text type="secondary">
          {zone?.requiresApproval ? t('venues.needsApprovalHint') : ''}
        </Typography.Text>
      </Form>
    </Modal>
  );
}
