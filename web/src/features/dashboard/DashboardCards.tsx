import { InboxOutlined } from '@ant-design/icons';
import { Card, Col, Row } from 'antd';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardView } from './api';
import { DASHBOARD_CARDS, type DashboardMode } from './cards';
import { PAGE_PALETTE, WALL_PALETTE, scaledPalette } from './charts';

/** What a card with nothing for the period shows, at the chart's height so the grid keeps its shape. */
function PanelEmpty({ id, text, height }: { id: string; text: string; height: number }) {
  return (
    <div className="dash-empty" style={{ height }} data-testid={`dash-empty-${id}`}>
      <InboxOutlined className="dash-empty-icon" />
      <span>{text}</span>
    </div>
  );
}

/**
 * Every card of `DASHBOARD_CARDS` in a responsive grid; drawn again only when the figures change.
 * `scale` (the wall on a screen larger than 1080p) grows the gaps and the charts' text with it.
 */
export const DashboardCards = memo(function DashboardCards({
  view,
  mode,
  chartHeight = 300,
  scale = 1,
}: {
  view: DashboardView;
  mode: DashboardMode;
  chartHeight?: number;
  scale?: number;
}) {
  const { t } = useTranslation();
  const palette = useMemo(() => (mode === 'wall' ? scaledPalette(WALL_PALETTE, scale) : PAGE_PALETTE), [mode, scale]);
  const context = { t, mode, palette, chartHeight };
  const gap = Math.round(16 * scale);
  return (
    <Row gutter={[gap, gap]} className="dash-cards">
      {DASHBOARD_CARDS.map((card) => {
        const empty = card.empty(view, t);
        return (
          <Col key={card.key} xs={24} lg={Math.max(card.span[mode], 12)} xl={card.span[mode]}>
            <Card
              title={t(card.titleKey)}
              size={mode === 'wall' ? 'small' : 'default'}
              data-testid={`dash-card-${card.key}`}
            >
              {empty ? <PanelEmpty id={card.key} text={empty} height={chartHeight} /> : card.render(view, context)}
            </Card>
          </Col>
        );
      })}
    </Row>
  );
});
