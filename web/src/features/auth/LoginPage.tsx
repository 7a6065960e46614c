import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Segmented, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { applyFormErrors, errorMessage } from '../../api/errors';
import { LanguageSwitch } from '../../lib/LanguageSwitch';
import { preloadSignedIn } from '../../shell/lazyShell';
import { useLogin, type LoginInput } from './api';
import { SmsLoginForm } from './SmsLoginForm';
import { useTokens } from '../../lib/session';

export function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginInput>();
  const login = useLogin();
  const tokens = useTokens();
  const navigate = useNavigate();
  const location = useLocation();
  // The base text style antd's App gives the other pages. The first page anyone loads does without
  // its code, and without Card's and Typography's (tabs, menus, tooltips): plain elements in their look.
  const { token } = theme.useToken();
  const text = {
    color: token.colorText,
    fontFamily: token.fontFamily,
    fontSize: token.fontSize,
    lineHeight: token.lineHeight,
  };
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const [method, setMethod] = useState<'password' | 'sms'>('password');
  const [smsPending, setSmsPending] = useState(false);

  if (tokens && !login.isPending && !smsPending) return <Navigate to={from} replace />;

  const preload = () => preloadSignedIn({ home: from === '/' || from === '/home' });

  const onFinish = (values: LoginInput) => {
    // The app's frame and first page load while the password is checked, not after.
    preload();
    login.mutate(values, {
      onSuccess: () => void navigate(from, { replace: true }),
      onError: (error) => applyFormErrors(form, error),
    });
  };

  return (
    <div className="auth-page" style={text}>
      <div className="auth-page-language">
        <LanguageSwitch />
      </div>
      <div
        className="auth-card login-card"
        style={{ borderRadius: token.borderRadiusLG, borderColor: token.colorBorderSecondary }}
      >
        <h1 className="login-title" style={{ fontSize: token.fontSizeHeading3, lineHeight: token.lineHeightHeading3 }}>
          {t('app.name')}
        </h1>
        <p className="auth-subtitle login-subtitle" style={{ color: token.colorTextSecondary }}>
          {t('app.tagline')}
        </p>
        <Segmented<'password' | 'sms'>
          block
          value={method}
          onChange={setMethod}
          options={[
            { label: t('login.tabPassword'), value: 'password' },
            { label: t('login.tabSms'), value: 'sms' },
          ]}
          className="login-method"
          data-testid="login-method"
        />
        {method === 'sms' ? (
          <SmsLoginForm
            onPending={() => {
              setSmsPending(true);
              preload();
            }}
            onSignedIn={() => void navigate(from, { replace: true })}
          />
        ) : (
          <>
            {login.isError && (
              <Alert
                type="error"
                showIcon
                title={errorMessage(login.error)}
                className="auth-alert"
                data-testid="login-error"
              />
            )}
            <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} autoComplete="on">
              <Form.Item
                name="email"
                label={t('login.account')}
                rules={[{ required: true, whitespace: true, message: t('login.accountRequired') }]}
              >
                <Input
                  prefix={<UserOutlined />}
                  placeholder={t('login.accountPlaceholder')}
                  autoComplete="username"
                  data-testid="login-email"
                />
              </Form.Item>
              <Form.Item
                name="password"
                label={t('login.password')}
                rules={[{ required: true, message: t('login.passwordRequired') }]}
              >
                <Input.Password
                  prefix={<LockOutlined />}
                  placeholder={t('login.passwordPlaceholder')}
                  autoComplete="current-password"
                  data-testid="login-password"
                />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
                {t('login.submit')}
              </Button>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
