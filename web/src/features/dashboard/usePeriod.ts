import dayjs, { type Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router';
import { toApiDate } from '../../lib/dates';
import type { DashboardPeriod } from './api';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The period in `?from=&to=` (both days included, as the picker shows them), shared by the page and
 * the wall display; none means the API's default (the last twelve months).
 */
export function usePeriod() {
  const [params, setParams] = useSearchParams();
  const from = params.get('from');
  const to = params.get('to');
  const range: [Dayjs, Dayjs] | null = from && to && DAY.test(from) && DAY.test(to) ? [dayjs(from), dayjs(to)] : null;
  // The API's `to` is exclusive ("before this day"); the picker's end day is included.
  const period: DashboardPeriod = range ? { from: toApiDate(range[0]), to: toApiDate(range[1].add(1, 'day')) } : {};
  const setRange = (next: [Dayjs, Dayjs] | null) =>
    setParams(
      (prev) => {
        const params = new URLSearchParams(prev);
        if (next) {
          params.set('from', next[0].format('YYYY-MM-DD'));
          params.set('to', next[1].format('YYYY-MM-DD'));
        } else {
          params.delete('from');
          params.delete('to');
        }
        return params;
      },
      { replace: true },
    );
  /** `?from=&to=` to carry the period to another dashboard URL (e.g. the wall display). */
  const search = range ? `?from=${range[0].format('YYYY-MM-DD')}&to=${range[1].format('YYYY-MM-DD')}` : '';
  return { range, period, setRange, search };
}
