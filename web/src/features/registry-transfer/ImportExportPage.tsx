import { Card, Col, Empty, Row, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAlliances } from '../alliances/api';
import { PageHeader } from '../../lib/PageHeader';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { RecentJobsTable } from './RecentJobsTable';

/** Member import (template, upload, progress, refused rows) and registry export for one alliance. */
export function ImportExportPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const alliances = useAlliances();
  const allianceId = params.get('allianceId') ?? alliances.items[0]?.id;

  return (
    <>
      <PageHeader
        title={t('nav.imports')}
        extra={
          <Space>
            <Typography.Text>{t('imports.alliance')}</Typography.Text>
            <Select
              value={allianceId}
              loading={alliances.isPending}
              style={{ minWidth: 260 }}
              placeholder={t('imports.selectAlliance')}
              options={alliances.items.map((alliance) => ({ value: alliance.id, label: alliance.name }))}
              onChange={(id) => setParams({ allianceId: id }, { replace: true })}
              data-testid="import-alliance"
            />
          </Space>
        }
      />
      {allianceId ? (
        <Row gutter={[16, 16]} key={allianceId}>
          <Col xs={24} xl={14}>
            <ImportPanel allianceId={allianceId} />
          </Col>
          <Col xs={24} xl={10}>
            <ExportPanel allianceId={allianceId} />
          </Col>
        </Row>
      ) : (
        !alliances.isPending && <Empty description={t('imports.noAlliance')} />
      )}
      <Card title={t('jobs.recent')} className="section-card">
        <RecentJobsTable />
      </Card>
    </>
  );
}
