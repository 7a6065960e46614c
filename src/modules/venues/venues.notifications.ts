import { dateTimeFormat } from '../../platform/clock/date-format';
import { defineNotificationTypes } from '../../platform/notifications/notification-registry';
import { s } from '../../platform/notifications/templates/template';

export enum VenueNotification {
  VenueBookingRequested = 'venue-booking.requested',
  VenueBookingDecided = 'venue-booking.decided',
}

/** A booking's slot, its start and end as ISO 8601. */
interface BookingPayload {
  bookingId: string;
  zoneName: string;
  purpose: string;
  startsAt: string;
  endsAt: string;
}

declare module '../../platform/notifications/notification-registry' {
  interface NotificationPayloads {
    [VenueNotification.VenueBookingRequested]: BookingPayload;
    /** status: approved or rejected. */
    [VenueNotification.VenueBookingDecided]: BookingPayload & { status: string; note: string };
  }
}

const when = (p: BookingPayload, language: 'zh-CN' | 'en') => {
  const format = dateTimeFormat(language === 'zh-CN' ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return `${format.format(new Date(s(p.startsAt)))}–${format.format(new Date(s(p.endsAt))).slice(-5)}`;
};

/** What people are told about venue bookings (活动阵地). */
defineNotificationTypes(VenueNotification, {
  [VenueNotification.VenueBookingRequested]: (p) => ({
    'zh-CN': {
      title: `场地预约待审批：${s(p.zoneName)}`,
      body: `${s(p.zoneName)} ${when(p, 'zh-CN')} 有新的预约“${s(p.purpose)}”，请审批。`,
    },
    en: {
      title: `Booking to approve: ${s(p.zoneName)}`,
      body: `"${s(p.purpose)}" asks for ${s(p.zoneName)} on ${when(p, 'en')}. Please approve or reject it.`,
    },
    link: '/venues/bookings?status=pending',
  }),
  [VenueNotification.VenueBookingDecided]: (p) => ({
    'zh-CN': {
      title: p.status === 'approved' ? `场地预约已通过：${s(p.zoneName)}` : `场地预约未通过：${s(p.zoneName)}`,
      body: `您预约的 ${s(p.zoneName)}（${when(p, 'zh-CN')}，“${s(p.purpose)}”）${p.status === 'approved' ? '已通过审批' : '未通过审批'}${p.note ? `：${s(p.note)}` : '。'}`,
    },
    en: {
      title: p.status === 'approved' ? `Booking approved: ${s(p.zoneName)}` : `Booking rejected: ${s(p.zoneName)}`,
      body: `Your booking of ${s(p.zoneName)} on ${when(p, 'en')} ("${s(p.purpose)}") was ${p.status === 'approved' ? 'approved' : 'rejected'}${p.note ? `: ${s(p.note)}` : '.'}`,
    },
    link: '/venues/bookings',
  }),
});
