import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  InputNumber as YearInput,
  List,
  Modal,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../lib/useShowError';
import { useMe } from '../auth/api';
import { PageHeader } from '../../lib/PageHeader';
import { SiteCode } from './SiteCode';
import {
  useAvailability,
  useBookRoute,
  useCancelStudyBooking,
  useStudyBookings,
  useStudyRoute,
  useVisitStats,
  type StudySite,
} from './api';

/** 研学路线: the sites in order, booking a day for a group, the group bookings, and (officials) QR codes and statistics. */
export function StudyRoutePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const isOfficial = me?.role === 'township_admin';
  const route = useStudyRoute();
  const [codeOf, setCodeOf] = useState<StudySite | null>(null);
  return (
    <>
      <PageHeader title={t('studyRoute.title')} />
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Card className="section-card" title={t('studyRoute.sites')}>
          <List
            data-testid="study-sites"
            dataSource={route.data ?? []}
            renderItem={(site) => (
              <List.Item
                extra={
                  isOfficial && (
                    <Button onClick={() => setCodeOf(site)} data-testid={`site-code-${site.position}`}>
                      {t('studyRoute.qr')}
                    </Button>
                  )
                }
              >
                <List.Item.Meta
                  title={`${site.position}. ${site.name}`}
                  description={
                    <>
                      <div>{site.description}</div>
                      <Typography.Text type="secondary">
                        {site.address} · {t('studyRoute.dailyCapacity', { count: site.dailyCapacity })}
                      </Typography.Text>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
        <BookingCard official={isOfficial} />
        <BookingsCard />
        {isOfficial && <StatsCard />}
      </Space>
      <Modal open={!!codeOf} title={codeOf?.name} footer={null} onCancel={() => setCodeOf(null)} destroyOnHidden>
        {codeOf && <SiteCode site={codeOf} />}
      </Modal>
    </>
  );
}

function BookingCard({ official }: { official: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{
    visitOn: Dayjs;
    groupSize: number;
    groupName: string;
    contactName?: string;
    contactPhone?: string;
    outsideGroup?: boolean;
  }>();
  const visitOn = Form.useWatch('visitOn', form);
  const availability = useAvailability(visitOn ? visitOn.format('YYYY-MM-DD') : undefined);
  const book = useBookRoute();
  const showError = useShowError();
  return (
    <Card className="section-card" title={t('studyRoute.book')}>
      <Form
        form={form}
        layout="inline"
        onFinish={(v) =>
          book.mutate(
            {
              visitOn: v.visitOn.format('YYYY-MM-DD'),
              groupSize: v.groupSize,
              groupName: v.groupName,
              contactName: v.contactName || undefined,
              contactPhone: v.contactPhone || undefined,
              outsideGroup: v.outsideGroup || undefined,
            },
            {
              onSuccess: () => {
                void message.success(t('studyRoute.booked'));
                form.resetFields();
              },
              onError: (e) => showError(e, form),
            },
          )
        }
      >
        <Form.Item
          name="visitOn"
          label={t('studyRoute.visitOn')}
          rules={[{ required: true, message: t('venues.required') }]}
        >
          <DatePicker disabledDate={(d) => d.isBefore(dayjs().startOf('day'))} data-testid="study-visit-on" />
        </Form.Item>
        <Form.Item
          name="groupName"
          label={t('studyRoute.groupName')}
          rules={[{ required: true, min: 2, message: t('venues.required') }]}
        >
          <Input maxLength={100} data-testid="study-group-name" />
        </Form.Item>
        <Form.Item
          name="groupSize"
          label={t('studyRoute.groupSize')}
          rules={[{ required: true, message: t('venues.required') }]}
        >
          <InputNumber min={1} max={10000} data-testid="study-group-size" />
        </Form.Item>
        <Form.Item name="contactName" label={t('studyRoute.contactName')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('studyRoute.contactPhone')}>
          <Input maxLength={30} />
        </Form.Item>
        {official && (
          <Form.Item name="outsideGroup" valuePropName="checked">
            <Checkbox>{t('studyRoute.outsideGroup')}</Checkbox>
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={book.isPending} data-testid="study-book-submit">
          {t('studyRoute.submit')}
        </Button>
      </Form>
      {availability.data && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }} data-testid="study-availability">
          {t('studyRoute.remaining', { count: availability.data.maxGroupSize })}：
          {availability.data.sites.map((s) => `${s.name} ${s.remaining}/${s.dailyCapacity}`).join('，')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

function BookingsCard() {
  const { t } = useTranslation();
  const bookings = useStudyBookings();
  const cancel = useCancelStudyBooking();
  const showError = useShowError();
  return (
    <Card className="section-card" title={t('studyRoute.bookings')}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={bookings.data ?? []}
        data-testid="study-bookings"
        columns={[
          { title: t('studyRoute.visitOn'), dataIndex: 'visitOn' },
          { title: t('studyRoute.groupName'), dataIndex: 'groupName' },
          { title: t('studyRoute.groupSize'), dataIndex: 'groupSize' },
          { title: t('studyRoute.visited'), render: (_: unknown, b) => b.visitedSiteIds.length },
          { title: t('venues.status'), render: (_: unknown, b) => <Tag>{t(`venues.statuses.${b.status}`)}</Tag> },
          {
            title: '',
            render: (_: unknown, b) =>
              b.allowedActions.includes('cancel') && (
                <Button size="small" danger onClick={() => cancel.mutate(b.id, { onError: (e) => showError(e) })}>
                  {t('venues.actions.cancel')}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}

function StatsCard() {
  const { t } = useTranslation();
  const [year, setYear] = useState(dayjs().year());
  const stats = useVisitStats(year, true);
  return (
    <Card
      className="section-card"
      title={t('studyRoute.stats')}
      extra={<YearInput min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />}
    >
      <Table
        rowKey={(r) => `${r.siteId}-${r.month}`}
        size="small"
        pagination={false}
        dataSource={stats.data?.rows ?? []}
        data-testid="study-stats"
        columns={[
          { title: t('studyRoute.month'), dataIndex: 'month' },
          { title: t('studyRoute.site'), dataIndex: 'siteName' },
          { title: t('studyRoute.visits'), dataIndex: 'visits' },
          { title: t('studyRoute.people'), dataIndex: 'people' },
        ]}
      />
    </Card>
  );
}
