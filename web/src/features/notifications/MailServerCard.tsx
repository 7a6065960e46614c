import {
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { blankToNull } from '../../lib/forms';
import { useShowError } from '../../lib/useShowError';
import { useUpdateNotificationSettings, type NotificationSettings, type UpdateSettingsInput } from './settingsApi';

interface Values {
  smtpHost?: string;
  smtpPort?: number | null;
  smtpSecure: boolean;
  smtpUsername?: string;
  /** Write-only: never filled in from the server; empty keeps the stored one. */
  smtpPassword?: string;
  mailFrom?: string;
}

/** The township's own SMTP server; empty host means the platform's mail server. */
export function MailServerCard({ settings }: { settings: NotificationSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const update = useUpdateNotificationSettings();

  useEffect(() => {
    form.setFieldsValue({
      smtpHost: settings.smtpHost ?? undefined,
      smtpPort: settings.smtpPort,
      smtpSecure: settings.smtpSecure,
      smtpUsername: settings.smtpUsername ?? undefined,
      smtpPassword: undefined,
      mailFrom: settings.mailFrom ?? undefined,
    });
    // Only the mail fields: saving the quiet hours must not wipe what is being typed here.
  }, [settings.smtpHost, settings.smtpPort, settings.smtpSecure, settings.smtpUsername, settings.mailFrom, form]);

  const save = (input: UpdateSettingsInput, done: string) =>
    update.mutate(input, {
      onSuccess: () => {
        form.setFieldValue('smtpPassword', undefined);
        void message.success(done);
      },
      onError: (error) => showError(error, form),
    });

  const onFinish = (values: Values) =>
    save(
      {
        smtpHost: blankToNull(values.smtpHost),
        smtpPort: values.smtpPort ?? null,
        smtpSecure: values.smtpSecure,
        smtpUsername: blankToNull(values.smtpUsername),
        mailFrom: blankToNull(values.mailFrom),
        // Sent only when typed: an empty field keeps the stored password.
        ...(values.smtpPassword ? { smtpPassword: values.smtpPassword } : {}),
      },
      t('common.saved'),
    );

  return (
    <Card
      title={t('notificationCenter.mailServer')}
      className="section-card"
      extra={
        settings.smtpHost ? null : (
          <Tag data-testid="mail-server-platform">{t('notificationCenter.usingPlatformMail')}</Tag>
        )
      }
      data-testid="mail-server-card"
    >
      <Typography.Paragraph type="secondary">{t('notificationCenter.mailServerHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={onFinish} data-testid="mail-server-form">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="smtpHost" label={t('notificationCenter.smtpHost')}>
              <Input placeholder="smtp.example.com" data-testid="smtp-host" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="smtpPort" label={t('notificationCenter.smtpPort')}>
              <InputNumber
                min={1}
                max={65535}
                precision={0}
                style={{ width: '100%' }}
                placeholder="465"
                data-testid="smtp-port"
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="smtpSecure" label={t('notificationCenter.smtpSecure')} valuePropName="checked">
              <Switch data-testid="smtp-secure" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="smtpUsername" label={t('notificationCenter.smtpUsername')}>
              <Input autoComplete="off" data-testid="smtp-username" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="smtpPassword"
              label={
                <Space size="small">
                  {t('notificationCenter.smtpPassword')}
                  {settings.hasSmtpPassword ? (
                    <Tag color="green" data-testid="smtp-password-set">
                      {t('notificationCenter.secretSet')}
                    </Tag>
                  ) : (
                    <Tag data-testid="smtp-password-unset">{t('notificationCenter.secretUnset')}</Tag>
                  )}
                </Space>
              }
              extra={settings.hasSmtpPassword ? t('notificationCenter.keepSecretHint') : undefined}
            >
              <Input.Password
                autoComplete="new-password"
                placeholder={settings.hasSmtpPassword ? t('notificationCenter.secretSet') : undefined}
                data-testid="smtp-password"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="mailFrom" label={t('notificationCenter.mailFrom')}>
              <Input placeholder={t('notificationCenter.mailFromPlaceholder')} data-testid="mail-from" />
            </Form.Item>
          </Col>
        </Row>
        <Space>
          <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="mail-server-save">
            {t('common.save')}
          </Button>
          {settings.hasSmtpPassword && (
            <Popconfirm
              title={t('notificationCenter.clearPasswordConfirm')}
              okText={t('notificationCenter.clearPassword')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => save({ smtpPassword: '' }, t('notificationCenter.passwordCleared'))}
            >
              <Button danger data-testid="smtp-password-clear">
                {t('notificationCenter.clearPassword')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Form>
    </Card>
  );
}
