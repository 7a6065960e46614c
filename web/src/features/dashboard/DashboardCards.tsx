import { Card, Col, Row } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardView } from './api';
import { DASHBOARD_CARDS, type DashboardMode } from './cards';
import { PAGE_PALETTE, WALL_PALETTE } from './charts';

/** Every card of `DASHBOARD_CARDS` in a responsive grid; drawn again only when the figures change. */
export const DashboardCards = memo(function DashboardCards({ view, mode, chartHeight = 300 }: { view: DashboardView; mode: DashboardMode; chartHeight?: number }) {
  const { t } = useTranslation();
  const context = { t, mode, palette: mode === 'wall' ? WALL_PALETTE : PAGE_PALETTE, chartHeight };
  return (
    <Row gutter={[16, 16]} className="dash-cards">
      {DASHBOARD_CARDS.map((card) => (
        <Col key={card.key} xs={24} lg={Math.max(card.span[mode], 12)} xl={card.span[mode]}>
          <Card title={t(card.titleKey)} size={mode === 'wall' ? 'small' : 'default'} data-testid={`dash-card-${card.key}`}>
            {card.render(view, context)}
          </Card>
        </Col>
      ))}
    </Row>
  );
});
