import { App, Button, Card, Form, Switch, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { timeZoneName } from '../../lib/timeZones';
import { useShowError } from '../../lib/useShowError';
import { useUpdateNotificationSettings, type NotificationSettings } from './settingsApi';

interface Values {
  quietStart: Dayjs;
  quietEnd: Dayjs;
  quietWeekends: boolean;
}

const TIME_FORMAT = 'HH:mm';

/** `22:00` -> a Dayjs of today at that time (the date is irrelevant to a TimePicker). */
function fromHhmm(value: string): Dayjs {
  const [hour, minute] = value.split(':').map(Number);
  return dayjs().hour(hour).minute(minute).second(0).millisecond(0);
}

/** Email and group robot messages wait out the township's quiet hours; the in-app inbox does not. */
export function QuietHoursCard({ settings }: { settings: NotificationSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const update = useUpdateNotificationSettings();

  useEffect(() => {
    form.setFieldsValue({
      quietStart: fromHhmm(settings.quietStart),
      quietEnd: fromHhmm(settings.quietEnd),
      quietWeekends: settings.quietWeekends,
    });
  }, [settings.quietStart, settings.quietEnd, settings.quietWeekends, form]);

  const onFinish = (values: Values) =>
    update.mutate(
      {
        quietStart: values.quietStart.format(TIME_FORMAT),
        quietEnd: values.quietEnd.format(TIME_FORMAT),
        quietWeekends: values.quietWeekends,
      },
      {
        onSuccess: () => void message.success(t('common.saved')),
        onError: (error) => showError(error, form),
      },
    );

  return (
    <Card title={t('notificationCenter.quietHours')} className="section-card" data-testid="quiet-hours-card">
      <Typography.Paragraph type="secondary">{t('notificationCenter.quietHoursHint')}</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={onFinish} data-testid="quiet-hours-form">
        <Form.Item
          name="quietStart"
          label={t('notificationCenter.quietStart')}
          rules={[{ required: true, message: t('notificationCenter.timeRequired') }]}
        >
          <TimePicker
            format={TIME_FORMAT}
            minuteStep={5}
            allowClear={false}
            needConfirm={false}
            data-testid="quiet-start"
          />
        </Form.Item>
        <Form.Item
          name="quietEnd"
          label={t('notificationCenter.quietEnd')}
          rules={[{ required: true, message: t('notificationCenter.timeRequired') }]}
        >
          <TimePicker
            format={TIME_FORMAT}
            minuteStep={5}
            allowClear={false}
            needConfirm={false}
            data-testid="quiet-end"
          />
        </Form.Item>
        <Form.Item name="quietWeekends" label={t('notificationCenter.quietWeekends')} valuePropName="checked">
          <Switch data-testid="quiet-weekends" />
        </Form.Item>
        <Form.Item label={t('notificationCenter.timeZone')}>
          <Typography.Text data-testid="quiet-time-zone">{timeZoneName(t, settings.timeZone)}</Typography.Text>
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="quiet-hours-save">
            {t('common.save')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
