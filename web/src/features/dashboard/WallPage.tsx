import { ArrowLeftOutlined, FullscreenExitOutlined, FullscreenOutlined } from '@ant-design/icons';
import { Alert, Button, ConfigProvider, Spin } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../api/errors';
import { DISPLAY_TIME_ZONE, formatDateTime } from '../../lib/dates';
import { useAllianceContext } from '../alliances';
import { useDashboard } from './api';
import { DashboardCards } from './DashboardCards';
import { KeyFigures } from './KeyFigures';
import { usePeriod } from './usePeriod';
import { useWallFit, wallTheme } from './wallFit';
import './dashboard.css';

/** The wall display looks again this often by itself. */
export const WALL_REFRESH_MS = 60_000;

function Clock() {
  const [now, setNow] = useState(() => dayjs());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(dayjs()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return <div className="dash-wall-clock">{now.tz(DISPLAY_TIME_ZONE).format('YYYY-MM-DD HH:mm:ss')}</div>;
}

/** The browser's Fullscreen API: the whole screen for the wall, Esc (or the button) to leave. */
function useFullscreen() {
  const [active, setActive] = useState(() => Boolean(document.fullscreenElement));
  useEffect(() => {
    const onChange = () => setActive(Boolean(document.fullscreenElement));
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  const toggle = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen().catch(() => undefined);
  };
  return { supported: document.fullscreenEnabled, active, toggle };
}

/** 大屏展示: the dashboard without the app shell, dark red, large type, refreshed every minute. */
export function WallPage() {
  const { t } = useTranslation();
  const { allianceId } = useParams<{ allianceId: string }>();
  // The path names the alliance; the list names it before the figures arrive (or when they fail).
  const { alliance } = useAllianceContext({ fixedId: allianceId });
  const { period, search } = usePeriod();
  const dashboard = useDashboard(allianceId, period, WALL_REFRESH_MS);
  const fullscreen = useFullscreen();
  const { scale, chartHeight } = useWallFit();
  const themeConfig = useMemo(() => wallTheme(scale), [scale]);
  const view = dashboard.data;
  const back = `/dashboard?${new URLSearchParams({ allianceId: allianceId ?? '', ...Object.fromEntries(new URLSearchParams(search)) }).toString()}`;

  return (
    <ConfigProvider theme={themeConfig}>
      <div className="dash-wall" data-testid="dash-wall" style={{ '--wall-scale': scale } as CSSProperties}>
        <header className="dash-wall-header">
          <div>
            <h1 className="dash-wall-title" data-testid="dash-wall-title">
              {view?.alliance.name ?? alliance?.name ?? t('nav.dashboard')}
            </h1>
            {view && (
              <div className="dash-wall-subtitle">
                {t('dashboard.wall.subtitle')}
                {' · '}
                {t('dashboard.period', { from: view.from, to: dayjs(view.to).subtract(1, 'day').format('YYYY-MM-DD') })}
              </div>
            )}
          </div>
          <div>
            <Clock />
            {view && (
              <div className="dash-wall-updated" data-testid="dash-wall-updated" data-generated-at={view.generatedAt}>
                {t('dashboard.wall.updated', {
                  time: formatDateTime(view.generatedAt),
                  seconds: WALL_REFRESH_MS / 1000,
                })}
              </div>
            )}
            <div className="dash-wall-tools">
              <Link to={back} data-testid="dash-wall-exit">
                <Button type="text" icon={<ArrowLeftOutlined />}>
                  {t('dashboard.wall.exit')}
                </Button>
              </Link>
              {fullscreen.supported && (
                <Button
                  type="text"
                  icon={fullscreen.active ? <FullscreenExitOutlined /> : <FullscreenOutlined />}
                  onClick={fullscreen.toggle}
                  data-testid="dash-wall-fullscreen"
                >
                  {t(fullscreen.active ? 'dashboard.wall.exitFullscreen' : 'dashboard.wall.fullscreen')}
                </Button>
              )}
            </div>
          </div>
        </header>
        {dashboard.isError && (
          <Alert type="error" showIcon title={errorMessage(dashboard.error)} style={{ marginBottom: 16 * scale }} />
        )}
        {dashboard.isPending && (
          <div className="full-page-center" style={{ minHeight: 480 * scale }}>
            <Spin size="large" />
          </div>
        )}
        {view && (
          <div data-testid="dash-content" data-alliance={view.alliance.id}>
            <KeyFigures view={view} mode="wall" />
            <DashboardCards view={view} mode="wall" chartHeight={chartHeight} scale={scale} />
          </div>
        )}
      </div>
    </ConfigProvider>
  );
}
