import { Col, Row } from 'antd';
import type { TFunction } from 'i18next';
import { useMemo, type ReactNode } from 'react';
import type { DashboardView } from './api';
import * as charts from './charts';
import type { DashboardPalette } from './charts';
import { EChart } from './EChart';
import { RankingTable } from './RankingTable';
import { WallRanking } from './WallRanking';

export type DashboardMode = 'page' | 'wall';

export interface CardContext {
  t: TFunction;
  palette: DashboardPalette;
  chartHeight: number;
  mode: DashboardMode;
}

/**
 * One card of the dashboard, on the page and on the wall display alike. A new section (e.g. the
 * enterprise indicators' trends) is one more entry in `DASHBOARD_CARDS`.
 */
export interface DashboardCard {
  key: string;
  /** i18n key of the card's title. */
  titleKey: string;
  /** Width in antd grid columns (of 24) on wide screens, on the page and on the wall. */
  span: Record<DashboardMode, number>;
  /** Why the card has nothing to show for the period (drawn instead of bare axes), or undefined when it has. */
  empty(view: DashboardView, t: TFunction): string | undefined;
  render(view: DashboardView, context: CardContext): ReactNode;
}

type BuildOption = (view: DashboardView, t: TFunction, palette: DashboardPalette) => charts.ChartOption;

/** A chart whose option is built again only when the figures, the language or the look change. */
function BuiltChart({
  id,
  build,
  view,
  context,
}: {
  id: string;
  build: BuildOption;
  view: DashboardView;
  context: CardContext;
}) {
  const { t, palette, chartHeight } = context;
  const option = useMemo(() => build(view, t, palette), [build, view, t, palette]);
  return <EChart option={option} height={chartHeight} testId={`dash-chart-${id}`} />;
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/** No round asked for yet, or rounds that no member has filled in: a chart of zeros would say nothing. */
function indicatorsEmpty(
  trend: Pick<DashboardView['indicators'], 'periods' | 'submissionRates'>,
  kind: 'yearly' | 'quarterly',
  t: TFunction,
): string | undefined {
  if (trend.periods.length === 0) return t(`dashboard.empty.${kind}NoRounds`);
  if (trend.submissionRates.every((rate) => !rate))
    return t(`dashboard.empty.${kind}NotFilled`, { count: trend.periods.length });
  return undefined;
}

const chart = (id: string, build: BuildOption) => (view: DashboardView, context: CardContext) => (
  <BuiltChart id={id} build={build} view={view} context={context} />
);

export const DASHBOARD_CARDS: DashboardCard[] = [
  {
    key: 'membersByRole',
    titleKey: 'dashboard.cards.membersByRole',
    span: { page: 8, wall: 6 },
    empty: (view, t) => (view.members.total === 0 ? t('dashboard.empty.members') : undefined),
    render: chart('membersByRole', charts.membersByRole),
  },
  {
    key: 'membersByChain',
    titleKey: 'dashboard.cards.membersByChain',
    span: { page: 8, wall: 6 },
    empty: (view, t) =>
      sum(view.members.byChainPosition.map((c) => c.count)) === 0 ? t('dashboard.empty.enterprises') : undefined,
    render: chart('membersByChain', charts.membersByChain),
  },
  {
    key: 'requestsByStatus',
    titleKey: 'dashboard.cards.requestsByStatus',
    span: { page: 8, wall: 6 },
    empty: (view, t) =>
      sum(view.serviceRequests.byStatus.map((s) => s.count)) === 0 ? t('dashboard.empty.requests') : undefined,
    render: chart('requestsByStatus', charts.requestsByStatus),
  },
  {
    key: 'meetingsMonthly',
    titleKey: 'dashboard.cards.meetingsMonthly',
    span: { page: 12, wall: 6 },
    empty: (view, t) => (view.meetings.held === 0 ? t('dashboard.empty.meetings') : undefined),
    render: chart('meetingsMonthly', charts.meetingsMonthly),
  },
  {
    key: 'requestsMonthly',
    titleKey: 'dashboard.cards.requestsMonthly',
    span: { page: 12, wall: 6 },
    empty: (view, t) =>
      sum(view.serviceRequests.monthly.map((m) => m.submitted + m.resolved)) === 0
        ? t('dashboard.empty.requests')
        : undefined,
    render: chart('requestsMonthly', charts.requestsMonthly),
  },
  {
    key: 'indicatorTrends',
    titleKey: 'dashboard.cards.indicatorTrends',
    span: { page: 12, wall: 6 },
    empty: (view, t) => indicatorsEmpty(view.indicators, 'yearly', t),
    render: chart('indicatorTrends', charts.indicatorTrends),
  },
  {
    key: 'indicatorQuarterly',
    titleKey: 'dashboard.cards.indicatorQuarterly',
    span: { page: 12, wall: 6 },
    empty: (view, t) => indicatorsEmpty(view.indicators.quarterly, 'quarterly', t),
    render: chart('indicatorQuarterly', charts.indicatorQuarterlyTrends),
  },
  {
    key: 'departmentRanking',
    titleKey: 'dashboard.cards.departmentRanking',
    span: { page: 24, wall: 6 },
    empty: (view, t) =>
      view.serviceRequests.departmentRanking.length === 0 ? t('dashboard.empty.ranking') : undefined,
    render: (view, context) => {
      // The wall has room for one list: whole names over score bars. The page shows bars and the figures beside them.
      if (context.mode === 'wall') {
        return (
          <WallRanking
            rows={view.serviceRequests.departmentRanking}
            height={context.chartHeight}
            scale={context.palette.scale}
          />
        );
      }
      const bars = chart('departmentRanking', charts.departmentRanking)(view, context);
      return (
        <Row gutter={16}>
          <Col xs={24} xl={10}>
            {bars}
          </Col>
          <Col xs={24} xl={14}>
            <RankingTable rows={view.serviceRequests.departmentRanking} />
          </Col>
        </Row>
      );
    },
  },
];
