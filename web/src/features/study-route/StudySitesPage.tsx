import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
  QrcodeOutlined,
} from '@ant-design/icons';
import { App, Button, Card, Flex, Modal, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthImage } from '../../lib/AuthImage';
import { PhotoUpload } from '../../lib/PhotoUpload';
import { useShowError } from '../../lib/useShowError';
import { PageHeader } from '../../lib/PageHeader';
import { useMoveSite, useRefreshRoute, useRemoveSitePhoto, useStudyRoute, type StudySite } from './api';
import { RecordVisitModal } from './RecordVisitModal';
import { SiteCode } from './SiteCode';
import { SiteFormModal } from './SiteFormModal';

/** 示范点管理 (officials): the route's sites in order, their details, photos and QR codes, and visits entered by hand. */
export function StudySitesPage() {
  const { t } = useTranslation();
  const route = useStudyRoute();
  const move = useMoveSite();
  const showError = useShowError();
  const [form, setForm] = useState<{ site: StudySite | null } | null>(null);
  const [codeOf, setCodeOf] = useState<StudySite | null>(null);
  const [recordAt, setRecordAt] = useState<StudySite | null>(null);
  const sites = route.data ?? [];
  const moveSite = (id: string, direction: 'up' | 'down') =>
    move.mutate({ id, direction }, { onError: (e) => showError(e) });
  return (
    <>
      <PageHeader
        title={t('studySites.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ site: null })} data-testid="site-add">
            {t('studySites.addSite')}
          </Button>
        }
      />
      <Card className="section-card">
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          loading={route.isPending || move.isPending}
          dataSource={sites}
          data-testid="admin-sites"
          expandable={{ expandedRowRender: (site) => <SiteDetail site={site} /> }}
          columns={[
            { title: t('studySites.order'), dataIndex: 'position', width: 64 },
            {
              title: t('studySites.name'),
              render: (_: unknown, site) => (
                <Space>
                  {site.name}
                  {!site.active && <Tag>{t('studySites.inactive')}</Tag>}
                </Space>
              ),
            },
            { title: t('venues.address'), dataIndex: 'address', render: (a: string | null) => a ?? '—' },
            { title: t('studySites.dailyCapacity'), dataIndex: 'dailyCapacity' },
            { title: t('venueAdmin.photos'), render: (_: unknown, site) => site.photos.length },
            {
              title: t('common.actions'),
              render: (_: unknown, site, index) => (
                <Space wrap size="small">
                  <Tooltip title={t('studySites.moveUp')}>
                    <Button
                      size="small"
                      icon={<ArrowUpOutlined />}
                      disabled={index === 0}
                      onClick={() => moveSite(site.id, 'up')}
                      aria-label={t('studySites.moveUp')}
                      data-testid={`site-up-${site.name}`}
                    />
                  </Tooltip>
                  <Tooltip title={t('studySites.moveDown')}>
                    <Button
                      size="small"
                      icon={<ArrowDownOutlined />}
                      disabled={index === sites.length - 1}
                      onClick={() => moveSite(site.id, 'down')}
                      aria-label={t('studySites.moveDown')}
                      data-testid={`site-down-${site.name}`}
                    />
                  </Tooltip>
                  <Button
                    size="small"
                    icon={<EditOutlined />}
                    onClick={() => setForm({ site })}
                    data-testid={`site-edit-${site.name}`}
                  >
                    {t('common.edit')}
                  </Button>
                  <Button size="small" icon={<QrcodeOutlined />} onClick={() => setCodeOf(site)}>
                    {t('studyRoute.qr')}
                  </Button>
                  <Button
                    size="small"
                    disabled={!site.active}
                    onClick={() => setRecordAt(site)}
                    data-testid={`site-record-${site.name}`}
                  >
                    {t('studySites.recordVisit')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <SiteFormModal site={form?.site ?? null} open={!!form} onClose={() => setForm(null)} />
      <Modal open={!!codeOf} title={codeOf?.name} footer={null} onCancel={() => setCodeOf(null)} destroyOnHidden>
        {codeOf && <SiteCode site={codeOf} />}
      </Modal>
      <RecordVisitModal site={recordAt} onClose={() => setRecordAt(null)} />
    </>
  );
}

/** A site's description and photos, with upload and removal. */
function SiteDetail({ site }: { site: StudySite }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshRoute();
  const remove = useRemoveSitePhoto();
  const showError = useShowError();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
        {site.description || '—'}
      </Typography.Paragraph>
      <Flex wrap gap="middle" align="flex-end" data-testid={`site-photos-${site.name}`}>
        {site.photos.map((photo) => (
          <Flex key={photo.id} vertical gap={4} align="center">
            <AuthImage
              src={`/api/v1/study-route/sites/${site.id}/photos/${photo.id}`}
              alt={photo.fileName}
              data-testid="photo"
            />
            <Popconfirm
              title={t('photos.removeConfirm')}
              onConfirm={() =>
                remove.mutate(
                  { siteId: site.id, photoId: photo.id },
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
        {site.photos.length === 0 && <Typography.Text type="secondary">{t('photos.none')}</Typography.Text>}
        <PhotoUpload
          action={`/api/v1/study-route/sites/${site.id}/photos`}
          onUploaded={refresh}
          data-testid="site-photo-upload"
        />
      </Flex>
    </Space>
  );
}
