import { App, Button, Col, Card, Collapse, Form, Input, Row, Space, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { blankToNull } from '../../lib/forms';
import { useShowError } from '../../lib/useShowError';
import { useUpdateNotificationSettings, type NotificationSettings, type UpdateSettingsInput } from './settingsApi';
import { NOTIFICATION_TYPES, typeLabel } from './types';

interface Values {
  smsEndpoint?: string;
  smsAccessKeyId?: string;
  /** Write-only: never filled in from the server; empty keeps the stored one. */
  smsAccessKeySecret?: string;
  smsSignName?: string;
  smsVerificationTemplate?: string;
  smsTemplates: Record<string, string | undefined>;
}

/** Types a person can receive by SMS: robot tests go to a robot, invitations only by email. */
const SMS_TYPES = NOTIFICATION_TYPES.filter((type) => type !== 'notifications.robot-test' && type !== 'user.invited');

/** The township's Alibaba Cloud SMS account and the approved template of each notification type. */
export function SmsCard({ settings }: { settings: NotificationSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const update = useUpdateNotificationSettings();

  useEffect(() => {
    form.setFieldsValue({
      smsEndpoint: settings.smsEndpoint ?? undefined,
      smsAccessKeyId: settings.smsAccessKeyId ?? undefined,
      smsAccessKeySecret: undefined,
      smsSignName: settings.smsSignName ?? undefined,
      smsVerificationTemplate: settings.smsVerificationTemplate ?? undefined,
      smsTemplates: { ...settings.smsTemplates },
    });
    // Only the SMS fields: saving another card must not wipe what is being typed here.
  }, [
    settings.smsEndpoint,
    settings.smsAccessKeyId,
    settings.smsSignName,
    settings.smsVerificationTemplate,
    settings.smsTemplates,
    form,
  ]);

  const onFinish = (values: Values) => {
    const templates = Object.fromEntries(
      Object.entries(values.smsTemplates ?? {}).flatMap(([type, code]) => (code?.trim() ? [[type, code.trim()]] : [])),
    );
    const input: UpdateSettingsInput = {
      smsEndpoint: blankToNull(values.smsEndpoint),
      smsAccessKeyId: blankToNull(values.smsAccessKeyId),
      smsSignName: blankToNull(values.smsSignName),
      smsVerificationTemplate: blankToNull(values.smsVerificationTemplate),
      smsTemplates: templates,
      // Sent only when typed: an empty field keeps the stored secret.
      ...(values.smsAccessKeySecret ? { smsAccessKeySecret: values.smsAccessKeySecret } : {}),
    };
    update.mutate(input, {
      onSuccess: () => {
        form.setFieldValue('smsAccessKeySecret', undefined);
        void message.success(t('common.saved'));
      },
      onError: (error) => showError(error, form),
    });
  };

  const configured = settings.smsAccessKeyId && settings.hasSmsAccessKeySecret && settings.smsSignName;
  return (
    <Card
      title={t('notificationCenter.sms')}
      className="section-card"
      extra={
        configured ? (
          <Tag color="green">{t('notificationCenter.smsOn')}</Tag>
        ) : (
          <Tag>{t('notificationCenter.smsOff')}</Tag>
        )
      }
      data-testid="sms-card"
    >
      <Typography.Paragraph type="secondary">{t('notificationCenter.smsHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={onFinish} data-testid="sms-form">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="smsAccessKeyId" label={t('notificationCenter.smsAccessKeyId')}>
              <Input autoComplete="off" data-testid="sms-access-key-id" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="smsAccessKeySecret"
              label={
                <Space size="small">
                  {t('notificationCenter.smsAccessKeySecret')}
                  <Tag color={settings.hasSmsAccessKeySecret ? 'green' : undefined}>
                    {t(
                      settings.hasSmsAccessKeySecret
                        ? 'notificationCenter.secretSet'
                        : 'notificationCenter.secretUnset',
                    )}
                  </Tag>
                </Space>
              }
              extra={settings.hasSmsAccessKeySecret ? t('notificationCenter.keepSecretHint') : undefined}
            >
              <Input.Password autoComplete="new-password" data-testid="sms-access-key-secret" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="smsSignName" label={t('notificationCenter.smsSignName')}>
              <Input placeholder={t('notificationCenter.smsSignNamePlaceholder')} data-testid="sms-sign-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="smsEndpoint"
              label={t('notificationCenter.smsEndpoint')}
              extra={t('notificationCenter.smsEndpointHint')}
            >
              <Input placeholder="https://dysmsapi.aliyuncs.com/" data-testid="sms-endpoint" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="smsVerificationTemplate"
              label={t('notificationCenter.smsVerificationTemplate')}
              extra={t('notificationCenter.smsVerificationTemplateHint')}
            >
              <Input placeholder="SMS_123456789" data-testid="sms-verification-template" />
            </Form.Item>
          </Col>
        </Row>
        <Collapse
          size="small"
          items={[
            {
              key: 'templates',
              label: t('notificationCenter.smsTemplates'),
              children: (
                <>
                  <Typography.Paragraph type="secondary">
                    {t('notificationCenter.smsTemplatesHint')}
                  </Typography.Paragraph>
                  <Row gutter={16}>
                    {SMS_TYPES.map((type) => (
                      <Col xs={24} md={12} key={type}>
                        <Form.Item name={['smsTemplates', type]} label={typeLabel(t, type)}>
                          <Input placeholder="SMS_123456789" data-testid={`sms-template-${type}`} />
                        </Form.Item>
                      </Col>
                    ))}
                  </Row>
                </>
              ),
            },
          ]}
        />
        <Button
          type="primary"
          htmlType="submit"
          loading={update.isPending}
          style={{ marginTop: 16 }}
          data-testid="sms-save"
        >
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
