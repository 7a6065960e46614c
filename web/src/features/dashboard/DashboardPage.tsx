import { DesktopOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Empty, Space, Spin } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../api/errors';
import { formatDateTime } from '../../lib/dates';
import { useMe } from '../auth/api';
import { AllianceName, AllianceSelect } from '../alliances';
import { useAllianceContext } from '../alliances';
import { EmptyState } from '../../lib/EmptyState';
import { PageHeader } from '../../lib/PageHeader';
import { useDashboard, type DashboardView } from './api';
import { DashboardCards } from './DashboardCards';
import { DashboardExport } from './DashboardExport';
import { KeyFigures } from './KeyFigures';
import { usePeriod } from './usePeriod';
import './dashboard.css';

/** No members, meetings or requests: one sentence instead of tiles of zeros and empty charts. */
function hasNothing(view: DashboardView): boolean {
  return (
    view.members.total === 0 &&
    view.meetings.held === 0 &&
    view.meetings.upcoming === 0 &&
    view.serviceRequests.totals.submitted === 0
  );
}

/** 联盟驾驶舱: one alliance at a glance for a period, with the wall display and the exports. */
export function DashboardPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const context = useAllianceContext();
  const { allianceId } = context;
  const { range, period, setRange, search } = usePeriod();
  const dashboard = useDashboard(allianceId, period);
  const view = dashboard.data;

  return (
    <>
      <PageHeader
        title={t('nav.dashboard')}
        subtitle={
          <>
            <AllianceName alliance={context.alliance} />
            {context.alliance && view && ' · '}
            {view && (
              <span data-testid="dash-period">
                {t('dashboard.period', { from: view.from, to: dayjs(view.to).subtract(1, 'day').format('YYYY-MM-DD') })}
                {' · '}
                {t('dashboard.generatedAt', { time: formatDateTime(view.generatedAt) })}
              </span>
            )}
          </>
        }
        extra={
          <Space wrap align="start">
            {context.canChoose && (
              <AllianceSelect
                alliances={context.alliances}
                value={allianceId}
                onChange={context.setAllianceId}
                testId="dash-alliance"
              />
            )}
            <DatePicker.RangePicker
              value={range}
              onChange={(value) => setRange(value && value[0] && value[1] ? [value[0], value[1]] : null)}
              allowClear
              data-testid="dash-range"
            />
            <Button
              icon={<ReloadOutlined />}
              loading={dashboard.isFetching}
              disabled={!allianceId}
              onClick={() => void dashboard.refetch()}
              aria-label={t('common.reload')}
              title={t('common.reload')}
              data-testid="dash-reload"
            />
            {allianceId && (
              <Link to={`/dashboard/${allianceId}/wall${search}`} data-testid="dash-wall-link">
                <Button icon={<DesktopOutlined />}>{t('dashboard.wall.open')}</Button>
              </Link>
            )}
            {me?.role === 'township_admin' && <DashboardExport allianceId={allianceId} period={period} />}
          </Space>
        }
      />
      {dashboard.isError && (
        <Alert type="error" showIcon title={errorMessage(dashboard.error)} style={{ marginBottom: 16 }} />
      )}
      {!allianceId && !context.isPending && <Empty description={t('serviceRequests.noAlliance')} />}
      {allianceId && dashboard.isPending && (
        <div className="full-page-center" style={{ minHeight: 320 }}>
          <Spin size="large" />
        </div>
      )}
      {view && hasNothing(view) && (
        <Card data-testid="dash-content" data-alliance={view.alliance.id}>
          <EmptyState
            text={t('allianceContext.nothingInPeriod')}
            action={
              me?.role === 'township_admin'
                ? {
                    label: t('allianceContext.addMembers'),
                    to: `/alliances/${view.alliance.id}`,
                    testId: 'dash-empty-action',
                  }
                : undefined
            }
          />
        </Card>
      )}
      {view && !hasNothing(view) && (
        <div data-testid="dash-content" data-alliance={view.alliance.id}>
          <KeyFigures view={view} mode="page" />
          <DashboardCards view={view} mode="page" />
        </div>
      )}
    </>
  );
}
