import { MobileOutlined, SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFormErrors, errorMessage } from '../../api/errors';
import { useRequestSmsCode, useSmsLogin, type SmsLoginInput } from './api';

const MOBILE = /^1[3-9]\d{9}$/;

/** Seconds left of a countdown, ticking once a second, and how to start one. */
function useCountdown(): [number, (seconds: number) => void] {
  const [now, setNow] = useState(() => Date.now());
  const [until, setUntil] = useState<number | null>(null);
  useEffect(() => {
    if (until === null) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [until]);
  const start = (seconds: number) => {
    const at = Date.now();
    setNow(at);
    setUntil(at + seconds * 1000);
  };
  return [until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000)), start];
}

/** 短信登录: a mobile number, a texted code (获取验证码, then 60 s before the next), sign in. */
export function SmsLoginForm({ onSignedIn, onPending }: { onSignedIn: () => void; onPending: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SmsLoginInput>();
  const requestCode = useRequestSmsCode();
  const login = useSmsLogin();
  const [secondsLeft, startCountdown] = useCountdown();

  const sendCode = async () => {
    const { mobile } = await form.validateFields(['mobile']).catch(() => ({ mobile: undefined }));
    if (!mobile) return;
    login.reset();
    requestCode.mutate(
      { mobile },
      {
        onSuccess: (answer) => startCountdown(answer.resendAfterSeconds),
        onError: (error) => applyFormErrors(form, error),
      },
    );
  };

  const onFinish = (values: SmsLoginInput) => {
    onPending();
    login.mutate(values, {
      onSuccess: onSignedIn,
      onError: (error) => applyFormErrors(form, error),
    });
  };

  const error = login.error ?? requestCode.error;
  return (
    <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} autoComplete="on">
      {error && (
        <Alert type="error" showIcon title={errorMessage(error)} className="auth-alert" data-testid="sms-login-error" />
      )}
      {requestCode.isSuccess && !error && (
        <Alert type="info" showIcon title={t('login.codeSent')} className="auth-alert" data-testid="sms-code-sent" />
      )}
      <Form.Item
        name="mobile"
        label={t('login.mobile')}
        rules={[
          { required: true, message: t('login.mobileRequired') },
          { pattern: MOBILE, message: t('login.mobileInvalid') },
        ]}
      >
        <Input
          prefix={<MobileOutlined />}
          placeholder={t('login.mobilePlaceholder')}
          inputMode="numeric"
          maxLength={11}
          autoComplete="tel-national"
          data-testid="sms-login-mobile"
        />
      </Form.Item>
      <Form.Item label={t('login.code')} required={false}>
        <Space.Compact block>
          <Form.Item
            name="code"
            noStyle
            rules={[
              { required: true, message: t('login.codeRequired') },
              { pattern: /^\d{6}$/, message: t('login.codeInvalid') },
            ]}
          >
            <Input
              prefix={<SafetyOutlined />}
              placeholder={t('login.codePlaceholder')}
              inputMode="numeric"
              maxLength={6}
              autoComplete="one-time-code"
              data-testid="sms-login-code"
            />
          </Form.Item>
          <Button
            onClick={() => void sendCode()}
            disabled={secondsLeft > 0}
            loading={requestCode.isPending}
            data-testid="sms-send-code"
            style={{ minWidth: 128 }}
          >
            {secondsLeft > 0 ? t('login.resendIn', { seconds: secondsLeft }) : t('login.sendCode')}
          </Button>
        </Space.Compact>
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="sms-login-submit">
        {t('login.submit')}
      </Button>
    </Form>
  );
}
