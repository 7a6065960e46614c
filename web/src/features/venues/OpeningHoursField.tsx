import { Flex, Switch, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Zone } from './api';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export type OpeningHours = NonNullable<Zone['openingHours']>;
/** One weekday in the form: open or closed, and the hours when open. */
export interface DayValue {
  open: boolean;
  range: [Dayjs, Dayjs];
}

const at = (hhmm: string) => dayjs(hhmm === '24:00' ? '23:59' : hhmm, 'HH:mm');

/** The usual week when an official first limits a zone's hours: weekdays 08:30–17:30, weekends closed. */
export function defaultWeek(): DayValue[] {
  return WEEKDAYS.map((_, i) => ({ open: i < 5, range: [at('08:30'), at('17:30')] }));
}

export function toDayValues(hours: Zone['openingHours']): DayValue[] {
  if (!hours) return defaultWeek();
  return hours.map((d) =>
    d ? { open: true, range: [at(d.open), at(d.close)] } : { open: false, range: [at('08:30'), at('17:30')] },
  );
}

export function fromDayValues(days: DayValue[]): OpeningHours {
  return days.map((d) => (d.open ? { open: d.range[0].format('HH:mm'), close: d.range[1].format('HH:mm') } : null));
}

/** Seven rows, Monday first: a switch for open or closed, and the hours of the open days (a Form.Item control). */
export function OpeningHoursField({
  value = defaultWeek(),
  onChange,
}: {
  value?: DayValue[];
  onChange?: (days: DayValue[]) => void;
}) {
  const { t } = useTranslation();
  const set = (index: number, day: DayValue) => onChange?.(value.map((d, i) => (i === index ? day : d)));
  return (
    <Flex vertical gap={6} data-testid="opening-hours">
      {value.map((day, index) => (
        <Flex key={WEEKDAYS[index]} gap="small" align="center">
          <Typography.Text style={{ width: 48 }}>{t(`venues.weekdays.${WEEKDAYS[index]}`)}</Typography.Text>
          <Switch
            size="small"
            checked={day.open}
            onChange={(open) => set(index, { ...day, open })}
            checkedChildren={t('venueAdmin.open')}
            unCheckedChildren={t('venues.closed')}
            data-testid={`day-open-${WEEKDAYS[index]}`}
          />
          {day.open && (
            <TimePicker.RangePicker
              size="small"
              format="HH:mm"
              minuteStep={15}
              allowClear={false}
              order
              value={day.range}
              onChange={(range) => range?.[0] && range[1] && set(index, { ...day, range: [range[0], range[1]] })}
            />
          )}
        </Flex>
      ))}
    </Flex>
  );
}

/** "周一至周五 08:30–17:30；周六、周日 不开放" for tables: runs of days with the same hours together. */
export function hoursText(hours: Zone['openingHours'], t: TFunction): string {
  if (!hours) return t('venues.anyTime');
  const text = (d: (typeof hours)[number]) => (d ? `${d.open}–${d.close}` : t('venues.closed'));
  const day = (i: number) => t(`venues.weekdays.${WEEKDAYS[i]}`);
  const runs: { from: number; to: number; text: string }[] = [];
  hours.forEach((d, i) => {
    const last = runs[runs.length - 1];
    if (last && last.text === text(d)) last.to = i;
    else runs.push({ from: i, to: i, text: text(d) });
  });
  return runs
    .map(({ from, to, text: hoursOfRun }) => {
      const days =
        from === to
          ? day(from)
          : to === from + 1
            ? t('venueAdmin.twoDays', { a: day(from), b: day(to) })
            : t('venueAdmin.dayRange', { from: day(from), to: day(to) });
      return `${days} ${hoursOfRun}`;
    })
    .join(t('venueAdmin.separator'));
}
