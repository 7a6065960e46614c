import { CloudUploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/dates';
import { useShowError } from '../../lib/useShowError';
import { LoadMore } from '../../lib/LoadMore';
import { PageHeader } from '../../lib/PageHeader';
import { useBackUpNow, useBackupRuns, useBackupStatus, useRefreshBackups, type BackupRun } from './api';

const STATUS_COLORS: Record<BackupRun['status'], string> = {
  queued: 'default',
  running: 'processing',
  succeeded: 'success',
  failed: 'error',
};

function formatBytes(bytes: number | null): string {
  if (bytes === null) return '—';
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

/** Platform admins: the worker's backups, whether each was verified, a warning when they are stale, and "back up now". */
export function BackupsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const runs = useBackupRuns();
  const status = useBackupStatus();
  const backUpNow = useBackUpNow();
  const refresh = useRefreshBackups();
  const last = status.data?.lastRun;
  // The list follows the newest run as the status poll sees it move (queued, running, verified).
  const lastState = last ? `${last.id}:${last.status}:${last.verifyStatus}` : '';
  useEffect(() => {
    if (lastState) void refresh();
  }, [lastState, refresh]);

  const busy = last?.status === 'queued' || last?.status === 'running';
  const columns: TableColumnsType<BackupRun> = [
    { title: t('backups.time'), dataIndex: 'createdAt', width: 150, render: formatDateTime },
    {
      title: t('backups.trigger'),
      dataIndex: 'trigger',
      render: (value: BackupRun['trigger']) => t(`backups.triggers.${value}`),
    },
    {
      title: t('backups.status'),
      dataIndex: 'status',
      render: (value: BackupRun['status'], run) => (
        <Tooltip title={run.failureReason}>
          <Tag color={STATUS_COLORS[value]} data-testid="backup-status">
            {t(`backups.statuses.${value}`)}
          </Tag>
        </Tooltip>
      ),
    },
    { title: t('backups.size'), dataIndex: 'bytes', render: formatBytes },
    {
      title: t('backups.contents'),
      key: 'contents',
      render: (_, run) =>
        run.tables === null
          ? '—'
          : t('backups.contentsValue', { tables: run.tables, rows: run.rows, files: run.attachments }),
    },
    {
      title: t('backups.verified'),
      dataIndex: 'verifyStatus',
      render: (value: BackupRun['verifyStatus'], run) =>
        value ? (
          <Tooltip title={run.verifyDetail}>
            <Tag color={value === 'ok' ? 'success' : 'error'} data-testid="backup-verified">
              {t(`backups.verifyStatuses.${value}`)}
            </Tag>
          </Tooltip>
        ) : (
          '—'
        ),
    },
    {
      title: t('backups.file'),
      dataIndex: 'fileName',
      render: (value: string | null, run) =>
        value ? (
          <Typography.Text
            code
            delete={run.prunedAt !== null}
            title={run.prunedAt ? t('backups.pruned') : (run.location ?? undefined)}
          >
            {value}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
  ];

  const banner = !status.data
    ? null
    : !status.data.configured
      ? { type: 'warning' as const, text: t('backups.notConfigured') }
      : status.data.stale
        ? {
            type: 'error' as const,
            text: t('backups.stale', {
              hours: status.data.staleAfterHours,
              time: status.data.lastGoodAt ? formatDateTime(status.data.lastGoodAt) : t('backups.never'),
            }),
          }
        : status.data.state === 'failed'
          ? { type: 'warning' as const, text: t('backups.lastFailed') }
          : null;

  return (
    <>
      <PageHeader
        title={t('nav.backups')}
        subtitle={t('backups.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<CloudUploadOutlined />}
            disabled={!status.data?.configured || busy}
            loading={backUpNow.isPending}
            onClick={() =>
              backUpNow.mutate(undefined, {
                onSuccess: () => void message.success(t('backups.started')),
                onError: (error) => showError(error),
              })
            }
            data-testid="backup-now"
          >
            {t('backups.backUpNow')}
          </Button>
        }
      />
      {banner && (
        <Alert
          type={banner.type}
          showIcon
          message={banner.text}
          style={{ marginBottom: 16 }}
          data-testid="backup-banner"
        />
      )}
      {status.data && (
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('backups.lastGood')}>
            {status.data.lastGoodAt ? formatDateTime(status.data.lastGoodAt) : t('backups.never')}
          </Descriptions.Item>
          <Descriptions.Item label={t('backups.schedule')}>
            {status.data.enabled
              ? t('backups.scheduleValue', { cron: status.data.schedule, zone: status.data.timeZone })
              : t('backups.scheduleOff')}
          </Descriptions.Item>
          <Descriptions.Item label={t('backups.store')}>{t(`backups.stores.${status.data.store}`)}</Descriptions.Item>
        </Descriptions>
      )}
      <Table<BackupRun>
        rowKey="id"
        columns={columns}
        dataSource={runs.items}
        loading={runs.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="backups-table"
      />
      <LoadMore {...runs} />
    </>
  );
}
