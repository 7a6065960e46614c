import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Meeting, MeetingStatus, RsvpResponse } from './api';
import { inShanghai } from './api';

const RESPONSE_COLORS: Record<RsvpResponse, string> = {
  pending: 'default',
  accepted: 'green',
  declined: 'orange',
  delegated: 'blue',
};

export function ResponseTag({ response }: { response: RsvpResponse }) {
  const { t } = useTranslation();
  return (
    <Tag color={RESPONSE_COLORS[response]} data-response={response}>
      {t(`meetings.responses.${response}`)}
    </Tag>
  );
}

export function MeetingStatusTag({ status, testId }: { status: MeetingStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={status === 'cancelled' ? 'red' : 'blue'} data-testid={testId} data-status={status}>
      {t(`meetings.statuses.${status}`)}
    </Tag>
  );
}

/** "2024-03-01 09:00–11:00" in Shanghai time. */
export function timeRange(meeting: Pick<Meeting, 'startsAt' | 'endsAt'>): string {
  const start = inShanghai(meeting.startsAt);
  const end = inShanghai(meeting.endsAt);
  const endFormat = start.isSame(end, 'day') ? 'HH:mm' : 'YYYY-MM-DD HH:mm';
  return `${start.format('YYYY-MM-DD HH:mm')}–${end.format(endFormat)}`;
}

export function PlaceText({ place }: { place: Meeting['place'] }) {
  const { t } = useTranslation();
  if (place.kind === 'room') return <>{`${t('meetings.placeKinds.room')} · ${place.zone?.name ?? '—'}`}</>;
  if (place.kind === 'online')
    return place.onlineUrl ? (
      <a href={place.onlineUrl} target="_blank" rel="noreferrer">
        {t('meetings.placeKinds.online')}
      </a>
    ) : (
      <>{t('meetings.placeKinds.online')}</>
    );
  return <>{place.address ?? '—'}</>;
}
