import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, Flex, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthImage } from '../../lib/AuthImage';
import { PhotoUpload } from '../../lib/PhotoUpload';
import { useShowError } from '../../lib/useShowError';
import { PageHeader } from '../../lib/PageHeader';
import { useRefreshVenues, useRemoveVenuePhoto, useVenues, type Venue, type Zone } from './api';
import { hoursText } from './OpeningHoursField';
import { VenueFormModal } from './VenueFormModal';
import { ZoneFormModal } from './ZoneFormModal';

/** 场地管理 (officials): venues and their zones, opening hours, approval, photos. */
export function VenueAdminPage() {
  const { t } = useTranslation();
  const venues = useVenues();
  const [venueId, setVenueId] = useState<string>();
  const venue = venues.data?.find((v) => v.id === venueId) ?? venues.data?.[0];
  const [venueForm, setVenueForm] = useState<{ venue: Venue | null } | null>(null);
  const [zoneForm, setZoneForm] = useState<{ zone: Zone | null } | null>(null);
  return (
    <>
      <PageHeader
        title={t('venueAdmin.title')}
        extra={
          <Space>
            {(venues.data?.length ?? 0) > 1 && (
              <Select
                value={venue?.id}
                onChange={setVenueId}
                options={venues.data?.map((v) => ({ value: v.id, label: v.name }))}
                style={{ minWidth: 240 }}
                data-testid="venue-select"
              />
            )}
            <Button icon={<PlusOutlined />} onClick={() => setVenueForm({ venue: null })} data-testid="venue-new">
              {t('venueAdmin.newVenue')}
            </Button>
          </Space>
        }
      />
      {!venue && !venues.isPending && <Empty description={t('venues.empty')} />}
      {venue && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Card
            className="section-card"
            title={venue.name}
            extra={
              <Button icon={<EditOutlined />} onClick={() => setVenueForm({ venue })} data-testid="venue-edit">
                {t('common.edit')}
              </Button>
            }
          >
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'address', label: t('venues.address'), children: venue.address ?? '—' },
                { key: 'description', label: t('venues.description'), children: venue.description ?? '—' },
              ]}
            />
            <Typography.Title level={5}>{t('venueAdmin.venuePhotos')}</Typography.Title>
            <Photos venue={venue} zoneId={null} />
          </Card>
          <Card
            className="section-card"
            title={t('venueAdmin.zones')}
            extra={
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setZoneForm({ zone: null })}
                data-testid="zone-add"
              >
                {t('venueAdmin.addZone')}
              </Button>
            }
          >
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={venue.zones}
              data-testid="admin-zones"
              expandable={{
                expandedRowRender: (zone) => <Photos venue={venue} zoneId={zone.id} />,
                rowExpandable: () => true,
              }}
              columns={[
                { title: t('venues.zone'), dataIndex: 'name' },
                {
                  title: t('venues.kind'),
                  dataIndex: 'kind',
                  width: 110,
                  render: (kind: string) => t(`venues.kinds.${kind}`),
                },
                { title: t('venues.capacity'), dataIndex: 'capacity', width: 90 },
                { title: t('venues.openingHours'), render: (_: unknown, zone) => hoursText(zone.openingHours, t) },
                {
                  title: t('venues.approval'),
                  render: (_: unknown, zone) =>
                    zone.requiresApproval ? (
                      <Tag color="orange">{t('venues.needsApproval')}</Tag>
                    ) : (
                      <Tag>{t('venues.noApproval')}</Tag>
                    ),
                },
                {
                  title: t('venueAdmin.photos'),
                  width: 64,
                  render: (_: unknown, zone) => venue.photos.filter((p) => p.zoneId === zone.id).length,
                },
                {
                  title: t('common.actions'),
                  render: (_: unknown, zone) => (
                    <Button
                      size="small"
                      icon={<EditOutlined />}
                      onClick={() => setZoneForm({ zone })}
                      data-testid={`zone-edit-${zone.name}`}
                    >
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]}
            />
          </Card>
        </Space>
      )}
      <VenueFormModal
        venue={venueForm?.venue ?? null}
        open={!!venueForm}
        onClose={() => setVenueForm(null)}
        onSaved={setVenueId}
      />
      {venue && (
        <ZoneFormModal
          venueId={venue.id}
          zone={zoneForm?.zone ?? null}
          open={!!zoneForm}
          onClose={() => setZoneForm(null)}
        />
      )}
    </>
  );
}

/** The photos of the venue as a whole (zoneId null) or of one zone, with upload and removal. */
function Photos({ venue, zoneId }: { venue: Venue; zoneId: string | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshVenues();
  const remove = useRemoveVenuePhoto();
  const showError = useShowError();
  const photos = venue.photos.filter((p) => p.zoneId === zoneId);
  const action = `/api/v1/venues/${venue.id}/photos${zoneId ? `?zoneId=${zoneId}` : ''}`;
  return (
    <Flex wrap gap="middle" align="flex-end" data-testid={zoneId ? `zone-photos-${zoneId}` : 'venue-photos'}>
      {photos.map((photo) => (
        <Flex key={photo.id} vertical gap={4} align="center">
          <AuthImage src={`/api/v1/venues/${venue.id}/photos/${photo.id}`} alt={photo.fileName} data-testid="photo" />
          <Popconfirm
            title={t('photos.removeConfirm')}
            onConfirm={() =>
              remove.mutate(
                { venueId: venue.id, photoId: photo.id },
                { onSuccess: () => void message.success(t('photos.removed')), onError: (e) => showError(e) },
              )
            }
          >
            <Button size="small" type="text" danger icon={<DeleteOutlined />}>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Flex>
      ))}
      {photos.length === 0 && <Typography.Text type="secondary">{t('photos.none')}</Typography.Text>}
      <PhotoUpload
        action={action}
        onUploaded={refresh}
        data-testid={zoneId ? 'zone-photo-upload' : 'venue-photo-upload'}
      />
    </Flex>
  );
}
