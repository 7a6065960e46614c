import { Col, Row } from 'antd';
import type { TFunction } from 'i18next';
import { useMemo, type ReactNode } from 'react';
import type { DashboardView } from './api';
import * as charts from './charts';
import type { DashboardPalette } from './charts';
import { EChart } from './EChart';
import { RankingTable } from './RankingTable';

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
  render(view: DashboardView, context: CardContext): ReactNode;
}

type BuildOption = (view: DashboardView, t: TFunction, palette: DashboardPalette) => charts.ChartOption;

/** A chart whose option is built again only when the figures, the language or the look change. */
function BuiltChart({ id, build, view, context }: { id: string; build: BuildOption; view: DashboardView; context: CardContext }) {
  const { t, palette, chartHeight } = context;
  const option = useMemo(() => build(view, t, palette), [build, view, t, palette]);
  return <EChart option={option} height={chartHeight} testId={`dash-chart-${id}`} />;
}

const chart = (id: string, build: BuildOption) => (view: DashboardView, context: CardContext) => (
  <BuiltChart id={id} build={build} view={view} context={context} />
);

export const DASHBOARD_CARDS: DashboardCard[] = [
  { key: 'membersByRole', titleKey: 'dashboard.cards.membersByRole', span: { page: 8, wall: 6 }, render: chart('membersByRole', charts.membersByRole) },
  { key: 'membersByChain', titleKey: 'dashboard.cards.membersByChain', span: { page: 8, wall: 6 }, render: chart('membersByChain', charts.membersByChain) },
  { key: 'requestsByStatus', titleKey: 'dashboard.cards.requestsByStatus', span: { page: 8, wall: 6 }, render: chart('requestsByStatus', charts.requestsByStatus) },
  { key: 'meetingsMonthly', titleKey: 'dashboard.cards.meetingsMonthly', span: { page: 12, wall: 6 }, render: chart('meetingsMonthly', charts.meetingsMonthly) },
  { key: 'requestsMonthly', titleKey: 'dashboard.cards.requestsMonthly', span: { page: 12, wall: 6 }, render: chart('requestsMonthly', charts.requestsMonthly) },
  { key: 'indicatorTrends', titleKey: 'dashboard.cards.indicatorTrends', span: { page: 12, wall: 6 }, render: chart('indicatorTrends', charts.indicatorTrends) },
  {
    key: 'indicatorQuarterly',
    titleKey: 'dashboard.cards.indicatorQuarterly',
    span: { page: 12, wall: 6 },
    render: chart('indicatorQuarterly', charts.indicatorQuarterlyTrends),
  },
  {
    key: 'departmentRanking',
    titleKey: 'dashboard.cards.departmentRanking',
    span: { page: 24, wall: 6 },
    render: (view, context) => {
      const bars = chart('departmentRanking', charts.departmentRanking)(view, context);
      // The wall has room for the bars only; the page shows the figures beside them.
      if (context.mode === 'wall') return bars;
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
