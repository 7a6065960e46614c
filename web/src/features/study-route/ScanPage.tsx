import { Alert, App, Button, Card, Empty, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { errorMessage } from '../../api/errors';
import { PageHeader } from '../../lib/PageHeader';
import { useRecordScan, useScannedSite } from './api';

/** Opened by a site's QR code: the signed-in member records their group's visit here. */
export function ScanPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const { message } = App.useApp();
  const scanned = useScannedSite(token);
  const record = useRecordScan();
  const [done, setDone] = useState<string | null>(null);
  if (scanned.isError) return <Result status="404" title={t('studyRoute.scanUnknown')} />;
  if (!scanned.data) return null;
  const { site, bookings } = scanned.data;
  return (
    <>
      <PageHeader title={site.name} subtitle={site.address ?? undefined} />
      <Card className="section-card">
        <Typography.Paragraph>{site.description}</Typography.Paragraph>
        {done && <Alert type="success" showIcon title={done} data-testid="scan-done" />}
        {bookings.length === 0 && <Empty description={t('studyRoute.scanNoBooking')} />}
        <Space orientation="vertical">
          {bookings.map((b) => (
            <Button
              key={b.id}
              type="primary"
              disabled={b.visitedSiteIds.includes(site.id)}
              loading={record.isPending}
              data-testid="scan-record"
              onClick={() =>
                record.mutate(
                  { token, bookingId: b.id },
                  {
                    onSuccess: (visit) =>
                      setDone(t('studyRoute.scanRecorded', { group: visit.groupName, site: visit.siteName })),
                    onError: (e) => void message.error(errorMessage(e)),
                  },
                )
              }
            >
              {b.visitedSiteIds.includes(site.id)
                ? t('studyRoute.alreadyRecorded', { group: b.groupName })
                : t('studyRoute.recordFor', { group: b.groupName, count: b.groupSize })}
            </Button>
          ))}
        </Space>
      </Card>
    </>
  );
}
