import { NotificationType } from '../notification-types';
import { s, type Payload, type Template } from './template';
import { dateTimeFormat } from '../../clock/date-format';

const when = (p: Payload, language: 'zh-CN' | 'en') => {
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

/** What people are told about venue bookings (活动阵地) and pairing visits (结对联系). */
export const VENUE_TEMPLATES: Partial<Record<NotificationType, Template>> = {
  [NotificationType.VenueBookingRequested]: (p) => ({
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
  [NotificationType.VenueBookingDecided]: (p) => ({
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
  [NotificationType.PairingVisitOverdue]: (p) => ({
    'zh-CN': {
      title: `结对走访提醒：${s(p.organizationName)}`,
      body: `您结对联系的“${s(p.organizationName)}”应于 ${s(p.dueOn)} 前走访（每 ${s(p.intervalDays)} 天一次），请尽快安排。`,
    },
    en: {
      title: `Pairing visit due: ${s(p.organizationName)}`,
      body: `Your paired enterprise "${s(p.organizationName)}" was due a visit by ${s(p.dueOn)} (every ${s(p.intervalDays)} days). Please visit soon.`,
    },
    link: '/pairing',
  }),
};
