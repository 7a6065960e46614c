import { App, Button, Empty, List, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { today as townshipToday } from '../../lib/dates';
import { useShowError } from '../../lib/useShowError';
import { useBookingsOn, useRecordVisit, type StudySite } from './api';

/** An official records by hand that a group booked for today visited the site (no phone, an outside group). */
export function RecordVisitModal({ site, onClose }: { site: StudySite | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  // The township's day, not the browser's: the API checks the booking's day in Asia/Shanghai.
  const today = townshipToday().format('YYYY-MM-DD');
  const bookings = useBookingsOn(today, !!site);
  const record = useRecordVisit();
  const showError = useShowError();
  return (
    <Modal
      open={!!site}
      title={site && t('studySites.recordTitle', { site: site.name })}
      footer={null}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('studySites.recordHint', { day: today })}</Typography.Paragraph>
      {site && (
        <List
          loading={bookings.isPending}
          dataSource={bookings.data ?? []}
          locale={{ emptyText: <Empty description={t('studySites.noBookingsToday')} /> }}
          data-testid="record-bookings"
          renderItem={(b) => {
            const done = b.visitedSiteIds.includes(site.id);
            return (
              <List.Item
                actions={[
                  <Button
                    key="record"
                    type="primary"
                    size="small"
                    disabled={done}
                    loading={record.isPending && record.variables?.bookingId === b.id}
                    onClick={() =>
                      record.mutate(
                        { siteId: site.id, bookingId: b.id },
                        {
                          onSuccess: (v) =>
                            void message.success(
                              t('studyRoute.scanRecorded', { group: v.groupName, site: v.siteName }),
                            ),
                          onError: (e) => showError(e),
                        },
                      )
                    }
                    data-testid="record-visit"
                  >
                    {done ? t('studySites.recorded') : t('studySites.record')}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={b.groupName}
                  description={`${t('studyRoute.groupSize')} ${b.groupSize} · ${b.bookerOrganization?.name ?? b.booker.name}`}
                />
              </List.Item>
            );
          }}
        />
      )}
    </Modal>
  );
}
