import { Card, Statistic } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DashboardView } from './api';
import type { DashboardMode } from './cards';
import { formatNumber, formatPercent } from './format';

interface KeyFigure {
  key: string;
  value(view: DashboardView): string;
  suffix?(view: DashboardView): string | undefined;
  /** A smaller line under the value. */
  note?(view: DashboardView, t: TFunction): string;
  /** Drawn as a warning when true (e.g. overdue items). */
  alarm?(view: DashboardView): boolean;
}

/** The key figures, in the order of the tiles. A new figure is one more entry. */
export const KEY_FIGURES: KeyFigure[] = [
  {
    key: 'members',
    value: (v) => formatNumber(v.members.total),
    note: (v, t) => t('dashboard.notes.joined', { count: v.members.joinedInPeriod }),
  },
  { key: 'partyMembers', value: (v) => formatNumber(v.members.partyMembers) },
  {
    key: 'meetingsHeld',
    value: (v) => formatNumber(v.meetings.held),
    note: (v, t) => t('dashboard.notes.upcoming', { count: v.meetings.upcoming }),
  },
  { key: 'attendanceRate', value: (v) => formatPercent(v.meetings.attendanceRate) },
  {
    key: 'requests',
    value: (v) => formatNumber(v.serviceRequests.totals.submitted),
    note: (v, t) => t('dashboard.notes.openRequests', { count: v.serviceRequests.totals.open }),
  },
  {
    key: 'onTimeRate',
    value: (v) => formatPercent(v.serviceRequests.totals.onTimeRate),
    note: (v, t) => t('dashboard.notes.responseRate', { rate: formatPercent(v.serviceRequests.totals.responseRate) }),
  },
  {
    key: 'satisfaction',
    value: (v) => formatNumber(v.serviceRequests.totals.satisfaction),
    suffix: (v) => (v.serviceRequests.totals.satisfaction === null ? undefined : '/ 5'),
  },
  {
    key: 'reportsUnderReview',
    value: (v) => formatNumber(v.thinkTank.underReview),
    note: (v, t) => t('dashboard.notes.published', { count: v.thinkTank.published }),
  },
  {
    key: 'recommendations',
    value: (v) => formatNumber(v.thinkTank.recommendationsDone),
    suffix: (v) => `/ ${formatNumber(v.thinkTank.recommendationsTotal)}`,
  },
  {
    key: 'overdueActionItems',
    value: (v) => formatNumber(v.actionItems.overdue),
    note: (v, t) => t('dashboard.notes.openActionItems', { count: v.actionItems.open }),
    alarm: (v) => v.actionItems.overdue > 0,
  },
];

/** The key-figure tiles: two rows of five on wide screens (a CSS grid, see dashboard.css). */
export function KeyFigures({ view, mode }: { view: DashboardView; mode: DashboardMode }) {
  const { t } = useTranslation();
  return (
    <div className={`dash-figures dash-figures-${mode}`} data-testid="dash-figures">
      {KEY_FIGURES.map((figure) => {
        const alarm = figure.alarm?.(view) ?? false;
        return (
          <Card
            key={figure.key}
            size="small"
            className={`dash-figure${alarm ? ' dash-figure-alarm' : ''}`}
            data-testid={`dash-figure-${figure.key}`}
          >
            <Statistic
              title={t(`dashboard.figures.${figure.key}`)}
              value={figure.value(view)}
              suffix={figure.suffix?.(view)}
            />
            {figure.note && <div className="dash-figure-note">{figure.note(view, t)}</div>}
          </Card>
        );
      })}
    </div>
  );
}
