import { QrcodeOutlined } from '@ant-design/icons';
import { Button, Card, Modal, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errors';
import { inShanghai } from './api';
import { useAttendance, useCheckInCode, type Attendance } from './sessionApi';

type Attendee = Attendance['attendees'][number];

/** Lets the SVG fill its box (the API sends only a viewBox). */
const sized = (svg: string) =>
  /<svg[^>]*\swidth=/.test(svg) ? svg : svg.replace('<svg', '<svg width="100%" height="100%"');

/** The QR code to show on the screen at the meeting. */
function QrModal({ meetingId, open, onClose }: { meetingId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const code = useCheckInCode(meetingId, open);
  return (
    <Modal
      open={open}
      onCancel={onClose}
      footer={null}
      width={560}
      title={t('meetings.checkIn.qrTitle')}
      destroyOnHidden
    >
      {code.isError ? (
        <Typography.Text type="danger">{errorMessage(code.error)}</Typography.Text>
      ) : !code.data ? (
        <Spin />
      ) : (
        <Space orientation="vertical" align="center" style={{ width: '100%' }}>
          {/* The API renders the SVG itself from the code; no user content in it. */}
          <div
            data-testid="checkin-qr"
            style={{ width: 420, height: 420 }}
            className="checkin-qr"
            dangerouslySetInnerHTML={{ __html: sized(code.data.svg) }}
          />
          <Typography.Text type="secondary">{t('meetings.checkIn.scanHint')}</Typography.Text>
        </Space>
      )}
    </Modal>
  );
}

/** 签到: the official's QR code, and who has checked in. */
export function CheckInTab({ meetingId, isOfficial, open }: { meetingId: string; isOfficial: boolean; open: boolean }) {
  const { t } = useTranslation();
  const attendance = useAttendance(meetingId);
  const [showQr, setShowQr] = useState(false);
  return (
    <Card
      className="section-card"
      title={t('meetings.checkIn.title')}
      extra={
        isOfficial &&
        open && (
          <Button
            type="primary"
            icon={<QrcodeOutlined />}
            onClick={() => setShowQr(true)}
            data-testid="checkin-show-qr"
          >
            {t('meetings.checkIn.showQr')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 12 }} data-testid="checkin-organizations">
        <Typography.Text>
          {t('meetings.checkIn.organizationsPresent', {
            present: attendance.data?.organizationsPresent.length ?? 0,
            invited: attendance.data?.invitedOrganizations ?? 0,
          })}
        </Typography.Text>
        {(attendance.data?.organizationsPresent ?? []).map((name) => (
          <Tag key={name} color="green">
            {name}
          </Tag>
        ))}
      </Space>
      <Table<Attendee>
        rowKey="userId"
        size="small"
        pagination={false}
        loading={attendance.isPending}
        dataSource={attendance.data?.attendees ?? []}
        locale={{ emptyText: t('meetings.checkIn.none') }}
        data-testid="checkin-attendees"
        columns={[
          { title: t('meetings.checkIn.name'), key: 'name', dataIndex: 'displayName' },
          {
            title: t('meetings.participants.organization'),
            key: 'organization',
            render: (_, a) => a.organization ?? '—',
          },
          {
            title: t('meetings.checkIn.at'),
            key: 'at',
            render: (_, a) => inShanghai(a.checkedInAt).format('YYYY-MM-DD HH:mm'),
          },
        ]}
      />
      {isOfficial && <QrModal meetingId={meetingId} open={showQr} onClose={() => setShowQr(false)} />}
    </Card>
  );
}
