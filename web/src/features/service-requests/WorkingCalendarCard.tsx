import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiDate, today } from '../../lib/dates';
import { timeZoneName } from '../../lib/timeZones';
import { useShowError } from '../../lib/useShowError';
import { useRemoveCalendarDay, useSetCalendarDay, useWorkingCalendar, type CalendarDay } from './catalogueApi';

interface Values {
  date: Dayjs;
  kind: CalendarDay['kind'];
  name?: string;
}

/** The township's holidays and make-up working days (调休) of one year, which drive the SLA clocks. */
export function WorkingCalendarCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const thisYear = today().year();
  const [year, setYear] = useState(thisYear);
  const calendar = useWorkingCalendar(year);
  const setDay = useSetCalendarDay();
  const removeDay = useRemoveCalendarDay();
  const [form] = Form.useForm<Values>();

  const onFinish = (values: Values) =>
    setDay.mutate(
      { date: toApiDate(values.date)!, kind: values.kind, name: values.name?.trim() || undefined },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          form.resetFields(['date', 'name']);
          if (values.date.year() !== year) setYear(values.date.year());
        },
        onError: (error) => showError(error, form),
      },
    );

  const columns: TableColumnsType<CalendarDay> = [
    { title: t('serviceRequests.calendar.date'), dataIndex: 'date', width: 140 },
    {
      title: t('serviceRequests.calendar.kind'),
      dataIndex: 'kind',
      render: (kind: CalendarDay['kind']) => (
        <Tag color={kind === 'holiday' ? 'red' : 'blue'}>{t(`serviceRequests.calendar.kinds.${kind}`)}</Tag>
      ),
    },
    { title: t('serviceRequests.calendar.name'), dataIndex: 'name', render: (name: string | null) => name ?? '—' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, day) => (
        <Popconfirm
          title={t('serviceRequests.calendar.removeConfirm', { date: day.date })}
          okText={t('common.delete')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => removeDay.mutate(day.date, { onError: (error) => showError(error) })}
        >
          <Button type="link" danger data-testid="sr-calendar-remove">
            {t('common.delete')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Card
      title={t('serviceRequests.calendar.title')}
      className="section-card"
      extra={
        <Select
          value={year}
          onChange={setYear}
          options={[thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: y, label: String(y) }))}
          style={{ width: 100 }}
          data-testid="sr-calendar-year"
        />
      }
    >
      {calendar.data && (
        <Typography.Paragraph type="secondary">
          {t('serviceRequests.calendar.hint', {
            timeZone: timeZoneName(t, calendar.data.timeZone),
            hours: calendar.data.workingHours.join('、'),
          })}
        </Typography.Paragraph>
      )}
      <Form
        form={form}
        layout="inline"
        onFinish={onFinish}
        initialValues={{ kind: 'holiday' }}
        style={{ marginBottom: 16, rowGap: 8 }}
        data-testid="sr-calendar-form"
      >
        <Form.Item name="date" rules={[{ required: true, message: t('serviceRequests.calendar.dateRequired') }]}>
          <DatePicker placeholder={t('serviceRequests.calendar.date')} />
        </Form.Item>
        <Form.Item name="kind">
          <Select
            style={{ width: 140 }}
            options={(['holiday', 'workday'] as const).map((kind) => ({
              value: kind,
              label: t(`serviceRequests.calendar.kinds.${kind}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="name" rules={[{ max: 100 }]}>
          <Input placeholder={t('serviceRequests.calendar.namePlaceholder')} style={{ width: 180 }} />
        </Form.Item>
        <Space>
          <Button
            type="primary"
            htmlType="submit"
            icon={<PlusOutlined />}
            loading={setDay.isPending}
            data-testid="sr-calendar-add"
          >
            {t('serviceRequests.calendar.add')}
          </Button>
        </Space>
      </Form>
      <Table<CalendarDay>
        rowKey="date"
        size="small"
        columns={columns}
        dataSource={calendar.data?.days ?? []}
        loading={calendar.isPending}
        pagination={{ pageSize: 15, hideOnSinglePage: true, showSizeChanger: false }}
        data-testid="sr-calendar"
      />
    </Card>
  );
}
