import { DownloadOutlined, FileExcelOutlined, FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Empty,
  Progress,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  type TableColumnsType,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/dates';
import { isFinished, useDownloadJobFile, useJob, type Job } from '../../lib/jobs';
import { LoadMore } from '../../lib/LoadMore';
import { PageHeader } from '../../lib/PageHeader';
import { useShowError } from '../../lib/useShowError';
import { AllianceName, AllianceSelect, useAllianceContext } from '../alliances';
import { useLedgers, useStartLedger, type LedgerFormat } from './api';
import { ledgerPeriodOf, type PeriodKind } from './ledgerPeriod';

const STATUS_COLORS: Record<Job['status'], string> = {
  queued: 'default',
  running: 'processing',
  succeeded: 'success',
  failed: 'error',
};

/** 工作台账: an official picks the alliance, the period and the format, follows the build and downloads the ledgers. */
export function LedgerPage() {
  const { t } = useTranslation();
  const showError = useShowError();
  const context = useAllianceContext();
  const { allianceId } = context;
  const [kind, setKind] = useState<PeriodKind>('year');
  const [day, setDay] = useState<Dayjs | null>(dayjs());
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [format, setFormat] = useState<LedgerFormat>('docx');
  const [startedId, setStartedId] = useState<string>();
  const start = useStartLedger(allianceId);
  const started = useJob(startedId).data;
  const ledgers = useLedgers(allianceId);
  const download = useDownloadJobFile();
  const period = ledgerPeriodOf(kind, day, range);
  const running = start.isPending || (started !== undefined && !isFinished(started));

  const run = () => {
    if (!period) return;
    start.mutate(
      { ...period, format },
      { onSuccess: (job) => setStartedId(job.id), onError: (error) => showError(error) },
    );
  };

  const columns: TableColumnsType<Job> = [
    {
      title: t('ledger.period'),
      key: 'period',
      render: (_, job) =>
        job.parameters.from && job.parameters.to
          ? `${job.parameters.from} ~ ${dayjs(job.parameters.to).subtract(1, 'day').format('YYYY-MM-DD')}`
          : '—',
    },
    {
      title: t('ledger.format'),
      key: 'format',
      render: (_, job) => t(`ledger.formats.${job.parameters.format ?? 'docx'}`),
    },
    {
      title: t('jobs.status'),
      dataIndex: 'status',
      render: (status: Job['status']) => <Tag color={STATUS_COLORS[status]}>{t(`jobStatuses.${status}`)}</Tag>,
    },
    {
      title: t('jobs.progress'),
      key: 'progress',
      width: 160,
      render: (_, job) => (
        <Progress
          percent={Math.round(job.progress)}
          size="small"
          status={job.status === 'failed' ? 'exception' : undefined}
        />
      ),
    },
    { title: t('common.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, job) =>
        job.status === 'succeeded' ? (
          <Button
            type="link"
            icon={<DownloadOutlined />}
            onClick={() => download.mutate(job, { onError: (error) => showError(error) })}
            data-testid={`ledger-download-${job.id}`}
          >
            {t('ledger.download')}
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.ledger')}
        subtitle={<AllianceName alliance={context.alliance} />}
        extra={
          context.canChoose && (
            <AllianceSelect
              alliances={context.alliances}
              value={allianceId}
              onChange={context.setAllianceId}
              testId="ledger-alliance"
            />
          )
        }
      />
      {!allianceId && !context.isPending && <Empty description={t('serviceRequests.noAlliance')} />}
      {allianceId && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Card title={t('ledger.new')}>
            <Space wrap align="start">
              <Segmented<PeriodKind>
                value={kind}
                onChange={setKind}
                options={(['month', 'quarter', 'year', 'range'] as const).map((value) => ({
                  value,
                  label: t(`ledger.kinds.${value}`),
                }))}
                data-testid="ledger-kind"
              />
              {kind === 'range' ? (
                <DatePicker.RangePicker
                  value={range}
                  onChange={(value) => setRange(value && value[0] && value[1] ? [value[0], value[1]] : null)}
                  data-testid="ledger-range"
                />
              ) : (
                <DatePicker picker={kind} value={day} onChange={setDay} allowClear={false} data-testid="ledger-day" />
              )}
              <Select<LedgerFormat>
                value={format}
                onChange={setFormat}
                style={{ width: 170 }}
                options={[
                  {
                    value: 'docx',
                    label: (
                      <span>
                        <FileWordOutlined /> {t('ledger.formats.docx')}
                      </span>
                    ),
                  },
                  {
                    value: 'xlsx',
                    label: (
                      <span>
                        <FileExcelOutlined /> {t('ledger.formats.xlsx')}
                      </span>
                    ),
                  },
                  {
                    value: 'pdf',
                    label: (
                      <span>
                        <FilePdfOutlined /> {t('ledger.formats.pdf')}
                      </span>
                    ),
                  },
                ]}
                data-testid="ledger-format"
              />
              <Button
                type="primary"
                disabled={!period || running}
                loading={running}
                onClick={run}
                data-testid="ledger-start"
              >
                {t('ledger.start')}
              </Button>
            </Space>
            {started && (
              <div data-testid="ledger-progress" data-status={started.status} style={{ maxWidth: 480, marginTop: 12 }}>
                <Progress
                  percent={Math.round(started.progress)}
                  size="small"
                  status={
                    started.status === 'failed' ? 'exception' : started.status === 'succeeded' ? 'success' : 'active'
                  }
                />
                {started.status === 'failed' && (
                  <Alert type="error" showIcon title={started.error ?? t('jobs.failed')} />
                )}
              </div>
            )}
          </Card>
          <Card title={t('ledger.list')}>
            <Table<Job>
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={ledgers.items}
              loading={ledgers.isPending}
              pagination={false}
              scroll={{ x: 'max-content' }}
              data-testid="ledger-list"
            />
            <LoadMore {...ledgers} />
          </Card>
        </Space>
      )}
    </>
  );
}
